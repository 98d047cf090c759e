// The guard context built for a workspace (issue 10 C): the workspace's own name and its members'
// names are in the guard's vocabulary automatically, and a member joining rebuilds the guard.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeWorkspace, testServices } from '../../../test/factories.ts';
import type { Services } from '../../bootstrap/index.ts';
import type { Actor } from '../ports.ts';
import { GuardCache, loadGuardKnowledge } from './check-text.ts';

let services: Services;
let cleanup: () => Promise<void>;
let owner: { actor: Actor };

beforeEach(async () => {
  ({ services, cleanup } = await testServices());
  owner = await makeWorkspace(services, 'Kindora');
});
afterEach(async () => {
  await cleanup();
});

const spelling = (text: string, findings: { rule: string; severity: string; start: number; end: number }[]) =>
  findings.filter((f) => f.rule === 'spelling' && f.severity !== 'info').map((f) => text.slice(f.start, f.end));

describe('the guard knowledge of a workspace', () => {
  it("holds the workspace's name and its members' names", async () => {
    const k = await loadGuardKnowledge(services.deps.store, owner.actor.workspaceId, 'en-US');
    expect(k.workspaceName).toBe('Kindora');
    expect(k.members).toEqual(['Owner of Kindora']);
  });

  it('never flags the workspace name, and learns a new member’s name', async () => {
    const cache = new GuardCache();
    const text = 'Kindora has moved your install to Friday.\n\nEluned here: the proofs are ready.';
    const guard = await cache.get(services.deps, owner.actor.workspaceId);
    expect(spelling(text, guard.check(text))).toEqual(['Eluned']);

    const store = services.deps.store;
    const at = new Date().toISOString();
    await store.users.create({
      id: 'user-eluned',
      name: 'Eluned Pryce',
      email: 'eluned@example.com',
      passwordHash: 'x',
      createdAt: at,
    });
    await store.users.addMembership(owner.actor.workspaceId, 'user-eluned', 'member', at);
    const rebuilt = await cache.get(services.deps, owner.actor.workspaceId);
    expect(rebuilt).not.toBe(guard);
    expect(spelling(text, rebuilt.check(text))).toEqual([]);
    expect(await cache.get(services.deps, owner.actor.workspaceId)).toBe(rebuilt);
  });
});
