import {
  analyseApology,
  buildGuard,
  type ApologyAnalysis,
  type Finding,
  type Guard,
  type GuardKnowledge,
} from '../../engine/index.ts';
import type { AnalyseInput, CheckInput } from '../../shared/contract/index.ts';
import { calendarFindings } from '../calendars/busy.ts';
import { getClient } from '../clients/clients.ts';
import { getMistake } from '../mistakes/mistakes.ts';
import type { Actor, Deps, Store } from '../ports.ts';
import { loadSettings } from '../settings/settings.ts';
import {
  attribute,
  hasLessonChecks,
  loadAttribution,
  recordDraftCheck,
  type AttributedFinding,
  type LessonAttribution,
  type LessonLink,
} from '../lessons/catches.ts';

/** The workspace's own names for the guard: its name and its members' names (who write and sign the mail). */
export async function loadOwnNames(
  store: Store,
  workspaceId: string,
): Promise<{ workspaceName: string; members: string[] }> {
  const [workspace, members] = await Promise.all([store.workspaces.get(workspaceId), store.users.members(workspaceId)]);
  return {
    workspaceName: workspace?.name ?? '',
    members: members.map((m) => m.name).filter((n) => n.trim().length > 0),
  };
}

/**
 * Everything the guard is built from, for one workspace: every client's names, contacts and facts,
 * words and rules, and the workspace's own name and members' names (so "Northwind" and the
 * sender's name are never misspellings).
 */
export async function loadGuardKnowledge(
  store: Store,
  workspaceId: string,
  locale: GuardKnowledge['locale'],
): Promise<GuardKnowledge> {
  const [clients, contacts, facts, vocabulary, rules, own] = await Promise.all([
    store.clients.list(workspaceId, {}),
    store.contacts.listAll(workspaceId),
    store.facts.list(workspaceId),
    store.vocabulary.list(workspaceId),
    store.guardRules.list(workspaceId),
    loadOwnNames(store, workspaceId),
  ]);
  const byClient = new Map(
    clients.map((c) => [
      c.id,
      {
        id: c.id,
        name: c.name,
        aliases: c.aliases,
        contacts: [] as GuardKnowledge['clients'][number]['contacts'],
        facts: [] as GuardKnowledge['facts'],
      },
    ]),
  );
  for (const contact of contacts) {
    byClient.get(contact.clientId)?.contacts.push({
      name: contact.fullName,
      honorific: contact.honorific,
      ...(contact.preferredName && { preferredName: contact.preferredName }),
      ...(contact.pronouns && { pronouns: contact.pronouns }),
      ...(contact.email && { email: contact.email }),
    });
  }
  const workspaceFacts: GuardKnowledge['facts'] = [];
  for (const fact of facts) {
    const entry = { kind: fact.kind, value: fact.value, ...(fact.label && { label: fact.label }) };
    if (fact.clientId) byClient.get(fact.clientId)?.facts.push(entry);
    else workspaceFacts.push(entry);
  }
  return {
    locale,
    clients: [...byClient.values()],
    facts: workspaceFacts,
    vocabulary,
    ...(own.workspaceName && { workspaceName: own.workspaceName }),
    members: own.members,
    rules: rules.map((r) => ({
      id: r.id,
      kind: r.kind,
      message:
        r.mistakeRef && !r.message.includes(r.mistakeRef) ? `${r.message} (lesson from ${r.mistakeRef})` : r.message,
      ...(r.clientId && { clientId: r.clientId }),
      ...(r.phrase && { phrase: r.phrase }),
      ...(r.pattern && { pattern: r.pattern }),
      ...(r.when && { when: r.when }),
    })),
  };
}

interface CachedGuard {
  version: number;
  locale: string;
  /** The workspace's name and members' names the guard was built with. */
  names: string;
  guard: Promise<Guard>;
  /** Which findings belong to which lesson (same version as the guard). */
  lessons: Promise<LessonAttribution>;
}

