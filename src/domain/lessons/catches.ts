import type { Finding } from '../../engine/index.ts';
import { mistakeRef } from '../mistakes/stage.ts';
import type { Actor, Deps, Store } from '../ports.ts';
import type { HitState, LessonHitRecord } from './ports.ts';

// A lesson earns its keep: each finding of one of its checks is attributed to it ("Lesson from
// MG-12: …"), and on a named draft a finding that a later check no longer has is a catch — the
// text was changed before sending. Once per draft and check; sent with the finding, it never counts.

export interface LessonLink {
  checkId: string;
  lessonId: string;
  ref: string;
}

/** Which findings belong to which lesson: by guard rule id, by a fact's value, by a contact's name. */
export interface LessonAttribution {
  rules: Map<string, LessonLink>;
  facts: { clientId: string | null; value: string; link: LessonLink }[];
  contacts: { clientId: string; name: string; link: LessonLink }[];
}

/** A finding with its lesson: `lessonId` goes to clients, `lessonCheckId` stays on the server. */
export type AttributedFinding = Finding & { lessonId?: string; lessonCheckId?: string };

/** Loads the workspace's lesson links (one row per accepted check; cached with the guard). */
export async function loadAttribution(store: Store, workspaceId: string): Promise<LessonAttribution> {
  const checks = await store.lessonChecks.listAll(workspaceId);
  const out: LessonAttribution = { rules: new Map(), facts: [], contacts: [] };
  if (checks.length === 0) return out;
  const lessons = await store.lessons.list(workspaceId, {
    ids: [...new Set(checks.map((c) => c.lessonId))],
    limit: 10_000,
  });
  const refOf = new Map(lessons.map((l) => [l.id, mistakeRef(l.mistakeNumber)]));
  const [facts, contacts] = await Promise.all([store.facts.list(workspaceId), store.contacts.listAll(workspaceId)]);
  for (const c of checks) {
    const ref = refOf.get(c.lessonId);
    if (!ref) continue;
    const link = { checkId: c.id, lessonId: c.lessonId, ref };
    if (c.kind === 'guard_rule') out.rules.set(c.targetId, link);
    else if (c.kind === 'fact') {
      const fact = facts.find((f) => f.id === c.targetId);
      if (fact) out.facts.push({ clientId: fact.clientId, value: fact.value, link });
    } else {
      const contact = contacts.find((x) => x.id === c.targetId);
      if (contact) out.contacts.push({ clientId: contact.clientId, name: contact.fullName, link });
    }
  }
  return out;
}

const contactRules = new Set(['honorific', 'contact_name']);

/** The lesson link of one finding, if one of a lesson's checks produced it. */
export function linkOf(f: Finding, a: LessonAttribution, clientId: string | undefined): LessonLink | null {
  if (f.rule === 'guard_rule' && f.ruleId) return a.rules.get(f.ruleId) ?? null;
  if (f.rule === 'fact_mismatch' && f.replacement !== undefined) {
    return (
      a.facts.find((x) => x.value === f.replacement && (x.clientId === null || x.clientId === clientId))?.link ?? null
    );
  }
  if (contactRules.has(f.rule)) {
    return a.contacts.find((x) => x.clientId === clientId && f.message.includes(x.name))?.link ?? null;
  }
  return null;
}

/** Findings with their lesson named: "Lesson from MG-12: …" and the lesson's id. */
export function attribute(
  findings: readonly Finding[],
  a: LessonAttribution,
  clientId: string | undefined,
): { findings: AttributedFinding[]; links: (LessonLink | null)[] } {
  const links = findings.map((f) => linkOf(f, a, clientId));
  return {
    links,
    findings: findings.map((f, i) => {
      const link = links[i];
      if (!link) return f;
      const message = f.message.replace(/ \(lesson from MG-\d+\)$/u, '');
      return {
        ...f,
        message: `Lesson from ${link.ref}: ${message}`,
        lessonId: link.lessonId,
        lessonCheckId: link.checkId,
      };
    }),
  };
}

