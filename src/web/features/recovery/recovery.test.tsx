import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AcknowledgeStep } from './acknowledge-step.tsx';
import { ClientRecoveryPanel } from './client-recovery.tsx';
import { NotificationBell } from './header-notifications.tsx';
import { RemedyLedger } from './ledger.tsx';
import { MistakeRecoveryPanel } from './mistake-recovery.tsx';
import { OutboxPage } from './outbox-page.tsx';
import { RemedyStep } from './remedy-step.tsx';
import { SweepStep } from './sweep-step.tsx';
import { UpdatesStep } from './updates-step.tsx';
import {
  contact,
  emptyAnalysis,
  entry,
  fakeApi,
  message,
  proposal,
  renderRecovery,
  summary,
  type Routes,
} from './testing.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
});

const engines: Routes = {
  'POST /analyse': { body: emptyAnalysis() },
  'POST /check': { body: { findings: [] } },
};

const draft = {
  mistakeId: 'm1',
  contactId: 'ct1',
  toName: 'Amara Okafor',
  toAddress: 'amara@acme.example',
  salutation: 'Dr Okafor',
  subject: 'We sent the wrong short code',
  body: 'Dear Dr Okafor,\n\nWe put the wrong short code in your newsletter. That was our mistake.',
  fixDueAt: null,
};

const honorificFinding = {
  rule: 'honorific',
  severity: 'error',
  start: 5,
  end: 7,
  message: 'Amara Okafor is addressed as Dr, not Ms.',
  suggestion: 'Write “Dr Okafor”.',
  replacement: 'Dr',
  source: 'guard',
};

