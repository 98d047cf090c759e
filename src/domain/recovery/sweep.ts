import type { Mistake, Sweep, SweepInput, SweepItem, SweepList } from '../../shared/contract/index.ts';
import { requireRole } from '../access.ts';
import { DomainError } from '../errors.ts';
import { getMistake } from '../mistakes/mistakes.ts';
import type { Actor, Deps } from '../ports.ts';
import { remedyStatus, storedActor } from '../remedies/ledger.ts';
import { formatMoney } from '../remedies/money.ts';
import type { SweepRecord } from '../remedies/ports.ts';
import { loadSettings } from '../settings/settings.ts';
import { recordEvent } from '../timeline/record-event.ts';

// The account sweep (the seed: "I then made sure to check all other outstanding activity on the
// account"): every open thing on the client's account, on one list, each to confirm.

const unsent = ['queued', 'sending', 'failed'] as const;

/** Everything open on the mistake's client's account, other than the mistake itself. */
export async function sweepItems(deps: Deps, actor: Actor, mistake: Mistake): Promise<SweepItem[]> {
  const ws = actor.workspaceId;
  const [commitments, mistakes, remedies, settings, ...messageLists] = await Promise.all([
    deps.store.commitments.list(ws, { clientId: mistake.clientId, status: 'open' }),
    openMistakes(deps, ws, mistake.clientId),
    deps.store.remedies.list(ws, { clientId: mistake.clientId }),
    loadSettings(deps.store, ws),
    ...unsent.map((status) => deps.store.messages.list(ws, { clientId: mistake.clientId, status, limit: 500 })),
  ]);
  const items: SweepItem[] = [];
  for (const c of commitments) {
    items.push({
      kind: 'commitment',
      id: c.id,
      label: `${c.isFix ? 'Fix: ' : ''}${c.title}`,
      detail: `due ${c.dueAt}`,
    });
  }
  for (const m of mistakes) {
    if (m.id === mistake.id) continue;
    items.push({ kind: 'mistake', id: m.id, label: `${m.ref} ${m.title}`, detail: `${m.severity}, ${m.stage}` });
  }
  for (const m of messageLists
    .flat()
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))) {
    items.push({
      kind: 'message',
      id: m.id,
      label: `${m.kind} email to ${m.toName || m.toAddress}: ${m.subject}`,
      detail: m.status === 'failed' ? `failed: ${m.lastError ?? 'unknown error'}` : m.status,
    });
  }
  for (const r of remedies) {
    if (remedyStatus(r) !== 'pending_approval') continue;
    items.push({
      kind: 'remedy',
      id: r.id,
      label: `${r.kind} of ${formatMoney(r, settings.locale)} awaiting approval`,
      detail: r.approvalReasons.map((reason) => reason.code).join(', ') || null,
    });
  }
  return items;
}

async function openMistakes(deps: Deps, workspaceId: string, clientId: string): Promise<Mistake[]> {
  const open: Mistake[] = [];
  let after: { foundAt: string; number: number } | undefined;
  for (let walked = 0; walked < 100_000; walked += 200) {
    const page = await deps.store.mistakes.list(workspaceId, { clientId, limit: 200, after });
    open.push(...page.items.filter((m) => !m.reached.closed));
    const last = page.items.at(-1);
    if (!last || page.items.length < 200) break;
    after = { foundAt: last.foundAt, number: last.number };
  }
  return open.reverse();
}

function toSweep(record: SweepRecord): Sweep {
  return { ...record };
}

/** The sweep list of a mistake's client, and the last sweep recorded for the mistake. */
export async function getSweep(deps: Deps, actor: Actor, mistakeId: string): Promise<SweepList> {
  const mistake = await getMistake(deps, actor, mistakeId);
  const [items, last] = await Promise.all([
    sweepItems(deps, actor, mistake),
    deps.store.sweeps.latest(actor.workspaceId, mistakeId),
  ]);
  return { mistakeId, clientId: mistake.clientId, items, lastSweep: last ? toSweep(last) : null };
}

/** Records a sweep: which of the open items were checked (each must be on the current list). */
export async function recordSweep(deps: Deps, actor: Actor, mistakeId: string, input: SweepInput): Promise<Sweep> {
  requireRole(actor, 'member');
  const mistake = await getMistake(deps, actor, mistakeId);
  const items = await sweepItems(deps, actor, mistake);
  const key = (i: { kind: string; id: string }) => `${i.kind}:${i.id}`;
  const byKey = new Map(items.map((i) => [key(i), i]));
  const checkedKeys = new Set<string>();
  input.checked.forEach((c, index) => {
    if (!byKey.has(key(c))) {
      throw new DomainError('validation_failed', `checked.${index}: ${c.kind} ${c.id} is not on this sweep's list.`, {
        field: `checked.${index}`,
        issues: [{ field: `checked.${index}`, message: 'is not on the sweep list' }],
      });
    }
    checkedKeys.add(key(c));
  });
  const record: SweepRecord = {
    id: deps.ids.id(),
    mistakeId,
    clientId: mistake.clientId,
    checked: items.filter((i) => checkedKeys.has(key(i))),
    unchecked: items.filter((i) => !checkedKeys.has(key(i))),
    note: input.note,
    by: storedActor(actor),
    at: deps.clock.now().toISOString(),
  };
  await deps.store.transaction(async (store) => {
    await store.sweeps.create(actor.workspaceId, record);
    // One event carries both ids, so it is on the mistake's and the client's timeline.
    await recordEvent({ ...deps, store }, actor, {
      type: 'account.swept',
      summary: `Account of ${mistake.clientName} swept for ${mistake.ref}: ${record.checked.length} of ${items.length} open item${items.length === 1 ? '' : 's'} checked${input.note ? ` (${input.note})` : ''}`,
      mistakeId,
      clientId: mistake.clientId,
      data: {
        sweepId: record.id,
        checked: record.checked.map((i) => ({ kind: i.kind, id: i.id })),
        unchecked: record.unchecked.map((i) => ({ kind: i.kind, id: i.id })),
        note: input.note,
      },
    });
  });
  return toSweep(record);
}