/** How long a finding must have been on the draft for its disappearance to count as a catch. */
export const MIN_SHOWN_MS = 2_000;

/** One check of one lesson, as a draft's hits are keyed. */
export type LessonHitKey = Pick<LessonLink, 'checkId' | 'lessonId'>;

/**
 * What a new check of a draft changes: checks seen for the first time open a hit; open hits whose
 * finding is gone are caught — or, when the draft is being sent, those still present are `sent`.
 * A hit first seen while sending closes as `sent` at once (`opened: false`), so it never counts.
 */
export function hitChanges(
  previous: readonly LessonHitRecord[],
  present: readonly LessonHitKey[],
  sending: boolean,
  now: string,
): { open: LessonHitKey[]; close: (LessonHitKey & { state: Exclude<HitState, 'open'>; opened: boolean })[] } {
  const known = new Set(previous.map((h) => h.checkId));
  const presentNow = new Set(present.map((l) => l.checkId));
  const fresh: LessonHitKey[] = [];
  for (const link of present) {
    if (!known.has(link.checkId) && !fresh.some((o) => o.checkId === link.checkId)) fresh.push(link);
  }
  const close: (LessonHitKey & { state: Exclude<HitState, 'open'>; opened: boolean })[] = [];
  for (const h of previous) {
    const key = { checkId: h.checkId, lessonId: h.lessonId, opened: true };
    if (h.state !== 'open') continue;
    if (!presentNow.has(h.checkId)) {
      // A finding that vanished within moments was mid-typing, not a catch.
      const shown = Date.parse(now) - Date.parse(h.seenAt);
      close.push({ ...key, state: shown >= MIN_SHOWN_MS ? 'caught' : 'gone' });
    } else if (sending) close.push({ ...key, state: 'sent' });
  }
  if (!sending) return { open: fresh, close };
  return { open: [], close: [...close, ...fresh.map((o) => ({ ...o, state: 'sent' as const, opened: false }))] };
}

/** Records a check of a named draft: new hits, catches, and (when sending) hits sent anyway. */
export async function recordDraftCheck(
  deps: Deps,
  actor: Actor,
  draftId: string,
  present: readonly LessonHitKey[],
  sending = false,
): Promise<void> {
  const previous = await deps.store.lessonHits.forDraft(actor.workspaceId, draftId);
  if (present.length === 0 && previous.every((h) => h.state !== 'open')) return;
  const at = deps.clock.now().toISOString();
  const changes = hitChanges(previous, present, sending, at);
  await deps.store.transaction(async (store) => {
    for (const c of changes.close) {
      const key = { draftId, checkId: c.checkId, lessonId: c.lessonId };
      if (!c.opened) await store.lessonHits.open(actor.workspaceId, key, at);
      await store.lessonHits.close(actor.workspaceId, draftId, c.checkId, c.state, at);
    }
    for (const o of changes.open) {
      await store.lessonHits.open(actor.workspaceId, { draftId, checkId: o.checkId, lessonId: o.lessonId }, at);
    }
  });
}

/** A named draft went out with these findings: what is still on it was sent anyway, what is gone was caught. */
export async function recordDraftSent(
  deps: Deps,
  actor: Actor,
  draftId: string | null | undefined,
  findings: readonly AttributedFinding[],
): Promise<void> {
  if (!draftId) return;
  const present = findings.flatMap((f) =>
    f.lessonId && f.lessonCheckId ? [{ checkId: f.lessonCheckId, lessonId: f.lessonId }] : [],
  );
  await recordDraftCheck(deps, actor, draftId, present, true);
}

/** Whether any lesson has a check in this workspace (without one, a draft has nothing to count). */
export function hasLessonChecks(a: LessonAttribution): boolean {
  return a.rules.size > 0 || a.facts.length > 0 || a.contacts.length > 0;
}
