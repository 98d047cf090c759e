import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Commitment } from '../../../shared/contract/index.ts';
import { AcknowledgeStep } from './acknowledge-step.tsx';
import { FixStep } from './fix-step.tsx';
import { MistakeRecoveryPanel } from './mistake-recovery.tsx';
import { UpdatesStep } from './updates-step.tsx';
import { contact, emptyAnalysis, fakeApi, message, proposal, renderRecovery, summary, type Routes } from './testing.tsx';

// Issue 13 B: one recovery path — each step in one place in the guide, counted as shown, the fix
// confirmed with a note and an optional "it's fixed" message.

afterEach(() => {
  vi.unstubAllGlobals();
});

const engines: Routes = {
  'POST /analyse': { body: emptyAnalysis() },
  'POST /check': { body: { findings: [] } },
};

function fix(overrides: Partial<Commitment> = {}): Commitment {
  return {
    id: 'f1',
    clientId: 'c1',
    mistakeId: 'm1',
    title: 'Reprint the posters with the right short code',
    dueAt: '2099-03-04T09:00:00.000Z',
    status: 'open',
    isFix: true,
    ownerId: 'u1',
    completedAt: null,
    recordedLate: false,
    createdAt: '2026-03-02T09:00:00.000Z',
    ...overrides,
  };
}

const fixedDraft = {
  mistakeId: 'm1',
  contactId: 'ct1',
  toName: 'Amara Okafor',
  toAddress: 'amara@acme.example',
  subject: 'Fixed: Reprint the posters with the right short code',
  body: 'Dear Dr Okafor,\n\nThe fix we promised is done: reprint the posters with the right short code.',
};

const completed = {
  commitment: fix({ status: 'done', completedAt: '2026-03-03T09:00:00.000Z' }),
  note: null,
  message: message({ kind: 'update', status: 'queued' }),
  findings: [],
  overridden: false,
  stage: 'fixed',
};

describe('own it: one step, two ways', () => {
  it('records a phone acknowledgment as an option of the step, with who was told and a note', async () => {
    const api = fakeApi({
      ...engines,
      'GET /clients/c1/contacts': { body: { items: [contact()] } },
      'POST /mistakes/m1/acknowledgments': { status: 201, body: {} },
    });
    const { user } = renderRecovery(<AcknowledgeStep summary={summary()} />);
    await user.click(await screen.findByRole('radio', { name: 'By phone or in person' }));
    const form = screen.getByRole('form', { name: 'Record an acknowledgment' });
    expect(within(form).getByRole('combobox', { name: 'How' })).toHaveValue('phone');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'To whom' }), 'ct1');
    await user.type(within(form).getByRole('textbox', { name: 'Note' }), 'Called her, promised reprints by Friday');
    await user.click(within(form).getByRole('button', { name: 'Record acknowledgment' }));
    await waitFor(() => expect(api.sent('POST', '/mistakes/m1/acknowledgments')).toHaveLength(1));
    expect(api.sent('POST', '/mistakes/m1/acknowledgments')[0]!.body).toMatchObject({
      channel: 'phone',
      contactId: 'ct1',
      recipient: null,
      note: 'Called her, promised reprints by Friday',
    });
    // The email composer is the other option of the same step, not a second card.
    await user.click(screen.getByRole('radio', { name: 'Email from here' }));
    expect(await screen.findByRole('button', { name: 'Send the acknowledgment' })).toBeInTheDocument();
  });

  it('records an acknowledgment only once it names who was told (and not before the mistake was found)', async () => {
    const api = fakeApi({
      ...engines,
      'GET /clients/c1/contacts': { body: { items: [contact({ id: 'p1', fullName: 'Priya Raman' })] } },
      'POST /mistakes/m1/acknowledgments': { status: 201, body: {} },
    });
    const { user } = renderRecovery(<AcknowledgeStep summary={summary({ foundAt: '2026-11-30T09:00:00.000Z' })} />);
    await user.click(await screen.findByRole('radio', { name: 'By phone or in person' }));
    const form = screen.getByRole('form', { name: 'Record an acknowledgment' });
    await user.clear(within(form).getByLabelText(/When/));
    await user.type(within(form).getByLabelText(/When/), '2026-11-30T08:00');
    await user.click(within(form).getByRole('button', { name: 'Record acknowledgment' }));
    expect(within(form).getByText('Choose a contact or name who was told')).toBeInTheDocument();
    expect(within(form).getByText('The client cannot have been told before the mistake was found')).toBeInTheDocument();
    expect(api.sent('POST', '/mistakes/m1/acknowledgments')).toHaveLength(0);

    await user.clear(within(form).getByLabelText(/When/));
    await user.type(within(form).getByLabelText(/When/), '2026-11-30T10:00');
    await user.selectOptions(within(form).getByLabelText('To whom'), 'p1');
    await user.click(within(form).getByRole('button', { name: 'Record acknowledgment' }));
    await waitFor(() => expect(api.sent('POST', '/mistakes/m1/acknowledgments')).toHaveLength(1));
    expect(api.sent('POST', '/mistakes/m1/acknowledgments')[0]!.body).toEqual({
      at: '2026-11-30T10:00:00.000Z',
      channel: 'phone',
      contactId: 'p1',
      recipient: null,
      note: null,
    });
  });
});

