import {
  Anchor,
  Button,
  Grid,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconMessageCheck, IconPencil } from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { AcknowledgmentChannel, Mistake, RecoveryStage } from '../../../shared/contract/index.ts';
import { useTimeZone } from '../../app/session.tsx';
import { RegressedBadge, SeverityBadge, StageBadge } from '../../components/badges.tsx';
import { TimelineSection } from '../../components/timeline-section.tsx';
import { StageTrack } from '../../components/stage-track.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorBlock, FormError, LoadingBlock } from '../../components/states.tsx';
import { formatDateTime, inputToIso, nowInput } from '../../lib/dates.ts';
import { apiFieldErrors, fieldMessage } from '../../lib/forms.ts';
import { categoryLabels, channelLabels, channelOptions, finderLabels } from '../../lib/labels.ts';
import { formatMoney } from '../../lib/money.ts';
import { CommitmentForm, CommitmentsTable } from '../clients/commitments-section.tsx';
import { useContacts } from '../clients/api.ts';
import { LearnSection } from '../learning/index.tsx';
import { MistakeRecovery } from '../recovery/index.tsx';
import { CheckInsSection } from '../check-ins/check-ins-section.tsx';
import {
  useAcknowledgments,
  useAddFixCommitment,
  useCompleteFix,
  useMistake,
  useMistakeCommitments,
  useMistakeTimeline,
  useRecordAcknowledgment,
} from './api.ts';
import { EditMistakeDialog } from './edit-mistake-dialog.tsx';

