import { Badge, Button, Group, NativeSelect, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconMessageCircle, IconPhone, IconPlayerSkipForward, IconStar } from '@tabler/icons-react';
import { useState } from 'react';
import { satisfactionLabels, type CheckIn, type CheckInState } from '../../../shared/contract/index.ts';
import { useTimeZone } from '../../app/session.tsx';
import { ErrorBlock, FormError, LoadingBlock } from '../../components/states.tsx';
import { formatDate, formatDateTime } from '../../lib/dates.ts';
import { apiFieldErrors, fieldMessage } from '../../lib/forms.ts';
import { useContacts } from '../recovery/api.ts';
import { contactLabel, MessageComposer } from '../recovery/composer.tsx';
import {
  fetchCheckInDraft,
  useCheckIns,
  useRecordCheckIn,
  useRequestSatisfaction,
  useSatisfaction,
  useSendCheckIn,
  useSkipCheckIn,
} from './api.ts';

// The mistake page's "Check-ins" section (issue 11 B and C): the check-ins scheduled after the fix
// with their due dates and reminders, each done by sending its drafted message (the shared composer
// with the live analysis and the guard's veto), by recording a call or meeting, or skipped with a
// reason; then the satisfaction check: ask the client, and the answers.

/** How each state reads and which color its badge has. */
export const checkInStateLabels: Record<CheckInState, { label: string; color: string }> = {
  pending: { label: 'Scheduled', color: 'gray' },
  due: { label: 'Due now', color: 'blue' },
  on_time: { label: 'Done on time', color: 'green' },
  late: { label: 'Done late', color: 'yellow' },
  skipped: { label: 'Skipped', color: 'orange' },
  overdue: { label: 'Overdue', color: 'red' },
};

const methodWords = { message: 'by message', call: 'by call', meeting: 'in a meeting' } as const;

type Mode = 'send' | 'record' | 'skip' | null;

function SendCheckIn({ checkIn, clientId, onDone }: { checkIn: CheckIn; clientId: string; onDone: () => void }) {
  const contacts = useContacts(clientId);
  const send = useSendCheckIn(checkIn.id);
  const [contactId, setContactId] = useState('');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [draftError, setDraftError] = useState<unknown>(null);
  const [drafting, setDrafting] = useState(false);

  const draft = async (id: string) => {
    if (!id) return;
    setDrafting(true);
    setDraftError(null);
    try {
      const d = await fetchCheckInDraft(checkIn.id, id);
      setSubject(d.subject);
      setBody(d.body);
    } catch (error) {
      setDraftError(error);
    } finally {
      setDrafting(false);
    }
  };

  if (contacts.isPending) return <LoadingBlock label="Loading contacts…" />;
  if (contacts.isError) return <ErrorBlock error={contacts.error} onRetry={() => void contacts.refetch()} />;
  if (contacts.data.length === 0)
    return (
      <Text fz="sm" c="dimmed">
        Add a contact with an email address on the client&apos;s page to send the check-in from here.
      </Text>
    );
  return (
    <Stack gap="xs">
      {draftError !== null && <FormError error={draftError} />}
      <MessageComposer
        mistakeId={checkIn.mistakeId}
        clientId={clientId}
        contacts={contacts.data}
        contactId={contactId}
        onContactChange={(id) => {
          setContactId(id);
          void draft(id);
        }}
        subject={subject}
        onSubjectChange={setSubject}
        body={body}
        onBodyChange={setBody}
        kind="general"
        bodyLabel="Check-in message"
        sendLabel="Send the check-in"
        recipientAction={
          <Button variant="default" onClick={() => void draft(contactId)} disabled={!contactId} loading={drafting}>
            Redraft
          </Button>
        }
        onSend={async (message) => {
          await send.mutateAsync(message);
          onDone();
        }}
        sending={send.isPending}
        error={send.error}
      />
    </Stack>
  );
}

function RecordCheckIn({ checkIn, onDone }: { checkIn: CheckIn; onDone: () => void }) {
  const record = useRecordCheckIn(checkIn.id);
  const [method, setMethod] = useState<'call' | 'meeting'>('call');
  const [note, setNote] = useState('');
  const errors = apiFieldErrors(record.error);
  return (
    <Stack gap="xs">
      <NativeSelect
        label="How"
        value={method}
        onChange={(e) => setMethod(e.currentTarget.value === 'meeting' ? 'meeting' : 'call')}
        data={[
          { value: 'call', label: 'A call' },
          { value: 'meeting', label: 'A meeting' },
        ]}
      />
      <Textarea
        label="Note (internal)"
        description="Stays with the team: never sent to the client."
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={fieldMessage(errors['note'])}
        autosize
        minRows={2}
      />
      <FormError error={record.error} />
      <Group justify="flex-end">
        <Button
          loading={record.isPending}
          onClick={() => void record.mutateAsync({ method, note: note.trim() || null }).then(onDone, () => undefined)}
        >
          Record the check-in
        </Button>
      </Group>
    </Stack>
  );
}

