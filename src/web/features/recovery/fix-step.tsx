import { Alert, Badge, Button, Checkbox, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarCheck, IconCheck, IconRefresh } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { CompleteFixResult, RecoverySummary } from '../../../shared/contract/index.ts';
import { MAX_FIX_NOTE } from '../../../shared/contract/index.ts';
import { useTimeZone } from '../../app/session.tsx';
import { CommitmentStatusBadge } from '../../components/badges.tsx';
import { CountedTextarea, CountedTextInput } from '../../components/counted-input.tsx';
import { ErrorBlock, FormError, LoadingBlock } from '../../components/states.tsx';
import { DateTimeInput } from '../../components/date-time-input.tsx';
import { formatDateTime, formatRelative, inputToIso, isoToInput } from '../../lib/dates.ts';
import { apiErrorMessage, apiFieldErrors, fieldMessage } from '../../lib/forms.ts';
import { fetchFixedNoticeDraft, useAddFixCommitment, useCompleteFix, useContacts } from './api.ts';
import { MessageComposer, useDraftedMessage } from './composer.tsx';

/** Longest "what will be fixed" (the commitment title). */
const MAX_FIX_TITLE = 200;

function PromiseFixForm({ mistakeId, onDone }: { mistakeId: string; onDone?: () => void }) {
  const timeZone = useTimeZone();
  const add = useAddFixCommitment(mistakeId);
  const [title, setTitle] = useState('');
  const [due, setDue] = useState(() => isoToInput(new Date(Date.now() + 24 * 3_600_000).toISOString(), timeZone));
  const [localError, setLocalError] = useState<string | null>(null);
  const fieldErrors = apiFieldErrors(add.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const dueAt = inputToIso(due, timeZone);
    if (!dueAt) {
      setLocalError('Choose a date and time');
      return;
    }
    setLocalError(null);
    add.mutate({ title: title.trim(), dueAt }, { onSuccess: () => onDone?.() });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Fix timeline">
      <Stack gap="sm">
        <Text fz="sm" c="dimmed">
          Give the client a reasonable timeline, then make it happen: the fix is a commitment with a due time, and you
          are reminded before it slips.
        </Text>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <CountedTextInput
            label="What will be fixed"
            placeholder="Reprint the posters with the right short code"
            max={MAX_FIX_TITLE}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={fieldMessage(fieldErrors['title'])}
            style={{ flex: 1, minWidth: 240 }}
          />
          <DateTimeInput
            label="Due"
            timeZone={timeZone}
            value={due}
            onChange={setDue}
            error={localError ?? fieldMessage(fieldErrors['dueAt'])}
            w={230}
          />
        </Group>
        <FormError error={Object.keys(fieldErrors).length ? null : add.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={add.isPending} disabled={!title.trim()}>
            Promise the fix
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * The confirmation of "Mark the fix done": a note on what was done (timeline only), and the
 * optional "it's fixed" message to the client, drafted by the API and checked like every message.
 */
export function CompleteFixDialog({
  summary,
  opened,
  onClose,
}: {
  summary: RecoverySummary;
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="Mark the fix done" size="lg" centered>
      {opened && <CompleteFixForm summary={summary} onClose={onClose} />}
    </Modal>
  );
}

function CompleteFixForm({ summary, onClose }: { summary: RecoverySummary; onClose: () => void }) {
  const contacts = useContacts(summary.clientId);
  const complete = useCompleteFix(summary.mistakeId);
  const [note, setNote] = useState('');
  const [tell, setTell] = useState(true);
  const { contactId, subject, setSubject, body, setBody, drafting, draftError, loadDraft, chooseContact } =
    useDraftedMessage((forContact) => fetchFixedNoticeDraft(summary.mistakeId, forContact));
  const fieldErrors = apiFieldErrors(complete.error);
  const fix = summary.fixCommitment;
  const withEmail = (contacts.data ?? []).filter((c) => c.email);

  const finished = (result: CompleteFixResult) => {
    notifications.show({
      color: 'green',
      title: 'Fix done',
      message: result.message
        ? `${summary.ref} is fixed; the message to ${result.message.toName} is in the outbox.`
        : `${summary.ref} is fixed.`,
    });
    onClose();
  };

  const noteField = (
    <CountedTextarea
      label="Note"
      description="What was done. Goes on the timeline; never to the client."
      placeholder="Reprinted 400 posters and checked the code against the client record"
      autosize
      minRows={2}
      max={MAX_FIX_NOTE}
      value={note}
      onChange={(e) => setNote(e.currentTarget.value)}
      error={fieldMessage(fieldErrors['note'])}
      data-autofocus
    />
  );

  const canTell = contacts.isSuccess && withEmail.length > 0;
  return (
    <Stack gap="md">
      {fix && (
        <Text fz="sm">
          <strong>{fix.title}</strong> — due {formatRelative(fix.dueAt)}. Marking it done reaches “fixed”.
        </Text>
      )}
      {noteField}
      {contacts.isPending ? (
        <LoadingBlock label="Loading contacts…" />
      ) : contacts.isError ? (
        <ErrorBlock error={contacts.error} onRetry={() => void contacts.refetch()} />
      ) : (
        <Checkbox
          label="Tell the client it’s fixed"
          description={
            canTell
              ? 'A short message from the fix as promised, checked like every message, sent through the outbox.'
              : 'Add a contact with an email address on the client’s page to tell them from here.'
          }
          checked={tell && canTell}
          disabled={!canTell}
          onChange={(e) => setTell(e.currentTarget.checked)}
        />
      )}
      {tell && canTell ? (
        <MessageComposer
          mistakeId={summary.mistakeId}
          clientId={summary.clientId}
          contacts={contacts.data}
          contactId={contactId}
          onContactChange={chooseContact}
          subject={subject}
          onSubjectChange={setSubject}
          body={body}
          onBodyChange={setBody}
          kind="general"
          bodyLabel="Message"
          sendLabel="Mark done and send"
          onSend={async (message) => {
            finished(
              await complete.mutateAsync({
                note: note.trim() || null,
                notice: {
                  contactId: message.contactId,
                  subject: message.subject,
                  body: message.body,
                  overrideReason: message.overrideReason,
                },
              }),
            );
          }}
          sending={complete.isPending}
          error={complete.error}
          recipientAction={
            <Button
              variant="default"
              leftSection={<IconRefresh size={16} />}
              disabled={!contactId}
              loading={drafting}
              onClick={() => void loadDraft(contactId)}
            >
              {body.trim() ? 'Redraft' : 'Draft'}
            </Button>
          }
        />
      ) : (
        <>
          <FormError error={Object.keys(fieldErrors).length ? null : complete.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button
              color="green"
              leftSection={<IconCheck size={16} />}
              loading={complete.isPending}
              onClick={() => {
                complete.mutateAsync({ note: note.trim() || null, notice: null }).then(finished, () => undefined);
              }}
            >
              Mark the fix done
            </Button>
          </Group>
        </>
      )}
      {draftError !== null && (
        <Text c="red" fz="sm" role="alert">
          The message could not be drafted: {apiErrorMessage(draftError)}
        </Text>
      )}
    </Stack>
  );
}

/** Fix it on a timeline: the fix commitment, its due time, and completing it (with a confirmation). */
export function FixStep({ summary }: { summary: RecoverySummary }) {
  const timeZone = useTimeZone();
  const [confirming, setConfirming] = useState(false);
  const [another, setAnother] = useState(false);
  const fix = summary.fixCommitment;
  if (!fix) return <PromiseFixForm mistakeId={summary.mistakeId} />;
  const late = fix.status === 'open' && new Date(fix.dueAt).getTime() < Date.now();
  return (
    <Stack gap="sm">
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
            <Group gap={6} wrap="wrap">
              <IconCalendarCheck size={18} aria-hidden />
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {fix.title}
              </Text>
              <CommitmentStatusBadge status={fix.status} />
              {late && <Badge color="red">Overdue</Badge>}
            </Group>
            <Text fz="sm" c={late ? 'red' : 'dimmed'}>
              {fix.status === 'done' && fix.completedAt
                ? `Done ${formatDateTime(fix.completedAt, timeZone)} (due ${formatDateTime(fix.dueAt, timeZone)})`
                : `Due ${formatDateTime(fix.dueAt, timeZone)} (${formatRelative(fix.dueAt)})`}
            </Text>
          </Stack>
          {fix.status === 'open' && (
            <Button color="green" leftSection={<IconCheck size={16} />} onClick={() => setConfirming(true)}>
              Mark the fix done…
            </Button>
          )}
        </Group>
      </Paper>
      {fix.status === 'missed' && (
        <Alert color="red" variant="light">
          This fix commitment was missed, which is itself a new mistake. Promise a new date below.
        </Alert>
      )}
      {fix.status === 'missed' && <PromiseFixForm mistakeId={summary.mistakeId} />}
      {fix.status === 'done' &&
        (another ? (
          <PromiseFixForm mistakeId={summary.mistakeId} onDone={() => setAnother(false)} />
        ) : (
          <Group>
            <Button variant="subtle" size="xs" onClick={() => setAnother(true)}>
              Promise another fix
            </Button>
          </Group>
        ))}
      <CompleteFixDialog summary={summary} opened={confirming} onClose={() => setConfirming(false)} />
    </Stack>
  );
}