/** When each stage was reached ("found" at the time it was found). */
function reachedTimes(mistake: Mistake): Record<RecoveryStage, string | null> {
  return { found: mistake.foundAt, ...mistake.reached };
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text fz="xs" tt="uppercase" fw={700} c="dimmed" style={{ letterSpacing: '0.04em' }}>
        {label}
      </Text>
      <Text fz="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

/** Record an acknowledgment: when, how and to whom the client was told. */
function AcknowledgmentSection({ mistake }: { mistake: Mistake }) {
  const timeZone = useTimeZone();
  const acknowledgments = useAcknowledgments(mistake.id);
  const contacts = useContacts(mistake.clientId);
  const record = useRecordAcknowledgment(mistake.id);
  const [at, setAt] = useState(() => nowInput(timeZone));
  const [channel, setChannel] = useState<AcknowledgmentChannel>('email');
  const [contactId, setContactId] = useState('');
  const [recipient, setRecipient] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ at?: string | undefined; recipient?: string | undefined }>({});
  const [another, setAnother] = useState(false);
  const api = apiFieldErrors(record.error);
  const showForm = another || (acknowledgments.isSuccess && acknowledgments.data.length === 0);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: typeof errors = {};
    const atIso = inputToIso(at, timeZone);
    if (!atIso) found.at = 'Enter when the client was told';
    else if (atIso < mistake.foundAt) found.at = 'The client cannot have been told before the mistake was found';
    if (!contactId && !recipient.trim()) found.recipient = 'Choose a contact or name who was told';
    setErrors(found);
    if (Object.keys(found).length > 0 || !atIso) return;
    record.mutate(
      {
        at: atIso,
        channel,
        contactId: contactId || null,
        recipient: recipient.trim() || null,
        note: note.trim() || null,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', title: 'Acknowledgment recorded', message: `${mistake.ref} is owned.` });
          setNote('');
          setRecipient('');
          setAnother(false);
        },
      },
    );
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="ack-title">
      <Stack gap="md">
        <div>
          <Title order={2} fz="lg" id="ack-title">
            Acknowledgment
          </Title>
          <Text c="dimmed" fz="sm">
            Own it fast: record when, how and to whom the client was told.
          </Text>
        </div>
        {acknowledgments.isPending ? (
          <LoadingBlock label="Loading acknowledgments…" />
        ) : acknowledgments.isError ? (
          <ErrorBlock error={acknowledgments.error} onRetry={() => void acknowledgments.refetch()} />
        ) : (
          acknowledgments.data.length > 0 && (
            <Stack gap="xs" aria-label="Acknowledgments recorded">
              {acknowledgments.data.map((a) => (
                <Group key={a.id} gap="sm" wrap="nowrap" align="flex-start">
                  <IconMessageCheck size={18} color="var(--mantine-color-green-6)" aria-hidden />
                  <div>
                    <Text fz="sm" fw={500}>
                      Told {a.recipient} by {channelLabels[a.channel].toLowerCase()}
                    </Text>
                    <Text fz="xs" c="dimmed">
                      {formatDateTime(a.at, timeZone)}
                      {a.note ? ` · ${a.note}` : ''}
                    </Text>
                  </div>
                </Group>
              ))}
            </Stack>
          )
        )}
        {!showForm && acknowledgments.isSuccess && (
          <Group>
            <Button variant="subtle" size="xs" onClick={() => setAnother(true)}>
              Record another acknowledgment
            </Button>
          </Group>
        )}
        {showForm && (
          <form onSubmit={submit} noValidate aria-label="Record an acknowledgment">
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput
                  label={`When (${timeZone})`}
                  type="datetime-local"
                  value={at}
                  onChange={(e) => setAt(e.currentTarget.value)}
                  error={errors.at ?? fieldMessage(api['at'])}
                  required
                />
                <NativeSelect
                  label="How"
                  data={channelOptions}
                  value={channel}
                  onChange={(e) => setChannel(e.currentTarget.value as AcknowledgmentChannel)}
                />
                <NativeSelect
                  label="To whom"
                  value={contactId}
                  onChange={(e) => {
                    setContactId(e.currentTarget.value);
                    setErrors((x) => ({ ...x, recipient: undefined }));
                  }}
                  data={[
                    { value: '', label: contacts.data?.length ? 'Someone else…' : 'No contacts on file' },
                    ...(contacts.data ?? []).map((c) => ({ value: c.id, label: c.fullName })),
                  ]}
                  error={fieldMessage(api['contactId'])}
                />
                <TextInput
                  label="Recipient name"
                  description={contactId ? 'Optional when a contact is chosen' : undefined}
                  placeholder="e.g. the client’s front desk"
                  value={recipient}
                  onChange={(e) => {
                    setRecipient(e.currentTarget.value);
                    setErrors((x) => ({ ...x, recipient: undefined }));
                  }}
                  error={errors.recipient ?? fieldMessage(api['recipient'])}
                />
              </SimpleGrid>
              <Textarea
                label="Note"
                placeholder="What you said, and what you promised"
                autosize
                minRows={2}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
              />
              <FormError error={Object.keys(api).length ? null : record.error} />
              <Group justify="flex-end">
                <Button type="submit" loading={record.isPending}>
                  Record acknowledgment
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}

/** The fix as a commitment with a due time; completing it reaches "fixed". */
function FixSection({ mistake }: { mistake: Mistake }) {
  const timeZone = useTimeZone();
  const commitments = useMistakeCommitments(mistake.id);
  const add = useAddFixCommitment(mistake.id);
  const complete = useCompleteFix(mistake.id);
  const fixes = commitments.data?.filter((c) => c.isFix) ?? [];
  const [another, setAnother] = useState(false);
  const allDone = fixes.length > 0 && fixes.every((c) => c.status !== 'open');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="fix-title">
      <Stack gap="md">
        <div>
          <Title order={2} fz="lg" id="fix-title">
            Fix commitment
          </Title>
          <Text c="dimmed" fz="sm">
            Give the client a reasonable timeline and keep it. Completing the fix reaches “fixed”.
          </Text>
        </div>
        {commitments.isPending ? (
          <LoadingBlock label="Loading commitments…" />
        ) : commitments.isError ? (
          <ErrorBlock error={commitments.error} onRetry={() => void commitments.refetch()} />
        ) : fixes.length > 0 ? (
          <CommitmentsTable
            linkMistakes={false}
            commitments={fixes}
            timeZone={timeZone}
            onComplete={(id) =>
              complete.mutate(id, {
                onSuccess: () =>
                  notifications.show({ color: 'green', title: 'Fix completed', message: `${mistake.ref} is fixed.` }),
              })
            }
            completingId={complete.isPending ? (complete.variables ?? null) : null}
          />
        ) : null}
        {complete.error && <FormError error={complete.error} />}
        {allDone && !another && (
          <Group>
            <Button variant="subtle" size="xs" onClick={() => setAnother(true)}>
              Promise another fix
            </Button>
          </Group>
        )}
        {commitments.isSuccess && (fixes.length === 0 || (allDone && another)) && (
          <CommitmentForm
            ariaLabel="Promise the fix"
            submitLabel="Promise the fix"
            titlePlaceholder="Reprint and resend the corrected flyers"
            pending={add.isPending}
            error={add.error}
            onSubmit={(input, reset) =>
              add.mutate(input, {
                onSuccess: () => {
                  reset();
                  setAnother(false);
                },
              })
            }
          />
        )}
      </Stack>
    </Paper>
  );
}