/**
 * One built guard per workspace, reused across checks and rebuilt when the workspace's guard
 * version moves (bumped in the same transaction as any change to names, contacts, facts, rules or
 * words) — a version read is one primary-key lookup, so several app instances stay coherent — or
 * when the workspace is renamed or its members change (their names are the guard's words too).
 */
export class GuardCache {
  private readonly guards = new Map<string, CachedGuard>();

  async get(deps: Deps, workspaceId: string): Promise<Guard> {
    return (await this.entry(deps, workspaceId)).guard;
  }

  /** The guard and the lesson links, built together for the workspace's current guard version. */
  async entry(deps: Deps, workspaceId: string): Promise<CachedGuard> {
    const [version, settings, own] = await Promise.all([
      deps.store.workspaces.guardVersion(workspaceId),
      loadSettings(deps.store, workspaceId),
      loadOwnNames(deps.store, workspaceId),
    ]);
    const names = JSON.stringify([own.workspaceName, ...own.members]);
    const cached = this.guards.get(workspaceId);
    if (cached && cached.version === version && cached.locale === settings.locale && cached.names === names)
      return cached;
    const guard = (async () => {
      const [knowledge, speller] = await Promise.all([
        loadGuardKnowledge(deps.store, workspaceId, settings.locale),
        deps.speller(settings.locale),
      ]);
      return buildGuard(knowledge, { speller });
    })();
    const lessons = loadAttribution(deps.store, workspaceId);
    const entry = { version, locale: settings.locale, names, guard, lessons };
    this.guards.set(workspaceId, entry);
    guard.catch(() => this.guards.delete(workspaceId));
    lessons.catch(() => this.guards.delete(workspaceId));
    return entry;
  }
}

/** Today's date (YYYY-MM-DD) in a time zone, for weekday checks of dates without a year. */
export function todayIn(timeZone: string, now: Date): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      now,
    );
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

/**
 * Runs the pre-send guard on a text meant for a client of the actor's workspace. Findings of a
 * lesson's checks name the lesson; with a `draftId`, what the lesson caught on that draft is counted
 * (`sending`: the draft is going out as it is, so what is still on it was not caught).
 */
export async function checkText(
  deps: Deps,
  cache: GuardCache,
  actor: Actor,
  input: CheckInput,
  options: { sending?: boolean } = {},
): Promise<AttributedFinding[]> {
  await getClient(deps, actor, input.clientId);
  const [entry, workspace] = await Promise.all([
    cache.entry(deps, actor.workspaceId),
    deps.store.workspaces.get(actor.workspaceId),
  ]);
  const [guard, lessons] = await Promise.all([entry.guard, entry.lessons]);
  const raw: Finding[] = [
    ...guard.check(input.text, {
      clientId: input.clientId,
      date: input.date ?? todayIn(workspace?.timezone ?? 'UTC', deps.clock.now()),
      ...(input.attachments !== undefined && { attachments: input.attachments }),
    }),
    // Proposed times against the sender's calendar (issue 15 C): busy intervals passed in as data.
    ...(await calendarFindings(
      deps,
      actor,
      input.text,
      workspace?.timezone ?? 'UTC',
      entry.locale === 'en-GB' ? 'en-GB' : 'en-US',
    )),
  ];
  const { findings, links } = attribute(raw, lessons, input.clientId);
  if (input.draftId && hasLessonChecks(lessons)) {
    const present = links.filter((l): l is LessonLink => l !== null);
    await recordDraftCheck(deps, actor, input.draftId, present, options.sending ?? false);
  }
  return findings;
}

/** Runs the apology analyser; with a mistake, as an acknowledgment of that mistake. */
export async function analyseText(deps: Deps, actor: Actor, input: AnalyseInput): Promise<ApologyAnalysis> {
  const mistake = input.mistakeId ? await getMistake(deps, actor, input.mistakeId) : null;
  return analyseApology(input.text, {
    kind: input.kind ?? (mistake ? 'acknowledgment' : 'general'),
    ...(mistake && {
      mistake: { title: mistake.title, ...(mistake.description && { description: mistake.description }) },
    }),
  });
}