function SkipCheckIn({ checkIn, onDone }: { checkIn: CheckIn; onDone: () => void }) {
  const skip = useSkipCheckIn(checkIn.id);
  const [reason, setReason] = useState('');
  const errors = apiFieldErrors(skip.error);
  return (
    <Stack gap="xs">
      <TextInput
        label="Why skip it?"
        description="Goes on the timeline; a skipped check-in lowers the client's health."
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={fieldMessage(errors['reason'])}
        required
      />
      <Group justify="flex-end">
        <Button
          color="orange"
          disabled={reason.trim() === ''}
          loading={skip.isPending}
          onClick={() => void skip.mutateAsync(reason.trim()).then(onDone, () => undefined)}
        >
          Skip this check-in
        </Button>
      </Group>
    </Stack>
  );
}

function CheckInRow({ checkIn, clientId }: { checkIn: CheckIn; clientId: string }) {
  const timeZone = useTimeZone();
  const [mode, setMode] = useState<Mode>(null);
  const state = checkInStateLabels[checkIn.state];
  const pending = checkIn.status === 'pending';
  const title = `Check-in ${checkIn.sequence}: day ${checkIn.offsetDays}`;
  return (
    <Paper withBorder radius="sm" p="sm" component="li" aria-label={title} style={{ listStyle: 'none' }}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="xs" wrap="wrap">
            <Text fw={600} fz="sm">
              {title}
            </Text>
            <Badge color={state.color} variant="light">
              {state.label}
            </Badge>
          </Group>
          <Text fz="sm" c="dimmed">
            Due {formatDate(checkIn.dueAt, timeZone)}
          </Text>
        </Group>
        {checkIn.remindedAt && pending && (
          <Text fz="xs" c="dimmed">
            Reminder sent {formatDateTime(checkIn.remindedAt, timeZone)}
          </Text>
        )}
        {checkIn.status === 'done' && checkIn.method && (
          <Text fz="sm">
            Done {methodWords[checkIn.method]} {formatDateTime(checkIn.settledAt, timeZone)}
            {checkIn.settledBy ? ` by ${checkIn.settledBy.name}` : ''}
            {checkIn.note ? ` — ${checkIn.note}` : ''}
          </Text>
        )}
        {checkIn.status === 'skipped' && (
          <Text fz="sm">
            Skipped {formatDateTime(checkIn.settledAt, timeZone)}: {checkIn.skipReason}
          </Text>
        )}
        {pending && (
          <Group gap="xs" wrap="wrap">
            <Button
              size="xs"
              variant={mode === 'send' ? 'filled' : 'light'}
              leftSection={<IconMessageCircle size={14} />}
              onClick={() => setMode(mode === 'send' ? null : 'send')}
            >
              Write the check-in
            </Button>
            <Button
              size="xs"
              variant={mode === 'record' ? 'filled' : 'light'}
              leftSection={<IconPhone size={14} />}
              onClick={() => setMode(mode === 'record' ? null : 'record')}
            >
              Record a call or meeting
            </Button>
            <Button
              size="xs"
              color="orange"
              variant={mode === 'skip' ? 'filled' : 'subtle'}
              leftSection={<IconPlayerSkipForward size={14} />}
              onClick={() => setMode(mode === 'skip' ? null : 'skip')}
            >
              Skip
            </Button>
          </Group>
        )}
        {pending && mode === 'send' && (
          <SendCheckIn checkIn={checkIn} clientId={clientId} onDone={() => setMode(null)} />
        )}
        {pending && mode === 'record' && <RecordCheckIn checkIn={checkIn} onDone={() => setMode(null)} />}
        {pending && mode === 'skip' && <SkipCheckIn checkIn={checkIn} onDone={() => setMode(null)} />}
      </Stack>
    </Paper>
  );
}

/** "4 of 5 — Well". */
export function answerText(answer: number): string {
  return `${answer} of 5 — ${satisfactionLabels[answer - 1] ?? ''}`;
}