function MistakeTimeline({ mistakeId }: { mistakeId: string }) {
  return (
    <TimelineSection
      timeline={useMistakeTimeline(mistakeId)}
      timeZone={useTimeZone()}
      titleId="timeline-title"
      emptyTitle="Nothing recorded yet"
      emptyDescription="Every step of the recovery is recorded here."
      label="Mistake timeline, oldest first"
    />
  );
}

/** One mistake: its stage, the facts, acknowledgment, fix, recovery and timeline. */
export function MistakeDetailPage() {
  const { mistakeId = '' } = useParams();
  const timeZone = useTimeZone();
  const mistake = useMistake(mistakeId);
  const [editing, { open: openEdit, close: closeEdit }] = useDisclosure(false);
  if (mistake.isPending) return <LoadingBlock label="Loading mistake…" />;
  if (mistake.isError) {
    return (
      <>
        <PageHeader title="Mistake" crumbs={[{ label: 'Mistakes', to: '/mistakes' }]} />
        <ErrorBlock
          error={mistake.error}
          title="This mistake could not be loaded"
          onRetry={() => void mistake.refetch()}
        />
      </>
    );
  }
  const m = mistake.data;
  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Mistakes', to: '/mistakes' }]}
        title={
          <>
            <Text span inherit c="dimmed" ff="monospace" fw={600}>
              {m.ref}
            </Text>{' '}
            {m.title}
          </>
        }
        badges={
          <>
            <StageBadge stage={m.stage} />
            {m.regressed && <RegressedBadge />}
            <SeverityBadge severity={m.severity} />
          </>
        }
        description={
          <>
            <Anchor component={Link} to={`/clients/${m.clientId}`} fz="sm">
              {m.clientName}
            </Anchor>{' '}
            · found {formatDateTime(m.foundAt, timeZone)} by {finderLabels[m.foundBy].toLowerCase()}
          </>
        }
        actions={
          <Button variant="default" leftSection={<IconPencil size={16} />} onClick={openEdit}>
            Edit details
          </Button>
        }
      />
      <EditMistakeDialog mistake={m} opened={editing} onClose={closeEdit} />
      <Stack gap="md">
        <Paper withBorder p="md" component="section" aria-label="Recovery stages">
          <StageTrack stage={m.stage} reachedAt={reachedTimes(m)} timeZone={timeZone} />
        </Paper>
        <Paper withBorder p="md" component="section" aria-label="What happened">
          <Stack gap="md">
            <Detail label="What happened">
              <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }} c={m.description ? undefined : 'dimmed'}>
                {m.description ?? 'No description yet.'}
              </Text>
            </Detail>
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
              <Detail label="Category">{categoryLabels[m.category]}</Detail>
              <Detail label="Impact">{formatMoney(m.impact)}</Detail>
              <Detail label="Happened">{formatDateTime(m.happenedAt, timeZone)}</Detail>
              <Detail label="Found">{formatDateTime(m.foundAt, timeZone)}</Detail>
            </SimpleGrid>
          </Stack>
        </Paper>
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <AcknowledgmentSection mistake={m} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <FixSection mistake={m} />
          </Grid.Col>
        </Grid>
        <MistakeRecovery mistakeId={m.id} />
        <CheckInsSection mistakeId={m.id} clientId={m.clientId} fixed={m.reached.fixed !== null} />
        <LearnSection mistakeId={m.id} clientId={m.clientId} />
        <MistakeTimeline mistakeId={m.id} />
      </Stack>
    </>
  );
}
