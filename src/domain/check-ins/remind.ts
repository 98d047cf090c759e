import { systemActor } from '../messages/deliver.ts';
import { refreshClientHealth } from '../health/refresh.ts';
import type { Deps, Member } from '../ports.ts';
import { salutationOf } from '../recovery/salutation.ts';
import { humanTime, loadRecipients, notifyMember, type WorkspaceRecipients } from '../scheduler/recipients.ts';
import { loadSettings } from '../settings/settings.ts';
import { recordEvent } from '../timeline/record-event.ts';
import { composeCheckIn, overdueBefore, sinceWords } from './check-ins.ts';
import type { CheckInRecord } from './ports.ts';

// The scheduler's part of the check-ins: at due time one reminder to the client's owner (in-app and
// by email, with the drafted check-in message), and past the grace one "overdue" mark on the
// timeline, which lowers the client's health. Both are claimed by a conditional UPDATE on the row
// (reminder_claimed_at, overdue_at), so of several app instances exactly one does each.

const BATCH = 100;

/** Lets other work run between batches: SQLite's driver never yields. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Who is reminded: the client's owner if still a member, else the mistake's owner, else the workspace owner. */
async function ownerOf(
  deps: Deps,
  workspaceId: string,
  who: WorkspaceRecipients,
  checkIn: CheckInRecord,
): Promise<Member | null> {
  const client = await deps.store.clients.get(workspaceId, checkIn.clientId);
  const clientOwner = client?.ownerId ? who.members.get(client.ownerId) : undefined;
  if (clientOwner) return clientOwner;
  const mistake = await deps.store.mistakes.get(workspaceId, checkIn.mistakeId);
  const mistakeOwner = mistake?.ownerId ? who.members.get(mistake.ownerId) : undefined;
  return mistakeOwner ?? who.owner;
}

/** Sends due check-in reminders and marks overdue check-ins in one workspace. */
export async function runCheckIns(
  deps: Deps,
  workspaceId: string,
  options: { claimant: string },
): Promise<{ reminded: number; overdue: number }> {
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  let recipients: WorkspaceRecipients | null = null;
  let reminded = 0;
  let overdue = 0;
  for (let round = 0; round < 1_000; round++) {
    const due = await deps.store.checkIns.reminderDue(workspaceId, nowIso, BATCH);
    if (due.length === 0) break;
    recipients ??= await loadRecipients(deps.store, workspaceId);
    const settings = await loadSettings(deps.store, workspaceId);
    const workspace = await deps.store.workspaces.get(workspaceId);
    for (const checkIn of due) {
      const owner = await ownerOf(deps, workspaceId, recipients, checkIn);
      const mistake = await deps.store.mistakes.get(workspaceId, checkIn.mistakeId);
      const client = await deps.store.clients.get(workspaceId, checkIn.clientId);
      if (!mistake || !client) continue;
      const contacts = await deps.store.contacts.listByClient(workspaceId, checkIn.clientId);
      const contact = contacts.find((c) => c.email) ?? contacts[0] ?? null;
      const draft = composeCheckIn({
        salutation: contact ? salutationOf(contact) : client.name,
        title: mistake.title,
        offsetDays: checkIn.offsetDays,
        signature: owner?.name ?? settings.senderName,
        senderName: workspace?.name ?? settings.senderName,
      });
      const tz = recipients.timezone;
      const won = await deps.store.transaction(async (store) => {
        if (!(await store.checkIns.claimReminder(workspaceId, checkIn.id, options.claimant, nowIso))) return false;
        const title = `Check in with ${client.name} about ${mistake.ref} (${sinceWords(checkIn.offsetDays)} after the fix)`;
        const body = [
          `It is time for check-in ${checkIn.sequence} with ${client.name} about ${mistake.ref}, due ${humanTime(checkIn.dueAt, tz)}.`,
          'Send the drafted message from the mistake page (it is checked like every client message), record a call or meeting, or skip it with a reason.',
          '',
          `Subject: ${draft.subject}`,
          '',
          draft.body,
        ].join('\n');
        if (owner) {
          await notifyMember(
            { ...deps, store },
            store,
            workspaceId,
            owner,
            {
              id: deps.ids.id(),
              kind: 'check_in_due',
              title: title.slice(0, 300),
              body,
              clientId: checkIn.clientId,
              mistakeId: checkIn.mistakeId,
              commitmentId: null,
            },
            { fromName: settings.senderName },
          );
        }
        await recordEvent({ ...deps, store }, systemActor(workspaceId), {
          type: 'check_in.reminded',
          summary: `Check-in ${checkIn.sequence} (day ${checkIn.offsetDays}) due: ${owner ? `${owner.name} reminded` : 'no member to remind'}`,
          mistakeId: checkIn.mistakeId,
          clientId: checkIn.clientId,
          data: { checkInId: checkIn.id, userId: owner?.id ?? null },
        });
        return true;
      });
      if (won) reminded++;
    }
    if (due.length < BATCH) break;
    await yieldToEventLoop();
  }

  const before = overdueBefore(now);
  for (let round = 0; round < 1_000; round++) {
    const late = await deps.store.checkIns.overdueDue(workspaceId, before, BATCH);
    if (late.length === 0) break;
    for (const checkIn of late) {
      const won = await deps.store.transaction(async (store) => {
        if (!(await store.checkIns.claimOverdue(workspaceId, checkIn.id, options.claimant, nowIso))) return false;
        const mistake = await store.mistakes.get(workspaceId, checkIn.mistakeId);
        await recordEvent({ ...deps, store }, systemActor(workspaceId), {
          type: 'check_in.overdue',
          summary: `Check-in ${checkIn.sequence} (day ${checkIn.offsetDays}) is overdue: not done within the grace days after ${checkIn.dueAt.slice(0, 10)}`,
          mistakeId: checkIn.mistakeId,
          clientId: checkIn.clientId,
          data: { checkInId: checkIn.id },
        });
        await refreshClientHealth(
          { ...deps, store },
          workspaceId,
          checkIn.clientId,
          `${mistake?.ref ?? 'a mistake'} check-in overdue`,
        );
        return true;
      });
      if (won) overdue++;
    }
    if (late.length < BATCH) break;
    await yieldToEventLoop();
  }
  return { reminded, overdue };
}
