import {
  analyseApology,
  buildGuard,
  type ApologyAnalysis,
  type Finding,
  type Guard,
  type GuardKnowledge,
} from '../../engine/index.ts';
import type { AnalyseInput, CheckInput } from '../../shared/contract/index.ts';
import { getClient } from '../clients/clients.ts';
import { getMistake } from '../mistakes/mistakes.ts';
import type { Actor, Deps, Store } from '../ports.ts';
import { loadSettings } from '../settings/settings.ts';

/** Everything the guard is built from, for one workspace: every client's names, contacts and facts, words and rules. */
export async function loadGuardKnowledge(store: Store, workspaceId: string, locale: GuardKnowledge['locale']): Promise<GuardKnowledge> {
  const [clients, contacts, facts, vocabulary, rules] = await Promise.all([
    store.clients.list(workspaceId, {}),
    store.contacts.listAll(workspaceId),
    store.facts.list(workspaceId),
    store.vocabulary.list(workspaceId),
    store.guardRules.list(workspaceId),
  ]);
  const byClient = new Map(clients.map((c) => [c.id, { id: c.id, name: c.name, aliases: c.aliases, contacts: [] as GuardKnowledge['clients'][number]['contacts'], facts: [] as GuardKnowledge['facts'] }]));
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
    rules: rules.map((r) => ({
      id: r.id,
      kind: r.kind,
      message: r.mistakeRef && !r.message.includes(r.mistakeRef) ? `${r.message} (lesson from ${r.mistakeRef})` : r.message,
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
  guard: Promise<Guard>;
}

/**
 * One built guard per workspace, reused across checks and rebuilt when the workspace's guard
 * version moves (bumped in the same transaction as any change to names, contacts, facts, rules or
 * words) — a version read is one primary-key lookup, so several app instances stay coherent.
 */
export class GuardCache {
  private readonly guards = new Map<string, CachedGuard>();

  async get(deps: Deps, workspaceId: string): Promise<Guard> {
    const [version, settings] = await Promise.all([
      deps.store.workspaces.guardVersion(workspaceId),
      loadSettings(deps.store, workspaceId),
    ]);
    const cached = this.guards.get(workspaceId);
    if (cached && cached.version === version && cached.locale === settings.locale) return cached.guard;
    const guard = (async () => {
      const [knowledge, speller] = await Promise.all([
        loadGuardKnowledge(deps.store, workspaceId, settings.locale),
        deps.speller(settings.locale),
      ]);
      return buildGuard(knowledge, { speller });
    })();
    this.guards.set(workspaceId, { version, locale: settings.locale, guard });
    guard.catch(() => this.guards.delete(workspaceId));
    return guard;
  }
}

/** Today's date (YYYY-MM-DD) in a time zone, for weekday checks of dates without a year. */
export function todayIn(timeZone: string, now: Date): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

/** Runs the pre-send guard on a text meant for a client of the actor's workspace. */
export async function checkText(deps: Deps, cache: GuardCache, actor: Actor, input: CheckInput): Promise<Finding[]> {
  await getClient(deps, actor, input.clientId);
  const [guard, workspace] = await Promise.all([
    cache.get(deps, actor.workspaceId),
    deps.store.workspaces.get(actor.workspaceId),
  ]);
  return guard.check(input.text, {
    clientId: input.clientId,
    date: input.date ?? todayIn(workspace?.timezone ?? 'UTC', deps.clock.now()),
    ...(input.attachments !== undefined && { attachments: input.attachments }),
  });
}

/** Runs the apology analyser; with a mistake, as an acknowledgment of that mistake. */
export async function analyseText(deps: Deps, actor: Actor, input: AnalyseInput): Promise<ApologyAnalysis> {
  const mistake = input.mistakeId ? await getMistake(deps, actor, input.mistakeId) : null;
  return analyseApology(input.text, {
    kind: input.kind ?? (mistake ? 'acknowledgment' : 'general'),
    ...(mistake && { mistake: { title: mistake.title, ...(mistake.description && { description: mistake.description }) } }),
  });
}
