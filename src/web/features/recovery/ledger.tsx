import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Tooltip,
} from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconMail } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { RemedyEntry, RemedyTotal } from '../../../shared/contract/index.ts';
import { useSession, useTimeZone } from '../../app/session.tsx';
import { CountedTextarea } from '../../components/counted-input.tsx';
import { FormError } from '../../components/states.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { formatMinor } from '../../lib/money.ts';
import { apiFieldErrors, fieldMessage } from '../../lib/forms.ts';
import { useApproveRemedy, useReverseRemedy } from './api.ts';
import { formatSigned, remedyKindLabels, remedyStatusColors, remedyStatusLabels, useIdempotencyKey } from './format.ts';

/** Owners and admins approve remedies above the policy's cap or threshold. */
export function useCanApprove(): boolean {
  const role = useSession().role;
  return role === 'owner' || role === 'admin';
}

/** A total as the API sends it (a decimal string, exact beyond 2^53): "−$12.50" when negative. */
export function formatTotal(amountMinor: string, currency: string): string {
  const minor = BigInt(amountMinor);
  const text = formatMinor(minor < 0n ? -minor : minor, currency);
  return minor < 0n ? `−${text}` : text;
}

/** Remedy totals, one card per currency: amounts in different currencies are never added up. */
export function RemedyTotals({ totals, stacked = false }: { totals: RemedyTotal[]; stacked?: boolean }) {
  if (totals.length === 0) return null;
  return (
    <SimpleGrid
      cols={stacked ? 1 : { base: 1, xs: Math.min(totals.length, 3) }}
      spacing="sm"
      aria-label="Remedy totals by currency"
    >
      {totals.map((t) => (
        <Paper key={t.currency} withBorder p="sm" radius="md" aria-label={`Totals in ${t.currency}`} role="group">
          <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
            Net given · {t.currency}
          </Text>
          <Text fz="xl" fw={700}>
            {formatTotal(t.netMinor, t.currency)}
          </Text>
          <Text fz="xs" c="dimmed">
            {t.count} {t.count === 1 ? 'remedy' : 'remedies'} · issued {formatTotal(t.issuedMinor, t.currency)}
            {BigInt(t.reversedMinor) > 0n ? ` · reversed ${formatTotal(t.reversedMinor, t.currency)}` : ''}
            {BigInt(t.pendingMinor) > 0n ? ` · awaiting approval ${formatTotal(t.pendingMinor, t.currency)}` : ''}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function ReverseDialog({ entry, onClose }: { entry: RemedyEntry; onClose: () => void }) {
  const reverse = useReverseRemedy();
  const idempotency = useIdempotencyKey();
  const [reason, setReason] = useState('');
  const fieldErrors = apiFieldErrors(reverse.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = { remedyId: entry.id, reason: reason.trim() };
    reverse.mutate(
      { ...body, idempotencyKey: idempotency.keyFor(body) },
      {
        onSuccess: () => {
          idempotency.done();
          onClose();
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text fz="sm">
          Entries are never changed: reversing adds a new entry of{' '}
          <strong>{formatSigned(-entry.amountMinor, entry.currency)}</strong> with your reason.
        </Text>
        <Textarea
          label="Reason"
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={2}
          required
          data-autofocus
          error={fieldMessage(fieldErrors['reason'])}
        />
        <FormError error={reverse.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" color="red" loading={reverse.isPending} disabled={!reason.trim()}>
            Reverse remedy
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The confirmation of an approval: what is approved, why it needed approval, an optional note. */
function ApproveDialog({ entry, onClose }: { entry: RemedyEntry; onClose: () => void }) {
  const approve = useApproveRemedy();
  const [note, setNote] = useState('');
  const fieldErrors = apiFieldErrors(approve.error);
  const amount = formatSigned(entry.amountMinor, entry.currency);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    approve.mutate({ remedyId: entry.id, note: note.trim() || null }, { onSuccess: onClose });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text fz="sm">
          Approving issues the {remedyKindLabels[entry.kind].toLowerCase()} of <strong>{amount}</strong> and sends the
          accounting notice once the client has been told. Ledger entries are never changed afterwards: a mistake is
          corrected by a reversal.
        </Text>
        {entry.approvalReasons.length > 0 && (
          <Text fz="sm" c="dimmed">
            Needs approval because: {entry.approvalReasons.map((r) => r.message).join(' ')}
          </Text>
        )}
        <CountedTextarea
          label="Note"
          description="Optional; kept with the approval on the ledger and the timeline, never sent to the client."
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
          max={2_000}
          data-autofocus
          error={fieldMessage(fieldErrors['note'])}
        />
        <FormError error={Object.keys(fieldErrors).length ? null : approve.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" color="green" leftSection={<IconCheck size={16} />} loading={approve.isPending}>
            Approve {amount}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The append-only remedy ledger: approve pending entries (after a confirmation), reverse issued ones. */
export function RemedyLedger({ entries, showMistake = false }: { entries: RemedyEntry[]; showMistake?: boolean }) {
  const timeZone = useTimeZone();
  const canApprove = useCanApprove();
  const [reversing, setReversing] = useState<RemedyEntry | null>(null);
  const [approving, setApproving] = useState<RemedyEntry | null>(null);

  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs" aria-label="Remedy ledger" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Remedy</Table.Th>
              {showMistake && <Table.Th>Mistake</Table.Th>}
              <Table.Th ta="right">Amount</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Recorded</Table.Th>
              <Table.Th w={150}>
                <span style={{ position: 'absolute', left: -9999 }}>Actions</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>
                  <Text fz="sm" fw={500}>
                    {e.status === 'reversal'
                      ? `Reversal of ${remedyKindLabels[e.kind].toLowerCase()}`
                      : remedyKindLabels[e.kind]}
                  </Text>
                  {e.kind === 'rework' && e.hours !== null && e.rateMinor !== null && (
                    <Text fz="xs" c="dimmed">
                      {e.hours} h × {formatSigned(e.rateMinor, e.currency)}
                    </Text>
                  )}
                  {e.note && (
                    <Text fz="xs" c="dimmed" lineClamp={2}>
                      {e.note}
                    </Text>
                  )}
                </Table.Td>
                {showMistake && (
                  <Table.Td>
                    <Anchor component={Link} to={`/mistakes/${e.mistakeId}`} fz="sm">
                      {e.mistakeRef}
                    </Anchor>
                  </Table.Td>
                )}
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                  <Text
                    fz="sm"
                    fw={600}
                    c={e.amountMinor < 0 ? 'red' : undefined}
                    td={e.status === 'reversed' ? 'line-through' : undefined}
                  >
                    {formatSigned(e.amountMinor, e.currency)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Badge color={remedyStatusColors[e.status]} variant="light" radius="sm">
                      {remedyStatusLabels[e.status]}
                    </Badge>
                    {e.accountingMessageId && (
                      <Tooltip label="Accounting notice queued" withArrow>
                        <IconMail size={16} aria-label="Accounting notice queued" color="var(--mantine-color-dimmed)" />
                      </Tooltip>
                    )}
                  </Group>
                  {e.status === 'pending_approval' && e.approvalReasons.length > 0 && (
                    <Text fz="xs" c="dimmed">
                      {e.approvalReasons.map((r) => r.message).join(' ')}
                    </Text>
                  )}
                  {e.approval && (
                    <Text fz="xs" c="dimmed">
                      Approved{e.approval.by ? ` by ${e.approval.by.name}` : ''}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text fz="xs">{formatDateTime(e.createdAt, timeZone)}</Text>
                  {e.createdBy && (
                    <Text fz="xs" c="dimmed">
                      {e.createdBy.name}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    {e.status === 'pending_approval' &&
                      (canApprove ? (
                        <Button
                          size="compact-sm"
                          color="green"
                          leftSection={<IconCheck size={14} />}
                          onClick={() => setApproving(e)}
                          aria-label={`Approve ${remedyKindLabels[e.kind].toLowerCase()} of ${formatSigned(e.amountMinor, e.currency)}`}
                        >
                          Approve
                        </Button>
                      ) : (
                        <Text fz="xs" c="dimmed">
                          Needs an owner or admin
                        </Text>
                      ))}
                    {e.status === 'issued' && (
                      <Tooltip label="Reverse (adds a correcting entry)" withArrow>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          onClick={() => setReversing(e)}
                          aria-label={`Reverse ${remedyKindLabels[e.kind].toLowerCase()} of ${formatSigned(e.amountMinor, e.currency)}`}
                        >
                          <IconArrowBackUp size={16} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal opened={approving !== null} onClose={() => setApproving(null)} title="Approve this remedy" centered>
        {approving && <ApproveDialog entry={approving} onClose={() => setApproving(null)} />}
      </Modal>
      <Modal opened={reversing !== null} onClose={() => setReversing(null)} title="Reverse this remedy" centered>
        {reversing && <ReverseDialog entry={reversing} onClose={() => setReversing(null)} />}
      </Modal>
    </>
  );
}
