import { Badge, Button, Group, NativeSelect, Paper, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconPlus, IconX } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { Action, ActionKind, CheckResult, Learning } from '../../../shared/contract/index.ts';
import { useTimeZone } from '../../app/session.tsx';
import { FormError } from '../../components/states.tsx';
import { formatDate, inputToIso } from '../../lib/dates.ts';
import { apiFieldErrors, fieldMessage } from '../../lib/forms.ts';
import { useActionDone, useAddAction, useCancelAction, useCheckAction, useMembers } from './api.ts';
import { actionKindLabels } from './labels.ts';

/** Status, overdue and check badges of an action. */
export function ActionBadges({ action }: { action: Action }) {
  return (
    <Group gap={4} wrap="wrap">
      <Badge variant="light" color={action.kind === 'preventive' ? 'indigo' : 'grape'} size="sm">
        {actionKindLabels[action.kind]}
      </Badge>
      {action.status === 'open' && action.overdue ? (
        <Badge color="red" size="sm">
          Overdue
        </Badge>
      ) : (
        <Badge
          variant="light"
          size="sm"
          color={action.status === 'done' ? 'green' : action.status === 'cancelled' ? 'gray' : 'blue'}
        >
          {action.status === 'done' ? 'Done' : action.status === 'cancelled' ? 'Cancelled' : 'Open'}
        </Badge>
      )}
      {action.checkResult && (
        <Badge size="sm" color={action.checkResult === 'effective' ? 'teal' : 'orange'}>
          {action.checkResult === 'effective' ? 'Proven effective' : 'Not effective'}
        </Badge>
      )}
    </Group>
  );
}

function CancelForm({ action, onClose }: { action: Action; onClose: () => void }) {
  const cancel = useCancelAction();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setError('Say why it is cancelled');
      return;
    }
    cancel.mutate({ actionId: action.id, reason: reason.trim() }, { onSuccess: onClose });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={`Cancel ${action.title}`}>
      <Group align="flex-start" gap="xs" wrap="wrap">
        <TextInput
          label="Why is it cancelled?"
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setError(null);
          }}
          error={error ?? fieldMessage(apiFieldErrors(cancel.error)['reason'])}
          style={{ flex: 1, minWidth: 220 }}
          size="xs"
        />
        <Group gap="xs" mt={22}>
          <Button type="submit" size="xs" color="red" loading={cancel.isPending}>
            Cancel the action
          </Button>
          <Button size="xs" variant="default" onClick={onClose}>
            Keep it
          </Button>
        </Group>
      </Group>
      <FormError error={Object.keys(apiFieldErrors(cancel.error)).length ? null : cancel.error} />
    </form>
  );
}