function SatisfactionPart({ mistakeId, clientId, fixed }: { mistakeId: string; clientId: string; fixed: boolean }) {
  const timeZone = useTimeZone();
  const list = useSatisfaction(mistakeId);
  const contacts = useContacts(clientId);
  const ask = useRequestSatisfaction(mistakeId);
  const [contactId, setContactId] = useState('');
  const withEmail = (contacts.data ?? []).filter((c) => c.email);
  return (
    <Stack gap="sm">
      <div>
        <Title order={3} fz="md">
          Satisfaction check
        </Title>
        <Text fz="sm" c="dimmed">
          One question to the client by email, “How well did we put this right?”, answered 1–5 with one click. The link
          works for 30 days and needs no sign-in.
        </Text>
      </div>
      {list.isPending ? (
        <LoadingBlock label="Loading answers…" />
      ) : list.isError ? (
        <ErrorBlock error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        list.data.items.length > 0 && (
          <Stack gap={6} component="ul" p={0} m={0} aria-label="Satisfaction answers">
            {list.data.items.map((r) => (
              <Group key={r.id} component="li" gap="xs" wrap="wrap" style={{ listStyle: 'none' }}>
                <Text fz="sm" fw={600}>
                  {r.contactName}:
                </Text>
                {r.answer !== null ? (
                  <Badge color={r.answer >= 4 ? 'green' : r.answer === 3 ? 'yellow' : 'red'} variant="light">
                    {answerText(r.answer)}
                  </Badge>
                ) : (
                  <Text fz="sm" c="dimmed">
                    {r.expired
                      ? 'no answer (the link expired)'
                      : `asked ${formatDate(r.createdAt, timeZone)}, no answer yet`}
                  </Text>
                )}
                {r.comment && <Text fz="sm">“{r.comment}”</Text>}
                {r.changedAt && (
                  <Text fz="xs" c="dimmed">
                    changed {formatDateTime(r.changedAt, timeZone)}
                  </Text>
                )}
              </Group>
            ))}
          </Stack>
        )
      )}
      {!fixed ? (
        <Text fz="sm" c="dimmed">
          You can ask once the fix is done.
        </Text>
      ) : (
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NativeSelect
            label="Ask"
            value={contactId}
            onChange={(e) => setContactId(e.currentTarget.value)}
            data={[
              { value: '', label: withEmail.length ? 'Choose a contact…' : 'No contact with an email' },
              ...(contacts.data ?? []).map((c) => ({ value: c.id, label: contactLabel(c), disabled: !c.email })),
            ]}
            error={fieldMessage(apiFieldErrors(ask.error)['contactId'])}
            style={{ flex: 1, minWidth: 240 }}
          />
          <Button
            leftSection={<IconStar size={16} />}
            disabled={!contactId}
            loading={ask.isPending}
            onClick={() =>
              void ask.mutateAsync(contactId).then(
                () => setContactId(''),
                () => undefined,
              )
            }
          >
            Ask how well we put it right
          </Button>
        </Group>
      )}
      {ask.isSuccess && (
        <Text fz="sm" c="green" role="status">
          Satisfaction check queued to {ask.data.contactName}.
        </Text>
      )}
      {ask.error !== null && apiFieldErrors(ask.error)['contactId'] === undefined && <FormError error={ask.error} />}
    </Stack>
  );
}

/** The "Check-ins" section of the mistake page. */
export function CheckInsSection({
  mistakeId,
  clientId,
  fixed,
}: {
  mistakeId: string;
  clientId: string;
  fixed: boolean;
}) {
  const checkIns = useCheckIns(mistakeId);
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="check-ins-title">
      <Stack gap="md">
        <div>
          <Title order={2} fz="lg" id="check-ins-title">
            Check-ins
          </Title>
          <Text c="dimmed" fz="sm">
            Rebuild the relationship: after the fix, check in with the client and follow through. Check-ins done on time
            raise the client&apos;s health; skipped or overdue ones lower it.
          </Text>
        </div>
        {checkIns.isPending ? (
          <LoadingBlock label="Loading check-ins…" />
        ) : checkIns.isError ? (
          <ErrorBlock error={checkIns.error} onRetry={() => void checkIns.refetch()} />
        ) : checkIns.data.length === 0 ? (
          <Text fz="sm" c="dimmed">
            Check-ins are scheduled when the fix is done (by default a week, a month and three months after).
          </Text>
        ) : (
          <Stack gap="xs" component="ul" p={0} m={0}>
            {checkIns.data.map((c) => (
              <CheckInRow key={c.id} checkIn={c} clientId={clientId} />
            ))}
          </Stack>
        )}
        <SatisfactionPart mistakeId={mistakeId} clientId={clientId} fixed={fixed} />
      </Stack>
    </Paper>
  );
}
