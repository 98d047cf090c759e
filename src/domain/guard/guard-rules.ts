import { validateGuardRule } from '../../engine/index.ts';
import type { GuardRule, GuardRuleInput } from '../../shared/contract/index.ts';
import { requireRole } from '../access.ts';
import { DomainError, notFound } from '../errors.ts';
import type { Actor, Deps } from '../ports.ts';
import { recordEvent } from '../timeline/record-event.ts';

/** Lists the workspace's guard rules, each linked to the mistake that taught it. */
export function listGuardRules(deps: Deps, actor: Actor): Promise<GuardRule[]> {
  return deps.store.guardRules.list(actor.workspaceId);
}

/** Adds a guard rule; a pattern that is invalid or uses what RE2 cannot run (backreferences, lookaround) is refused. */
export async function addGuardRule(deps: Deps, actor: Actor, input: GuardRuleInput): Promise<GuardRule> {
  requireRole(actor, 'member');
  const rule = await checkedRule(deps, actor, input, deps.ids.id(), deps.clock.now().toISOString());
  await deps.store.transaction(async (store) => {
    await store.guardRules.create(actor.workspaceId, rule);
    await store.workspaces.bumpGuardVersion(actor.workspaceId);
    await recordEvent({ ...deps, store }, actor, {
      type: 'guard_rule.added',
      summary: `Guard rule added${rule.mistakeRef ? ` from ${rule.mistakeRef}` : ''}: ${rule.phrase ?? rule.pattern ?? ''}`,
      mistakeId: rule.mistakeId,
      clientId: rule.clientId,
      data: { ruleId: rule.id, kind: rule.kind },
    });
  });
  return rule;
}

/** Replaces a guard rule's content, keeping its id and creation time (same checks as adding). */
export async function replaceGuardRule(
  deps: Deps,
  actor: Actor,
  id: string,
  input: GuardRuleInput,
): Promise<GuardRule> {
  requireRole(actor, 'member');
  const before = await deps.store.guardRules.get(actor.workspaceId, id);
  if (!before) throw notFound('guard_rule_not_found');
  const rule = await checkedRule(deps, actor, input, id, before.createdAt);
  // No update in the repository: delete and re-create in one transaction (nothing references a rule's row).
  await deps.store.transaction(async (store) => {
    await store.guardRules.delete(actor.workspaceId, id);
    await store.guardRules.create(actor.workspaceId, rule);
    await store.workspaces.bumpGuardVersion(actor.workspaceId);
    await recordEvent({ ...deps, store }, actor, {
      type: 'guard_rule.changed',
      summary: `Guard rule changed: ${rule.phrase ?? rule.pattern ?? ''}`,
      mistakeId: rule.mistakeId,
      clientId: rule.clientId,
      data: { ruleId: rule.id, before },
    });
  });
  return rule;
}

/** Validates a rule's input against the engine and the workspace, and shapes the stored rule. */
async function checkedRule(
  deps: Deps,
  actor: Actor,
  input: GuardRuleInput,
  id: string,
  createdAt: string,
): Promise<GuardRule> {
  const problem = validateGuardRule({
    kind: input.kind,
    message: input.message,
    ...(input.phrase && { phrase: input.phrase }),
    ...(input.pattern && { pattern: input.pattern }),
    ...(input.when && { when: input.when }),
  });
  if (problem) {
    const field = input.kind === 'pattern' ? 'pattern' : 'phrase';
    // `issues` in the same shape as schema errors, so clients show it next to the field.
    throw new DomainError('validation_failed', `${field}: ${problem}`, {
      field: `body.${field}`,
      issues: [{ field: `body.${field}`, message: problem }],
    });
  }
  if (input.clientId && !(await deps.store.clients.get(actor.workspaceId, input.clientId))) {
    throw new DomainError('client_not_found', 'No such client in this workspace.', { field: 'clientId' });
  }
  const mistake = input.mistakeId ? await deps.store.mistakes.get(actor.workspaceId, input.mistakeId) : null;
  if (input.mistakeId && !mistake) {
    throw new DomainError('mistake_not_found', 'No such mistake in this workspace.', { field: 'mistakeId' });
  }
  return {
    id,
    clientId: input.clientId,
    mistakeId: input.mistakeId,
    mistakeRef: mistake?.ref ?? null,
    kind: input.kind,
    phrase: input.kind === 'pattern' ? null : input.phrase,
    pattern: input.kind === 'pattern' ? input.pattern : null,
    when: input.kind === 'required' ? input.when : null,
    message: input.message,
    createdAt,
  };
}

/** Removes a guard rule. */
export async function removeGuardRule(deps: Deps, actor: Actor, id: string): Promise<void> {
  requireRole(actor, 'member');
  const rule = await deps.store.guardRules.get(actor.workspaceId, id);
  if (!rule) throw notFound('guard_rule_not_found');
  await deps.store.transaction(async (store) => {
    await store.guardRules.delete(actor.workspaceId, id);
    await store.workspaces.bumpGuardVersion(actor.workspaceId);
    await recordEvent({ ...deps, store }, actor, {
      type: 'guard_rule.removed',
      summary: `Guard rule removed: ${rule.phrase ?? rule.pattern ?? ''}`,
      mistakeId: rule.mistakeId,
      clientId: rule.clientId,
      data: { rule },
    });
  });
}

/** The workspace's own words, which the spelling check accepts. */
export function listVocabulary(deps: Deps, actor: Actor): Promise<string[]> {
  return deps.store.vocabulary.list(actor.workspaceId);
}

/** Adds a word to the workspace vocabulary (idempotent). */
export async function addVocabularyWord(deps: Deps, actor: Actor, word: string): Promise<string[]> {
  requireRole(actor, 'member');
  await deps.store.transaction(async (store) => {
    await store.vocabulary.add(actor.workspaceId, word, deps.clock.now().toISOString());
    await store.workspaces.bumpGuardVersion(actor.workspaceId);
  });
  return listVocabulary(deps, actor);
}

/** Removes a word from the workspace vocabulary. */
export async function removeVocabularyWord(deps: Deps, actor: Actor, word: string): Promise<void> {
  requireRole(actor, 'member');
  const removed = await deps.store.transaction(async (store) => {
    const gone = await store.vocabulary.remove(actor.workspaceId, word);
    if (gone) await store.workspaces.bumpGuardVersion(actor.workspaceId);
    return gone;
  });
  if (!removed) throw notFound('vocabulary_word_not_found');
}