function CheckForm({ action, onClose }: { action: Action; onClose: () => void }) {
  const check = useCheckAction();
  const [result, setResult] = useState<CheckResult>('effective');
  const [note, setNote] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    check.mutate({ actionId: action.id, result, note: note.trim() || null }, { onSuccess: onClose });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={`Effectiveness check of ${action.title}`}>
      <Stack gap="xs">
        <SegmentedControl
          size="xs"
          value={result}
          onChange={(v) => setResult(v)}
          data={[
            { value: 'effective', label: 'Effective' },
            { value: 'not_effective', label: 'Not effective' },
          ]}
          aria-label="Result"
        />
        <TextInput
          size="xs"
          label="Note"
          placeholder="What showed it works (or does not)"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <FormError error={check.error} />
        <Group gap="xs">
          <Button type="submit" size="xs" loading={check.isPending}>
            Record the check
          </Button>
          <Button size="xs" variant="default" onClick={onClose}>
            Not now
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ActionRow({ action }: { action: Action }) {
  const timeZone = useTimeZone();
  const done = useActionDone();
  const [open, setOpen] = useState<'cancel' | 'check' | null>(null);
  const checkable = action.kind === 'preventive' && action.status === 'done';
  return (
    <Paper withBorder p="sm" radius="md" aria-label={`Action: ${action.title}`}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <div>
            <Text fw={600} fz="sm">
              {action.title}
            </Text>
            <Text fz="xs" c="dimmed">
              {action.ownerName ?? 'No owner'} · due {formatDate(action.dueAt, timeZone)}
              {action.doneAt ? ` · done ${formatDate(action.doneAt, timeZone)}` : ''}
              {action.checkDueAt && !action.checkResult
                ? ` · check due ${formatDate(action.checkDueAt, timeZone)}`
                : ''}
            </Text>
            {action.cancelReason && (
              <Text fz="xs" c="dimmed">
                Cancelled: {action.cancelReason}
              </Text>
            )}
            {action.checkResult && (
              <Text fz="xs" c="dimmed">
                Checked {formatDate(action.checkedAt, timeZone)}
                {action.checkedBy ? ` by ${action.checkedBy}` : ''}
                {action.checkNote ? `: ${action.checkNote}` : ''}
              </Text>
            )}
          </div>
          <ActionBadges action={action} />
        </Group>
        {open === null && (action.status === 'open' || checkable) && (
          <Group gap="xs">
            {action.status === 'open' && (
              <>
                <Button
                  size="compact-xs"
                  leftSection={<IconCheck size={12} />}
                  loading={done.isPending}
                  onClick={() => done.mutate(action.id)}
                  aria-label={`Mark done: ${action.title}`}
                >
                  Mark done
                </Button>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="gray"
                  leftSection={<IconX size={12} />}
                  onClick={() => setOpen('cancel')}
                  aria-label={`Cancel: ${action.title}`}
                >
                  Cancel…
                </Button>
              </>
            )}
            {checkable && (
              <Button
                size="compact-xs"
                variant={action.checkResult ? 'subtle' : 'light'}
                onClick={() => setOpen('check')}
                aria-label={`Check effectiveness: ${action.title}`}
              >
                {action.checkResult ? 'Check again' : 'Record the effectiveness check'}
              </Button>
            )}
          </Group>
        )}
        {done.error !== null && <FormError error={done.error} />}
        {open === 'cancel' && <CancelForm action={action} onClose={() => setOpen(null)} />}
        {open === 'check' && <CheckForm action={action} onClose={() => setOpen(null)} />}
      </Stack>
    </Paper>
  );
}

function AddActionForm({ mistakeId, onDone }: { mistakeId: string; onDone: () => void }) {
  const timeZone = useTimeZone();
  const members = useMembers();
  const add = useAddAction(mistakeId);
  const [kind, setKind] = useState<ActionKind>('preventive');
  const [title, setTitle] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [due, setDue] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const fromApi = apiFieldErrors(add.error);
  const err = (f: string) => errors[f] ?? fieldMessage(fromApi[f]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!title.trim()) found['title'] = 'Say what will be done';
    if (!ownerId) found['ownerId'] = 'Choose who owns it';
    // A due date is the end of that day in the workspace's zone.
    const dueIso = due ? inputToIso(`${due}T23:59`, timeZone) : null;
    if (!dueIso) found['dueAt'] = 'Choose a due date';
    else if (dueIso < new Date().toISOString()) found['dueAt'] = 'The due date must be in the future';
    setErrors(found);
    if (Object.keys(found).length > 0 || !dueIso) return;
    add.mutate(
      { kind, title: title.trim(), ownerId, dueAt: dueIso },
      {
        onSuccess: () => {
          setTitle('');
          setDue('');
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Add an action">
      <Stack gap="sm">
        <SegmentedControl
          value={kind}
          onChange={(v) => setKind(v)}
          data={[
            { value: 'preventive', label: 'Preventive (stops a repeat)' },
            { value: 'corrective', label: 'Corrective (removes this cause)' },
          ]}
          aria-label="Kind"
        />
        <TextInput
          label="Action"
          placeholder="Collateral check before anything goes to print"
          value={title}
          maxLength={200}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={err('title')}
          required
        />
        <Group gap="sm" align="flex-start" wrap="wrap">
          <NativeSelect
            label="Owner"
            value={ownerId}
            onChange={(e) => setOwnerId(e.currentTarget.value)}
            data={[
              { value: '', label: members.isPending ? 'Loading…' : 'Choose…' },
              ...(members.data ?? []).map((m) => ({ value: m.id, label: m.name })),
            ]}
            error={err('ownerId')}
            style={{ flex: 1, minWidth: 200 }}
            required
          />
          <TextInput
            label={`Due (${timeZone})`}
            type="date"
            value={due}
            onChange={(e) => setDue(e.currentTarget.value)}
            error={err('dueAt')}
            style={{ minWidth: 180 }}
            required
          />
        </Group>
        <FormError error={Object.keys(fromApi).length ? null : add.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={add.isPending} leftSection={<IconPlus size={16} />}>
            Add the action
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The mistake's corrective and preventive actions, with done, cancel and the effectiveness check. */
export function ActionsSection({ learning }: { learning: Learning }) {
  const [adding, setAdding] = useState(learning.actions.length === 0);
  return (
    <Stack gap="sm">
      {learning.actions.length === 0 ? (
        <Text fz="sm" c="dimmed">
          No actions yet. A preventive action stops this happening again anywhere.
        </Text>
      ) : (
        <Stack gap="xs" aria-label="Actions of this mistake">
          {learning.actions.map((a) => (
            <ActionRow key={a.id} action={a} />
          ))}
        </Stack>
      )}
      {adding ? (
        <Paper withBorder p="sm" radius="md" bg="gray.0">
          <AddActionForm mistakeId={learning.mistakeId} onDone={() => setAdding(false)} />
        </Paper>
      ) : (
        <Group>
          <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>
            Add an action
          </Button>
        </Group>
      )}
    </Stack>
  );
}