describe('fix it: confirmed, with a note and the "it\'s fixed" message', () => {
  it('asks before marking the fix done, then sends the note and the drafted message in one request', async () => {
    const api = fakeApi({
      ...engines,
      'GET /clients/c1/contacts': { body: { items: [contact()] } },
      'GET /mistakes/m1/fixed-notice-draft': { body: fixedDraft },
      'POST /mistakes/m1/fix/complete': { body: completed },
    });
    const { user } = renderRecovery(<FixStep summary={summary({ fixCommitment: fix() })} />);
    await user.click(screen.getByRole('button', { name: 'Mark the fix done…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Mark the fix done' });
    expect(api.sent('POST', '/mistakes/m1/fix/complete')).toHaveLength(0);
    const note = within(dialog).getByRole('textbox', { name: 'Note' });
    expect(note).toHaveAttribute('maxLength', '2000');
    await user.type(note, 'Reprinted 400 posters');
    expect(within(dialog).getByText(/21 \/ 2,000/)).toBeInTheDocument();
    expect(within(dialog).getByRole('checkbox', { name: 'Tell the client it’s fixed' })).toBeChecked();
    await user.selectOptions(await within(dialog).findByLabelText('To'), 'ct1');
    await waitFor(() => expect(within(dialog).getByRole('textbox', { name: 'Subject' })).toHaveValue(fixedDraft.subject));
    expect(api.sent('GET', '/mistakes/m1/fixed-notice-draft')[0]!.query.get('contactId')).toBe('ct1');
    await user.click(within(dialog).getByRole('button', { name: 'Mark done and send' }));
    await waitFor(() => expect(api.sent('POST', '/mistakes/m1/fix/complete')).toHaveLength(1));
    expect(api.sent('POST', '/mistakes/m1/fix/complete')[0]!.body).toEqual({
      note: 'Reprinted 400 posters',
      notice: { contactId: 'ct1', subject: fixedDraft.subject, body: fixedDraft.body, overrideReason: null },
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('marks the fix done without a message when "tell the client" is unticked', async () => {
    const api = fakeApi({
      ...engines,
      'GET /clients/c1/contacts': { body: { items: [contact()] } },
      'POST /mistakes/m1/fix/complete': { body: { ...completed, message: null } },
    });
    const { user } = renderRecovery(<FixStep summary={summary({ fixCommitment: fix() })} />);
    await user.click(screen.getByRole('button', { name: 'Mark the fix done…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Mark the fix done' });
    await user.click(await within(dialog).findByRole('checkbox', { name: 'Tell the client it’s fixed' }));
    expect(within(dialog).queryByRole('textbox', { name: 'Subject' })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Mark the fix done' }));
    await waitFor(() => expect(api.sent('POST', '/mistakes/m1/fix/complete')).toHaveLength(1));
    expect(api.sent('POST', '/mistakes/m1/fix/complete')[0]!.body).toEqual({ note: null, notice: null });
  });

  it('puts the 200-character limit on "what will be fixed", with a counter', async () => {
    fakeApi({});
    const { user } = renderRecovery(<FixStep summary={summary()} />);
    const title = screen.getByRole('textbox', { name: 'What will be fixed' });
    expect(title).toHaveAttribute('maxLength', '200');
    await user.type(title, 'Reprint');
    expect(screen.getByText(/7 \/ 200/)).toBeInTheDocument();
  });
});

describe('the guide counts what it shows', () => {
  it('counts "keep them informed" as done when no update is owed: 5 steps shown, 5 counted', async () => {
    fakeApi({
      ...engines,
      'GET /mistakes/m1/recovery': { body: summary({ severity: 'minor', nextUpdateDueAt: null }) },
      'GET /mistakes/m1/sweep': { body: { mistakeId: 'm1', clientId: 'c1', items: [], lastSweep: null } },
      'GET /mistakes/m1/remedy-proposal': { body: proposal() },
      'GET /clients/c1/contacts': { body: { items: [contact()] } },
      'GET /messages': { body: { items: [] } },
    });
    renderRecovery(<MistakeRecoveryPanel mistakeId="m1" />);
    expect(await screen.findByText('1 of 5 steps done')).toBeInTheDocument();
    const informed = screen.getByRole('button', { name: /Keep them informed/ });
    expect(informed).toHaveTextContent('No updates owed');
    expect(within(informed).getByLabelText('done')).toBeInTheDocument();
    // The first step not done is the one opened.
    expect(screen.getByRole('button', { name: /Check the whole account/ })).toHaveAttribute('aria-expanded', 'true');
  });
});

describe('a finding dismissed as intended while writing', () => {
  it('is sent with that as the override reason when it is all the server holds the message back for', async () => {
    const finding = (body: string) => {
      const at = body.indexOf('Mr Okafor');
      return at < 0
        ? []
        : [
            {
              rule: 'honorific',
              severity: 'error',
              start: at,
              end: at + 9,
              message: 'Amara Okafor is addressed as Dr, not Mr.',
              suggestion: 'Write “Dr Okafor”.',
              replacement: 'Dr Okafor',
            },
          ];
    };
    const api = fakeApi({
      'POST /analyse': { body: emptyAnalysis() },
      'POST /check': (req) => ({ body: { findings: finding(req.body.text as string) } }),
      'GET /clients/c1/contacts': { body: { items: [contact()] } },
      'POST /mistakes/m1/updates': (req) =>
        req.body.overrideReason
          ? {
              status: 201,
              body: { message: message({ kind: 'update' }), findings: [], overridden: true, nextUpdateDueAt: null },
            }
          : {
              status: 422,
              body: {
                error: {
                  code: 'blocking_findings',
                  message: 'The text has 1 error finding.',
                  details: {
                    findings: [],
                    blocking: finding(req.body.body as string).map((f) => ({ ...f, source: 'guard', field: 'body' })),
                  },
                  requestId: 'r1',
                },
              },
            },
    });
    const { user } = renderRecovery(<UpdatesStep summary={summary({ nextUpdateDueAt: '2099-01-01T00:00:00.000Z' })} />);
    await user.selectOptions(await screen.findByLabelText('To'), 'ct1');
    await user.type(screen.getByRole('textbox', { name: 'Subject' }), 'Reprints on their way');
    await user.click(screen.getByRole('textbox', { name: 'Update' }));
    await user.paste('Dear Mr Okafor, the reprints ship tomorrow.');
    await user.click(await screen.findByRole('button', { name: 'Dismiss: “Mr Okafor” is right here' }));
    await user.click(screen.getByRole('button', { name: 'Send the update' }));
    await waitFor(() => expect(api.sent('POST', '/mistakes/m1/updates')).toHaveLength(2));
    expect(api.sent('POST', '/mistakes/m1/updates')[1]!.body.overrideReason).toBe(
      'Marked as intended while writing: Honorific “Mr Okafor”',
    );
    expect(await screen.findByText(/Update queued to Amara Okafor/)).toBeInTheDocument();
  });
});
