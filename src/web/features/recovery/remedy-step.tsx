import {
  Alert,
  Anchor,
  Button,
  Collapse,
  Divider,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconCircleCheck, IconHourglass, IconScale, IconShieldCheck } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import type {
  AccountingNoticeDraftView,
  RecoverySummary,
  RemedyKind,
  RemedyProposal,
  RemedyResult,
} from '../../../shared/contract/index.ts';
import { remedyKinds } from '../../../shared/contract/index.ts';
import { api, queryString } from '../../api/client.ts';
import { useTimeZone } from '../../app/session.tsx';
import { MoneyInput } from '../../components/money-input.tsx';
import { ErrorBlock, FormError, LoadingBlock } from '../../components/states.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { apiFieldErrors, fieldMessage } from '../../lib/forms.ts';
import { tierLabels, severityLabels } from '../../lib/labels.ts';
import { amountToInput, formatMoney, parseAmount } from '../../lib/money.ts';
import { useDeclineRemedy, useIssueRemedy, useRemedyProposal, type RemedyBody } from './api.ts';
import { formatSigned, parseHoursCenti, remedyKindLabels, reworkAmountMinor, useIdempotencyKey } from './format.ts';
import { RemedyLedger, RemedyTotals, useCanApprove } from './ledger.tsx';

const times = (percent: number) => (percent % 100 === 0 ? `${percent / 100}×` : `${(percent / 100).toFixed(2)}×`);

/** The policy's proposal, with the multiplier and the approval limits spelled out. */
export function ProposalCard({ proposal }: { proposal: RemedyProposal }) {
  const { impact } = proposal;
  return (
    <Paper withBorder p="md" radius="md" bg="indigo.0" aria-label="Remedy proposal" role="region">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4} style={{ flex: 1, minWidth: 240 }}>
          <Group gap={6}>
            <IconScale size={18} />
            <Text fw={600}>
              Proposed: {formatMoney(proposal.proposed)} ({times(proposal.multiplierPercent)} the impact)
            </Text>
          </Group>
          <Text fz="sm">
            {impact.amountMinor > 0 ? (
              <>
                The policy gives a {tierLabels[proposal.tier].toLowerCase()} client {proposal.multiplierPercent}% of the
                impact for a {severityLabels[proposal.severity].toLowerCase()} mistake: {formatMoney(impact)} ×{' '}
                {times(proposal.multiplierPercent)} ={' '}
                {formatMoney({ amountMinor: proposal.fullProposalMinor, currency: impact.currency })}.
                {proposal.priorMinor > 0 && (
                  <>
                    {' '}
                    This mistake's remedies already give{' '}
                    {formatMoney({ amountMinor: proposal.priorMinor, currency: impact.currency })} (issued or awaiting
                    approval), so {formatMoney(proposal.proposed)} is left.
                  </>
                )}
              </>
            ) : (
              <>
                No impact was recorded for this mistake, so the policy has no amount to multiply. Set the impact on the
                mistake, or choose an amount.
              </>
            )}
          </Text>
          <Text fz="xs" c="dimmed">
            Needs approval by an owner or admin when this mistake's remedies together come to more than{' '}
            {proposal.capPercent}% of the impact (
            {formatMoney({ amountMinor: proposal.capAmountMinor, currency: impact.currency })}) or above{' '}
            {formatMoney({ amountMinor: proposal.approvalThresholdMinor, currency: impact.currency })}.
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}

/**
 * The accounting notice the billing contact would get for the remedy in the form (debounced), as
 * the API composes it and the guard checks it — shown for review before anything is queued.
 */