describe('acknowledgment composer', () => {
  it('blocks sending on error findings (422) until an override reason is given, then sends it', async () => {
    let sends = 0;
    const api = fakeApi({
      ...engines,
      'GET /clients/c1/contacts': { body: { items: [contact()] } },
      'GET /mistakes/m1/acknowledgment-draft': { body: draft },
      'POST /mistakes/m1/acknowledgment/send': (req) => {
        sends += 1;
        if (!req.body.overrideReason) {
          return {
            status: 422,
            body: {
              error: {
                code: 'blocking_findings',
                message: 'The text has error findings.',
                details: { findings: [honorificFinding], blocking: [honorificFinding] },
                requestId: 'r1',
              },
            },
          };
        }
        return { status: 201, body: {} };
      },
    });
    const { user } = renderRecovery(<AcknowledgeStep summary={summary()} />);

    await user.selectOptions(await screen.findByLabelText('To'), 'ct1');
    // Choosing the contact fetches the draft for them.
    expect(await screen.findByDisplayValue('We sent the wrong short code')).toBeInTheDocument();
    expect(api.sent('GET', '/mistakes/m1/acknowledgment-draft')[0]?.query.get('contactId')).toBe('ct1');

    const body = screen.getByRole('textbox', { name: 'Acknowledgment' });
    await user.clear(body);
    await user.click(body);
    await user.paste('Dear Ms Okafor, we got it wrong.');
    await user.click(screen.getByRole('button', { name: 'Send the acknowledgment' }));

    const alert = await screen.findByRole('alert', { name: /Not sent/ });
    expect(within(alert).getByText('Amara Okafor is addressed as Dr, not Ms.')).toBeInTheDocument();
    const sendAnyway = screen.getByRole('button', { name: 'Send anyway' });
    expect(sendAnyway).toBeDisabled();
    expect(api.sent('POST', '/mistakes/m1/acknowledgment/send')[0]?.body.overrideReason).toBeNull();

    await user.type(screen.getByRole('textbox', { name: /Reason to send anyway/ }), 'Dr Okafor asked to be called Ms');
    expect(sendAnyway).toBeEnabled();
    await user.click(sendAnyway);

    await waitFor(() => expect(sends).toBe(2));
    const second = api.sent('POST', '/mistakes/m1/acknowledgment/send')[1]!;
    expect(second.body).toMatchObject({
      contactId: 'ct1',
      subject: 'We sent the wrong short code',
      body: 'Dear Ms Okafor, we got it wrong.',
      overrideReason: 'Dr Okafor asked to be called Ms',
    });
  });

  it('clears the veto when the text is edited, so the fixed text is sent without an override', async () => {
    fakeApi({
      ...engines,
      'GET /clients/c1/contacts': { body: { items: [contact()] } },
      'GET /mistakes/m1/acknowledgment-draft': { body: draft },
      'POST /mistakes/m1/acknowledgment/send': {
        status: 422,
        body: {
          error: {
            code: 'blocking_findings',
            message: 'The text has error findings.',
            details: { findings: [honorificFinding], blocking: [honorificFinding] },
            requestId: 'r1',
          },
        },
      },
    });
    const { user } = renderRecovery(<AcknowledgeStep summary={summary()} />);
    await user.selectOptions(await screen.findByLabelText('To'), 'ct1');
    await screen.findByDisplayValue('We sent the wrong short code');
    await user.click(screen.getByRole('button', { name: 'Send the acknowledgment' }));
    expect(await screen.findByRole('button', { name: 'Send anyway' })).toBeDisabled();

    await user.type(screen.getByRole('textbox', { name: 'Acknowledgment' }), ' Sorry.');
    expect(screen.queryByRole('button', { name: 'Send anyway' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send the acknowledgment' })).toBeEnabled();
  });

  it('shows field errors from the API on the fields', async () => {
    fakeApi({
      ...engines,
      'GET /clients/c1/contacts': { body: { items: [contact()] } },
      'GET /mistakes/m1/acknowledgment-draft': { body: draft },
      'POST /mistakes/m1/acknowledgment/send': {
        status: 400,
        body: {
          error: {
            code: 'validation_failed',
            message: 'body.subject: must be at most 300 characters',
            details: { issues: [{ field: 'body.subject', message: 'must be at most 300 characters' }] },
            requestId: 'r1',
          },
        },
      },
    });
    const { user } = renderRecovery(<AcknowledgeStep summary={summary()} />);
    await user.selectOptions(await screen.findByLabelText('To'), 'ct1');
    await screen.findByDisplayValue('We sent the wrong short code');
    await user.click(screen.getByRole('button', { name: 'Send the acknowledgment' }));
    const subject = screen.getByRole('textbox', { name: 'Subject' });
    await waitFor(() => expect(subject).toHaveAccessibleDescription('Must be at most 300 characters'));
  });

  it('shows time to acknowledge against the target and "told before they noticed" once sent', () => {
    fakeApi({});
    renderRecovery(
      <AcknowledgeStep
        summary={summary({
          acknowledgment: {
            acknowledgmentId: 'a1',
            recipient: 'Amara Okafor',
            sentAt: '2026-03-02T09:35:00.000Z',
            timeToAcknowledgeSeconds: 35 * 60,
            targetMinutes: 240,
            withinTarget: true,
            toldBeforeNoticed: true,
          },
        })}
      />,
    );
    expect(screen.getByText('Within target')).toBeInTheDocument();
    expect(screen.getByText('Told before they noticed')).toBeInTheDocument();
    expect(screen.getByText('35 min')).toBeInTheDocument();
    expect(screen.getByText(/target 4 h/)).toBeInTheDocument();
  });
});

describe('remedy form', () => {
  function remedyApi() {
    return fakeApi({
      'GET /mistakes/m1/remedy-proposal': (req) => {
        const amount = req.query.get('amountMinor');
        return { body: proposal(amount ? Number(amount) : 100_000, req.query.get('currency') ?? 'USD') };
      },
      'POST /mistakes/m1/remedies': (req) => ({
        status: 201,
        body: {
          entry: entry({ kind: req.body.kind, amountMinor: 100_000, status: 'pending_approval' }),
          accountingMessage: null,
          noticeSkippedReason: null,
          stage: 'acknowledged',
        },
      }),
    });
  }

  it('explains the proposal: impact × multiplier and when approval is needed', async () => {
    remedyApi();
    renderRecovery(<RemedyStep summary={summary()} />);
    const card = await screen.findByRole('region', { name: 'Remedy proposal' });
    expect(card).toHaveTextContent('Proposed: $1,000.00 (2× the impact)');
    expect(card).toHaveTextContent('$500.00 × 2× = $1,000.00');
    expect(card).toHaveTextContent('more than 150% of the impact ($750.00) or above $2,000.00');
  });

  it('shows the accounting notice the billing contact would get, for review before recording', async () => {
    const api = fakeApi({
      'GET /mistakes/m1/remedy-proposal': { body: proposal() },
      'GET /mistakes/m1/accounting-notice-draft': {
        body: {
          mistakeId: 'm1',
          fromName: 'Accounting',
          toName: 'Lynn Carter',
          toAddress: 'billing@serenity.example',
          subject: 'Credit of $1,000.00 on your account (MG-1)',
          body: 'Dear Ms Carter,\n\nWe have added a credit of $1,000.00 to your account.',
          findings: [],
          skippedReason: null,
        },
      },
    });
    renderRecovery(<RemedyStep summary={summary()} />);
    const preview = await screen.findByRole('region', { name: 'Accounting notice preview' });
    expect(preview).toHaveTextContent('Accounting notice to Lynn Carter <billing@serenity.example>');
    expect(preview).toHaveTextContent('Credit of $1,000.00 on your account (MG-1)');
    const asked = api.sent('GET', '/mistakes/m1/accounting-notice-draft');
    expect(asked.some((q) => q.query.get('kind') === 'credit' && q.query.get('amountMinor') === '100000')).toBe(true);
  });

  it('after a first remedy, proposes only what is left and "Record another remedy" pre-fills that', async () => {
    fakeApi({ 'GET /mistakes/m1/remedy-proposal': { body: proposal(60_000, 'USD', 40_000) } });
    const { user } = renderRecovery(
      <RemedyStep summary={summary({ remedies: [entry({ amountMinor: 40_000, status: 'issued' })] })} />,
    );
    const card = await screen.findByRole('region', { name: 'Remedy proposal' });
    expect(card).toHaveTextContent('Proposed: $600.00');
    expect(card).toHaveTextContent('already give $400.00 (issued or awaiting approval), so $600.00 is left');
    await user.click(screen.getByRole('button', { name: 'Record another remedy' }));
    expect(screen.getByRole('textbox', { name: 'Amount' })).toHaveValue('600.00');
  });

  it('computes rework as hours × rate, shows approval needed, and sends hours and rate', async () => {
    const api = remedyApi();
    const { user } = renderRecovery(<RemedyStep summary={summary()} />);
    await screen.findByRole('region', { name: 'Remedy proposal' });

    await user.click(screen.getByRole('radio', { name: 'Unbilled rework' }));
    await user.type(screen.getByRole('textbox', { name: /^Hours/ }), '12.5');
    await user.type(screen.getByRole('textbox', { name: /^Hourly rate/ }), '80');
    expect(screen.getByTestId('rework-amount')).toHaveTextContent('12.5 h × $80.00 = $1,000.00 of unbilled rework');

    // The policy is asked about the computed amount, and it needs approval (200% > 150% cap).
    expect(await screen.findByText('Approval needed')).toBeInTheDocument();
    expect(screen.getByText('200% of the impact is above the 150% cap.')).toBeInTheDocument();
    expect(api.sent('GET', '/mistakes/m1/remedy-proposal').some((s) => s.query.get('amountMinor') === '100000')).toBe(
      true,
    );

    await user.click(screen.getByRole('button', { name: 'Record remedy' }));
    await screen.findByText(/Recorded \$1,000\.00, awaiting approval by an owner or admin/);
    const post = api.sent('POST', '/mistakes/m1/remedies')[0]!;
    expect(post.body).toMatchObject({ kind: 'rework', hours: 12.5, rateMinor: 8000, currency: 'USD' });
    expect(post.body.amountMinor).toBeUndefined();
    expect(post.body.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('says an amount within policy is issued at once', async () => {
    remedyApi();
    const { user } = renderRecovery(<RemedyStep summary={summary()} />);
    await screen.findByRole('region', { name: 'Remedy proposal' });
    const amount = screen.getByRole('textbox', { name: 'Amount' });
    await user.clear(amount);
    await user.type(amount, '600');
    expect(await screen.findByText(/Within policy \(120% of the impact\)/)).toBeInTheDocument();
    expect(screen.queryByText('Approval needed')).not.toBeInTheDocument();
  });

  it('reuses the idempotency key when the same remedy is retried after a failure, and not for a new one', async () => {
    let calls = 0;
    const api = fakeApi({
      'GET /mistakes/m1/remedy-proposal': (req) => ({
        body: proposal(Number(req.query.get('amountMinor') ?? 100_000)),
      }),
      'POST /mistakes/m1/remedies': () => {
        calls += 1;
        if (calls === 1) return { network: true };
        return {
          status: 201,
          body: { entry: entry(), accountingMessage: null, noticeSkippedReason: null, stage: 'remedied' },
        };
      },
    });
    const { user } = renderRecovery(<RemedyStep summary={summary()} />);
    await screen.findByRole('region', { name: 'Remedy proposal' });
    const amount = screen.getByRole('textbox', { name: 'Amount' });
    await user.clear(amount);
    await user.type(amount, '300');
    await user.click(screen.getByRole('button', { name: 'Record remedy' }));
    expect(await screen.findByText(/Cannot reach the makegood server/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Record remedy' }));
    await screen.findByText(/^Issued \$300\.00/);
    await user.clear(amount);
    await user.type(amount, '300');
    await user.click(screen.getByRole('button', { name: 'Record remedy' }));
    await waitFor(() => expect(calls).toBe(3));

    const keys = api.sent('POST', '/mistakes/m1/remedies').map((s) => s.body.idempotencyKey as string);
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).not.toBe(keys[1]);
  });
});

describe('declining a remedy', () => {
  it('records the decision with its reason instead of money', async () => {
    const api = fakeApi({
      'GET /mistakes/m1/remedy-proposal': { body: proposal() },
      'POST /mistakes/m1/remedies/decline': {
        status: 201,
        body: { id: 'd1', mistakeId: 'm1', reason: 'x', by: null, at: '2026-03-02T10:00:00.000Z', stage: 'remedied' },
      },
    });
    const { user } = renderRecovery(<RemedyStep summary={summary()} />);
    await user.click(await screen.findByRole('button', { name: 'No money for this one? Record why instead' }));
    const form = await screen.findByRole('form', { name: 'Decline a remedy' });
    const record = within(form).getByRole('button', { name: 'Record the decision' });
    expect(record).toBeDisabled();
    await user.type(within(form).getByRole('textbox', { name: /Why no money/ }), 'Client asked for the fix only');
    await user.click(record);
    await waitFor(() => expect(api.sent('POST', '/mistakes/m1/remedies/decline')).toHaveLength(1));
    expect(api.sent('POST', '/mistakes/m1/remedies/decline')[0]!.body).toEqual({
      reason: 'Client asked for the fix only',
    });
  });
});

describe('remedy ledger', () => {
  it('shows Approve to an owner and approves the pending remedy', async () => {
    const api = fakeApi({
      'POST /remedies/r2/approve': {
        body: { entry: entry(), accountingMessage: null, noticeSkippedReason: null, stage: 'remedied' },
      },
    });
    const pending = entry({
      id: 'r2',
      amountMinor: 100_000,
      status: 'pending_approval',
      requiresApproval: true,
      approvalReasons: [{ code: 'above_cap', message: '200% of the impact is above the 150% cap.' }],
    });
    const { user } = renderRecovery(<RemedyLedger entries={[pending]} />);
    await user.click(screen.getByRole('button', { name: 'Approve account credit of $1,000.00' }));
    // One click only asks: nothing is approved until the dialog is confirmed, with an optional note.
    const dialog = await screen.findByRole('dialog', { name: 'Approve this remedy' });
    expect(within(dialog).getByText(/200% of the impact is above the 150% cap/)).toBeInTheDocument();
    expect(api.sent('POST', '/remedies/r2/approve')).toHaveLength(0);
    await user.type(within(dialog).getByRole('textbox', { name: 'Note' }), 'Key client, agreed with Dana');
    await user.click(within(dialog).getByRole('button', { name: 'Approve $1,000.00' }));
    await waitFor(() => expect(api.sent('POST', '/remedies/r2/approve')).toHaveLength(1));
    expect(api.sent('POST', '/remedies/r2/approve')[0]!.body).toEqual({ note: 'Key client, agreed with Dana' });
  });

  it('approves nothing when the confirmation is cancelled', async () => {
    const api = fakeApi({});
    const pending = entry({ id: 'r2', amountMinor: 100_000, status: 'pending_approval', requiresApproval: true });
    const { user } = renderRecovery(<RemedyLedger entries={[pending]} />);
    await user.click(screen.getByRole('button', { name: 'Approve account credit of $1,000.00' }));
    const dialog = await screen.findByRole('dialog', { name: 'Approve this remedy' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.sent('POST', '/remedies/r2/approve')).toHaveLength(0);
  });

  it('does not offer Approve to a member', () => {
    fakeApi({});
    renderRecovery(<RemedyLedger entries={[entry({ status: 'pending_approval' })]} />, { role: 'member' });
    expect(screen.queryByRole('button', { name: /Approve/ })).not.toBeInTheDocument();
    expect(screen.getByText('Needs an owner or admin')).toBeInTheDocument();
  });

  it('reverses an issued remedy with a reason and an idempotency key', async () => {
    const api = fakeApi({
      'POST /remedies/r1/reverse': {
        status: 201,
        body: {
          entry: entry({ id: 'r9', amountMinor: -30_000, status: 'reversal' }),
          accountingMessage: null,
          noticeSkippedReason: null,
          stage: 'remedied',
        },
      },
    });
    const { user } = renderRecovery(<RemedyLedger entries={[entry()]} />);
    await user.click(screen.getByRole('button', { name: 'Reverse account credit of $300.00' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reverse this remedy' });
    expect(within(dialog).getByText('−$300.00')).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Entered twice');
    await user.click(within(dialog).getByRole('button', { name: 'Reverse remedy' }));
    await waitFor(() => expect(api.sent('POST', '/remedies/r1/reverse')).toHaveLength(1));
    expect(api.sent('POST', '/remedies/r1/reverse')[0]!.body).toMatchObject({ reason: 'Entered twice' });
    expect(api.sent('POST', '/remedies/r1/reverse')[0]!.body.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('client recovery', () => {
  it('shows totals per currency and never adds currencies together', async () => {
    fakeApi({
      'GET /remedies/totals': {
        body: {
          items: [
            {
              currency: 'USD',
              issuedMinor: '30000',
              reversedMinor: '0',
              netMinor: '30000',
              pendingMinor: '0',
              count: 1,
            },
            { currency: 'EUR', issuedMinor: '5000', reversedMinor: '0', netMinor: '5000', pendingMinor: '0', count: 1 },
          ],
        },
      },
      'GET /remedies': {
        body: { items: [entry(), entry({ id: 'r2', amountMinor: 5_000, currency: 'EUR', kind: 'gift' })] },
      },
      'GET /messages': { body: { items: [message()] } },
    });
    renderRecovery(<ClientRecoveryPanel clientId="c1" />);
    const usd = await screen.findByRole('group', { name: 'Totals in USD' });
    const eur = screen.getByRole('group', { name: 'Totals in EUR' });
    expect(within(usd).getByText('$300.00')).toBeInTheDocument();
    expect(within(eur).getByText('€50.00')).toBeInTheDocument();
    expect(usd).not.toHaveTextContent('€');
    expect(eur).not.toHaveTextContent('$');
    // No mixed sum anywhere (300 + 50 would be 350).
    expect(document.body).not.toHaveTextContent('350');
    const ledger = screen.getByRole('list', { name: 'Remedy ledger' });
    expect(within(ledger).getAllByRole('link', { name: 'MG-1' })).toHaveLength(2);
    expect(screen.getByRole('list', { name: 'Recent messages to this client' })).toHaveTextContent(
      'We got your newsletter wrong',
    );
  });

  it('explains an empty ledger', async () => {
    fakeApi({
      'GET /remedies/totals': { body: { items: [] } },
      'GET /remedies': { body: { items: [] } },
      'GET /messages': { body: { items: [] } },
    });
    renderRecovery(<ClientRecoveryPanel clientId="c1" />);
    expect(await screen.findByText(/No remedies for this client yet/)).toBeInTheDocument();
    expect(screen.getByText('No messages to this client yet.')).toBeInTheDocument();
  });
});

describe('header notifications', () => {
  it('shows the unread count, lists reminders and marks one read', async () => {
    let read = false;
    const reminder = {
      id: 'n1',
      kind: 'reminder',
      title: 'Fix due in 2 hours: reprint the posters',
      body: 'MG-1 for Acme Dental',
      clientId: 'c1',
      mistakeId: 'm1',
      commitmentId: 'k1',
      messageId: null,
      createdAt: '2026-03-02T09:00:00.000Z',
    };
    const api = fakeApi({
      'GET /notifications': () => ({
        body: { items: [{ ...reminder, readAt: read ? '2026-03-02T10:00:00.000Z' : null }], unread: read ? 0 : 1 },
      }),
      'POST /notifications/n1/read': () => {
        read = true;
        return { body: { ...reminder, readAt: '2026-03-02T10:00:00.000Z' } };
      },
    });
    const { user } = renderRecovery(<NotificationBell />);
    const bell = await screen.findByRole('button', { name: 'Notifications: 1 unread' });
    await user.click(bell);
    expect(await screen.findByText('Fix due in 2 hours: reprint the posters')).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Mark read: Fix due in 2 hours: reprint the posters' }));
    await waitFor(() => expect(api.sent('POST', '/notifications/n1/read')).toHaveLength(1));
    expect(await screen.findByRole('button', { name: 'Notifications' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Mark read/ })).not.toBeInTheDocument();
  });
});

describe('outbox', () => {
  it('shows a failed message with its last error and queues it again', async () => {
    let retried = false;
    const failed = message({
      id: 'msg2',
      status: 'failed',
      lastError: '550 mailbox unavailable',
      sentAt: null,
      attempts: 5,
    });
    const api = fakeApi({
      'GET /messages': () => ({
        body: { items: [retried ? { ...failed, status: 'queued', lastError: null } : failed] },
      }),
      'POST /messages/msg2/retry': () => {
        retried = true;
        return { body: { ...failed, status: 'queued' } };
      },
    });
    const { user } = renderRecovery(<OutboxPage />);
    const table = await screen.findByRole('table', { name: 'Outbox' });
    expect(within(table).getByText('Failed')).toBeInTheDocument();
    expect(within(table).getByText('550 mailbox unavailable')).toBeInTheDocument();
    await user.click(within(table).getByRole('button', { name: 'Retry “We got your newsletter wrong”' }));
    await waitFor(() => expect(api.sent('POST', '/messages/msg2/retry')).toHaveLength(1));
    expect(await within(table).findByText('Queued')).toBeInTheDocument();
    expect(within(table).queryByRole('button', { name: /Retry/ })).not.toBeInTheDocument();
  });

  it('filters by status through the API', async () => {
    const api = fakeApi({ 'GET /messages': { body: { items: [] } } });
    const { user } = renderRecovery(<OutboxPage />);
    expect(await screen.findByText('No messages')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Failed' }));
    await waitFor(() =>
      expect(api.sent('GET', '/messages').some((s) => s.query.get('status') === 'failed')).toBe(true),
    );
    expect(await screen.findByText(/No message failed/)).toBeInTheDocument();
  });
});

describe('account sweep', () => {
  it('records which open items were checked', async () => {
    const api = fakeApi({
      'GET /mistakes/m1/sweep': {
        body: {
          mistakeId: 'm1',
          clientId: 'c1',
          lastSweep: null,
          items: [
            { kind: 'commitment', id: 'k1', label: 'Send the Q2 plan', detail: 'due 2026-03-03T17:00:00.000Z' },
            { kind: 'message', id: 'msg3', label: 'Invoice reminder', detail: 'failed: 550' },
          ],
        },
      },
      'POST /mistakes/m1/sweep': { status: 201, body: {} },
    });
    const { user } = renderRecovery(<SweepStep mistakeId="m1" />);
    await user.click(await screen.findByRole('checkbox', { name: 'Checked: Send the Q2 plan' }));
    // The API's UTC instants are shown in the workspace's zone.
    expect(screen.getByText('due 3 Mar 2026, 17:00')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Check all 2' })).not.toBeChecked();
    await user.type(screen.getByRole('textbox', { name: /Note/ }), 'Plan is on track');
    await user.click(screen.getByRole('button', { name: 'Record the sweep' }));
    await waitFor(() => expect(api.sent('POST', '/mistakes/m1/sweep')).toHaveLength(1));
    expect(api.sent('POST', '/mistakes/m1/sweep')[0]!.body).toEqual({
      checked: [{ kind: 'commitment', id: 'k1' }],
      note: 'Plan is on track',
    });
  });
});

describe('recovery guide', () => {
  it('marks the steps done from the summary and opens the first one left', async () => {
    fakeApi({
      ...engines,
      'GET /mistakes/m1/recovery': {
        body: summary({
          stage: 'acknowledged',
          lastSweep: {
            id: 's1',
            mistakeId: 'm1',
            clientId: 'c1',
            checked: [],
            unchecked: [],
            note: null,
            by: { id: 'u1', name: 'Dana Reyes' },
            at: '2026-03-02T09:10:00.000Z',
          },
          acknowledgment: {
            acknowledgmentId: 'a1',
            recipient: 'Amara Okafor',
            sentAt: '2026-03-02T09:35:00.000Z',
            timeToAcknowledgeSeconds: 35 * 60,
            targetMinutes: 240,
            withinTarget: true,
            toldBeforeNoticed: true,
          },
          nextUpdateDueAt: '2099-01-01T00:00:00.000Z',
        }),
      },
      'GET /mistakes/m1/sweep': { body: { mistakeId: 'm1', clientId: 'c1', items: [], lastSweep: null } },
      'GET /mistakes/m1/remedy-proposal': { body: proposal() },
      'GET /clients/c1/contacts': { body: { items: [contact()] } },
      'GET /messages': { body: { items: [] } },
    });
    renderRecovery(<MistakeRecoveryPanel mistakeId="m1" />);
    // Five steps are shown, so five are counted; "keep them informed" is not done while an update is owed.
    expect(await screen.findByText('2 of 5 steps done')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Check the whole account/ })).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByRole('button', { name: /Make it right/ })).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('button', { name: /Own it: tell the client/ })).toHaveTextContent(
      'Told in 35 min · within target · before they noticed',
    );
    expect(screen.getByRole('button', { name: /Keep them informed/ })).toHaveTextContent('Next update due');
    expect(await screen.findByRole('region', { name: 'Remedy proposal' })).toBeInTheDocument();
    expect(screen.getByText(/Nothing sent yet/)).toBeInTheDocument();
  });
});

describe('progress updates', () => {
  it('sends an update to the chosen contact and says when the next one is due', async () => {
    const api = fakeApi({
      ...engines,
      'GET /clients/c1/contacts': {
        body: { items: [contact(), contact({ id: 'ct2', fullName: 'No Mail', email: null })] },
      },
      'POST /mistakes/m1/updates': {
        status: 201,
        body: {
          message: message({ kind: 'update', status: 'queued' }),
          findings: [],
          overridden: false,
          nextUpdateDueAt: '2026-03-03T10:00:00.000Z',
        },
      },
    });
    const { user } = renderRecovery(<UpdatesStep summary={summary({ nextUpdateDueAt: '2026-03-02T10:00:00.000Z' })} />);
    expect(screen.getByText(/Next update was due 2 Mar 2026, 10:00/)).toBeInTheDocument();
    const to = await screen.findByLabelText('To');
    // A contact without an email cannot be chosen.
    expect(within(to).getByRole('option', { name: 'Dr No Mail (no email)' })).toBeDisabled();
    await user.selectOptions(to, 'ct1');
    await user.type(screen.getByRole('textbox', { name: 'Subject' }), 'Reprints on their way');
    await user.click(screen.getByRole('textbox', { name: 'Update' }));
    await user.paste('The reprinted posters ship tomorrow morning.');
    await user.click(screen.getByRole('button', { name: 'Send the update' }));
    expect(
      await screen.findByText(/Update queued to Amara Okafor\. Next one due 3 Mar 2026, 10:00\./),
    ).toBeInTheDocument();
    expect(api.sent('POST', '/mistakes/m1/updates')[0]!.body).toEqual({
      contactId: 'ct1',
      subject: 'Reprints on their way',
      body: 'The reprinted posters ship tomorrow morning.',
      overrideReason: null,
    });
    // The composer is emptied for the next update.
    expect(screen.getByRole('textbox', { name: 'Subject' })).toHaveValue('');
  });
});