function AccountingNoticePreview({
  mistakeId,
  kind,
  amountMinor,
  currency,
  hours,
}: {
  mistakeId: string;
  kind: RemedyKind;
  amountMinor: number | null;
  currency: string;
  hours: string;
}) {
  const [debounced] = useDebouncedValue(amountMinor, 300);
  const enabled = debounced !== null && debounced > 0 && debounced === amountMinor;
  const query = useQuery({
    queryKey: ['recovery', 'accounting-notice-draft', mistakeId, kind, debounced, currency, hours],
    queryFn: () =>
      api.get<AccountingNoticeDraftView>(
        `/mistakes/${mistakeId}/accounting-notice-draft${queryString({ kind, amountMinor: debounced, currency, hours: hours || null })}`,
      ),
    enabled,
  });
  if (!enabled || query.isPending || query.isError) return null;
  const d = query.data;
  if (d.skippedReason !== null) {
    return (
      <Text fz="sm" c="dimmed" role="note">
        No accounting notice will be sent: {d.skippedReason}
      </Text>
    );
  }
  const errors = d.findings.filter((f) => f.severity === 'error');
  return (
    <Paper withBorder p="sm" radius="md" aria-label="Accounting notice preview" role="region">
      <Stack gap={4}>
        <Text fz="xs" c="dimmed">
          Accounting notice to {d.toName} &lt;{d.toAddress}&gt;, from {d.fromName} — sent after the client has been told
        </Text>
        <Text fz="sm" fw={600}>
          {d.subject}
        </Text>
        <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {d.body}
        </Text>
        {errors.length > 0 && (
          <Alert color="red" variant="light" title="The pre-send guard will hold this notice back">
            {errors.map((f, i) => (
              <Text key={i} fz="sm">
                {f.message}
              </Text>
            ))}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

/** What the policy says about the amount in the form (debounced), shown before submitting. */
function Assessment({
  mistakeId,
  amountMinor,
  currency,
}: {
  mistakeId: string;
  amountMinor: number | null;
  currency: string;
}) {
  const [debounced] = useDebouncedValue(amountMinor, 300);
  const query = useRemedyProposal(mistakeId, debounced, currency);
  if (debounced === null || debounced <= 0 || debounced !== amountMinor) return null;
  if (query.isPending || query.isError) return null;
  const a = query.data.assessment;
  if (!a.requiresApproval) {
    return (
      <Group gap={6} role="status">
        <IconShieldCheck size={16} color="var(--mantine-color-green-7)" />
        <Text fz="sm" c="green.8">
          Within policy{a.percentOfImpact !== null ? ` (${a.percentOfImpact}% of the impact)` : ''}: issued at once.
        </Text>
      </Group>
    );
  }
  return (
    <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title="Approval needed" role="status">
      <Stack gap={4}>
        {a.reasons.map((r) => (
          <Text key={r.code} fz="sm">
            {r.message}
          </Text>
        ))}
        {a.warning && (
          <Text fz="sm" fw={500}>
            {a.warning}
          </Text>
        )}
        <Text fz="sm" c="dimmed">
          It is recorded as awaiting approval; an owner or admin approves it below.
        </Text>
      </Stack>
    </Alert>
  );
}

/** Builds the request body from the form's text, or the field errors that stop it. */
function buildBody(form: {
  kind: RemedyKind;
  amount: string;
  currency: string;
  hours: string;
  rate: string;
  note: string;
}): { body: RemedyBody | null; errors: Record<string, string>; amountMinor: number | null } {
  const errors: Record<string, string> = {};
  const note = form.note.trim() || null;
  if (form.kind === 'rework') {
    const hoursCenti = parseHoursCenti(form.hours);
    const rateMinor = parseAmount(form.rate, form.currency);
    if (hoursCenti === null) errors['hours'] = 'Enter hours like 12.5 (up to two decimals)';
    if (rateMinor === null || rateMinor <= 0) errors['rateMinor'] = 'Enter an hourly rate like 95.00';
    if (hoursCenti === null || rateMinor === null || rateMinor <= 0) return { body: null, errors, amountMinor: null };
    return {
      body: { kind: 'rework', currency: form.currency, hours: hoursCenti / 100, rateMinor, note },
      errors,
      amountMinor: reworkAmountMinor(hoursCenti, rateMinor),
    };
  }
  const amountMinor = parseAmount(form.amount, form.currency);
  if (amountMinor === null || amountMinor <= 0) {
    errors['amountMinor'] = 'Enter an amount greater than zero';
    return { body: null, errors, amountMinor: null };
  }
  return { body: { kind: form.kind, currency: form.currency, amountMinor, note }, errors, amountMinor };
}

/** Issue a remedy: credit, discount, refund, rework (hours × rate), gift or other. */
export function RemedyForm({
  mistakeId,
  proposal,
  onRecorded,
}: {
  mistakeId: string;
  proposal: RemedyProposal;
  onRecorded: (result: RemedyResult) => void;
}) {
  const issue = useIssueRemedy(mistakeId);
  const idempotency = useIdempotencyKey();
  const [kind, setKind] = useState<RemedyKind>('credit');
  const [currency, setCurrency] = useState(proposal.proposed.currency);
  const [amount, setAmount] = useState(
    proposal.proposed.amountMinor > 0 ? amountToInput(proposal.proposed.amountMinor, proposal.proposed.currency) : '',
  );
  const [hours, setHours] = useState('');
  const [rate, setRate] = useState('');
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState(false);

  const built = buildBody({ kind, amount, currency, hours, rate, note });
  const serverErrors = apiFieldErrors(issue.error);
  const fieldError = (field: string) =>
    fieldMessage(serverErrors[field]) ?? (touched ? built.errors[field] : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!built.body) return;
    const body = built.body;
    // mutateAsync, not mutate's callbacks: the refreshed ledger may fold this form away before they would run.
    issue.mutateAsync({ ...body, idempotencyKey: idempotency.keyFor(body) }).then(
      (answer) => {
        idempotency.done();
        onRecorded(answer);
        setTouched(false);
        setNote('');
      },
      () => undefined, // shown from issue.error
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Issue a remedy">
      <Stack gap="sm">
        <SegmentedControl
          value={kind}
          onChange={(v) => setKind(v)}
          data={remedyKinds.map((k) => ({ value: k, label: remedyKindLabels[k] }))}
          aria-label="Kind of remedy"
          fullWidth
          size="sm"
        />
        {kind === 'rework' ? (
          <Stack gap={6}>
            <Group gap="xs" align="flex-start" wrap="wrap">
              <TextInput
                label="Hours"
                description="Work you do on your own dime"
                inputMode="decimal"
                placeholder="0.00"
                value={hours}
                onChange={(e) => setHours(e.currentTarget.value)}
                error={fieldError('hours')}
                w={160}
              />
              <div style={{ flex: 1, minWidth: 240 }}>
                <MoneyInput
                  label="Hourly rate"
                  description="Your usual billing rate"
                  amount={rate}
                  currency={currency}
                  onAmountChange={setRate}
                  onCurrencyChange={setCurrency}
                  error={fieldError('rateMinor')}
                />
              </div>
            </Group>
            <Text fz="sm" aria-live="polite" data-testid="rework-amount">
              {built.amountMinor !== null ? (
                <>
                  {hours.trim()} h × {formatMoney({ amountMinor: built.body?.rateMinor ?? 0, currency })} ={' '}
                  <strong>{formatMoney({ amountMinor: built.amountMinor, currency })}</strong> of unbilled rework
                </>
              ) : (
                <Text span c="dimmed" fz="sm">
                  Enter hours and a rate: the amount is hours × rate.
                </Text>
              )}
            </Text>
          </Stack>
        ) : (
          <MoneyInput
            label="Amount"
            amount={amount}
            currency={currency}
            onAmountChange={setAmount}
            onCurrencyChange={setCurrency}
            error={fieldError('amountMinor') ?? fieldMessage(serverErrors['currency'])}
          />
        )}
        <Assessment mistakeId={mistakeId} amountMinor={built.amountMinor} currency={currency} />
        <AccountingNoticePreview
          mistakeId={mistakeId}
          kind={kind}
          amountMinor={built.amountMinor}
          currency={currency}
          hours={kind === 'rework' ? hours.trim() : ''}
        />
        <Textarea
          label="Rationale"
          description="Why this remedy (goes on the ledger and the timeline; never to the client)."
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
          error={fieldMessage(serverErrors['note'])}
        />
        <FormError error={issue.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={issue.isPending}>
            Record remedy
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** What became of the remedy just recorded, kept current as it is approved. */
function RemedyOutcome({ result, summary }: { result: RemedyResult; summary: RecoverySummary }) {
  const entry = summary.remedies.find((r) => r.id === result.entry.id) ?? result.entry;
  const amount = formatSigned(entry.amountMinor, entry.currency);
  const notice = summary.messages.find((m) => m.id === entry.accountingMessageId) ?? result.accountingMessage;
  if (entry.status === 'pending_approval') {
    return (
      <Alert color="yellow" variant="light" icon={<IconHourglass size={18} />} role="status">
        Recorded {amount}, awaiting approval by an owner or admin in the ledger below. The accounting notice goes out
        once it is approved.
      </Alert>
    );
  }
  if (entry.status !== 'issued') return null;
  return (
    <Alert color="green" variant="light" icon={<IconCircleCheck size={18} />} role="status">
      Issued {amount}.{' '}
      {notice
        ? `Accounting notice queued to ${notice.toName} <${notice.toAddress}>.`
        : `No accounting notice was queued: ${result.noticeSkippedReason ?? 'add a billing contact with an email address to the client to send one.'}`}
    </Alert>
  );
}

function DeclineForm({ mistakeId, onDone }: { mistakeId: string; onDone: () => void }) {
  const decline = useDeclineRemedy(mistakeId);
  const [reason, setReason] = useState('');
  const fieldErrors = apiFieldErrors(decline.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    decline.mutate({ reason: reason.trim() }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Decline a remedy">
      <Stack gap="sm">
        <Textarea
          label="Why no money for this one"
          description="Recorded on the timeline; the mistake counts as remedied."
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={2}
          error={fieldMessage(fieldErrors['reason'])}
        />
        <FormError error={decline.error} />
        <Group justify="flex-end">
          <Button type="submit" variant="default" loading={decline.isPending} disabled={!reason.trim()}>
            Record the decision
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Make it right: the policy's proposal, the remedy form, the decision to decline, the ledger. */
export function RemedyStep({ summary }: { summary: RecoverySummary }) {
  const timeZone = useTimeZone();
  const proposal = useRemedyProposal(summary.mistakeId);
  const canApprove = useCanApprove();
  const [declining, setDeclining] = useState(false);
  // Once a remedy is on the ledger the form folds away; another one is a click away.
  const [adding, setAdding] = useState(false);
  const [lastResult, setLastResult] = useState<RemedyResult | null>(null);

  return (
    <Stack gap="md">
      {proposal.isPending ? (
        <LoadingBlock label="Applying the remedy policy…" />
      ) : proposal.isError ? (
        <ErrorBlock
          error={proposal.error}
          onRetry={() => void proposal.refetch()}
          title="The remedy policy could not be applied"
        />
      ) : (
        <>
          <ProposalCard proposal={proposal.data} />
          {summary.remedies.length > 0 && !adding ? (
            <Group>
              <Button variant="default" onClick={() => setAdding(true)}>
                Record another remedy
              </Button>
            </Group>
          ) : (
            <RemedyForm
              key={`${proposal.data.proposed.amountMinor}-${proposal.data.proposed.currency}`}
              mistakeId={summary.mistakeId}
              proposal={proposal.data}
              onRecorded={(result) => {
                setLastResult(result);
                setAdding(false);
              }}
            />
          )}
        </>
      )}

      {summary.remedyDecline ? (
        <Text fz="sm" c="dimmed">
          Declined{summary.remedyDecline.by ? ` by ${summary.remedyDecline.by.name}` : ''} on{' '}
          {formatDateTime(summary.remedyDecline.at, timeZone)}: “{summary.remedyDecline.reason}”
        </Text>
      ) : (
        summary.remedies.length === 0 && (
          <div>
            <Anchor
              component="button"
              type="button"
              fz="sm"
              c="dimmed"
              onClick={() => setDeclining((v) => !v)}
              aria-expanded={declining}
            >
              {declining ? 'Keep the remedy open' : 'No money for this one? Record why instead'}
            </Anchor>
            <Collapse expanded={declining}>
              <Paper withBorder p="md" mt="xs" radius="md">
                <DeclineForm mistakeId={summary.mistakeId} onDone={() => setDeclining(false)} />
              </Paper>
            </Collapse>
          </div>
        )
      )}

      {lastResult && <RemedyOutcome result={lastResult} summary={summary} />}

      <Divider />
      <Stack gap="sm">
        <Title order={4} fz="md">
          Ledger for this mistake
        </Title>
        {summary.remedies.length === 0 ? (
          <Text fz="sm" c="dimmed">
            No remedies yet. Every remedy, approval and reversal is kept here for good.
          </Text>
        ) : (
          <>
            <RemedyTotals totals={summary.totals} />
            <RemedyLedger entries={summary.remedies} />
            {!canApprove && summary.remedies.some((r) => r.status === 'pending_approval') && (
              <Text fz="sm" c="dimmed">
                Ask an owner or admin of the workspace to approve the remedies awaiting approval.
              </Text>
            )}
          </>
        )}
      </Stack>
    </Stack>
  );
}
