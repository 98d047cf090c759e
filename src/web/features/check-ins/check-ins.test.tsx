import { QueryClient } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CheckIn, SatisfactionList, SatisfactionPublic } from '../../../shared/contract/index.ts';
import { Providers } from '../../app/providers.tsx';
import { at, contact, fakeApi, renderRecovery } from '../recovery/testing.tsx';
import { CheckInSettingsSection, parseCheckInDays } from './check-in-settings.tsx';
import { CheckInsSection } from './check-ins-section.tsx';
import { defaultSettings } from '../../../shared/contract/index.ts';
import { SatisfactionPage } from './satisfaction-page.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
});

function checkIn(overrides: Partial<CheckIn> = {}): CheckIn {
  return {
    id: 'ci1',
    mistakeId: 'm1',
    mistakeRef: 'MG-7',
    clientId: 'c1',
    sequence: 1,
    offsetDays: 7,
    dueAt: '2026-03-09T09:00:00.000Z',
    status: 'pending',
    state: 'due',
    method: null,
    note: null,
    skipReason: null,
    messageId: null,
    settledAt: null,
    settledBy: null,
    remindedAt: '2026-03-09T09:00:00.000Z',
    overdueAt: null,
    createdAt: at,
    ...overrides,
  };
}

const noAnswers: SatisfactionList = { items: [], average: null };

function baseRoutes(items: CheckIn[], answers: SatisfactionList = noAnswers) {
  return {
    'GET /mistakes/m1/check-ins': { body: { items } },
    'GET /mistakes/m1/satisfaction': { body: answers },
    'GET /clients/c1/contacts': { body: { items: [contact()] } },
    'POST /check': { body: { findings: [] } },
  };
}

describe('Check-ins section', () => {
  it('lists the check-ins with their state, due date and reminder; a skipped one shows its reason and no actions', async () => {
    fakeApi(
      baseRoutes([
        checkIn(),
        checkIn({
          id: 'ci2',
          sequence: 2,
          offsetDays: 30,
          state: 'pending',
          remindedAt: null,
          dueAt: '2026-04-01T09:00:00.000Z',
        }),
        checkIn({
          id: 'ci3',
          sequence: 3,
          offsetDays: 90,
          status: 'skipped',
          state: 'skipped',
          skipReason: 'Client asked for no calls',
          settledAt: at,
        }),
      ]),
    );
    renderRecovery(<CheckInsSection mistakeId="m1" clientId="c1" fixed />);
    const first = await screen.findByRole('listitem', { name: 'Check-in 1: day 7' });
    expect(within(first).getByText('Due now')).toBeTruthy();
    expect(within(first).getByText(/Reminder sent/)).toBeTruthy();
    const third = screen.getByRole('listitem', { name: 'Check-in 3: day 90' });
    expect(within(third).getByText(/Client asked for no calls/)).toBeTruthy();
    expect(within(third).queryByRole('button', { name: 'Skip' })).toBeNull();
  });

  it('skips with a reason and records a call with an internal note', async () => {
    const api = fakeApi({
      ...baseRoutes([checkIn(), checkIn({ id: 'ci2', sequence: 2, offsetDays: 30 })]),
      'POST /check-ins/ci1/skip': { body: checkIn({ status: 'skipped', state: 'skipped' }) },
      'POST /check-ins/ci2/record': { body: checkIn({ id: 'ci2', status: 'done', state: 'on_time', method: 'call' }) },
    });
    const { user } = renderRecovery(<CheckInsSection mistakeId="m1" clientId="c1" fixed />);
    const first = await screen.findByRole('listitem', { name: 'Check-in 1: day 7' });
    await user.click(within(first).getByRole('button', { name: 'Skip' }));
    const skip = within(first).getByRole('button', { name: 'Skip this check-in' });
    expect((skip as HTMLButtonElement).disabled).toBe(true);
    await user.type(within(first).getByLabelText(/Why skip it/), 'They asked for no more contact');
    await user.click(skip);
    await waitFor(() => expect(api.sent('POST', '/check-ins/ci1/skip')).toHaveLength(1));
    expect(api.sent('POST', '/check-ins/ci1/skip')[0]?.body).toEqual({ reason: 'They asked for no more contact' });

    const second = screen.getByRole('listitem', { name: 'Check-in 2: day 30' });
    await user.click(within(second).getByRole('button', { name: 'Record a call or meeting' }));
    await user.type(within(second).getByLabelText(/Note \(internal\)/), 'Happy with the reprint');
    await user.click(within(second).getByRole('button', { name: 'Record the check-in' }));
    await waitFor(() => expect(api.sent('POST', '/check-ins/ci2/record')).toHaveLength(1));
    expect(api.sent('POST', '/check-ins/ci2/record')[0]?.body).toEqual({
      method: 'call',
      note: 'Happy with the reprint',
    });
  });

  it('drafts the check-in for the chosen contact into the composer and sends it', async () => {
    const api = fakeApi({
      ...baseRoutes([checkIn()]),
      'GET /check-ins/ci1/draft': {
        body: {
          checkInId: 'ci1',
          contactId: 'ct1',
          toName: 'Amara Okafor',
          subject: 'Checking in: the posters',
          body: 'Dear Dr Okafor,\n\nIt has been a week.',
        },
      },
      'POST /check-ins/ci1/send': {
        body: {
          checkIn: checkIn({ status: 'done', state: 'on_time', method: 'message' }),
          message: {},
          findings: [],
          overridden: false,
        },
      },
    });
    const { user } = renderRecovery(<CheckInsSection mistakeId="m1" clientId="c1" fixed />);
    const first = await screen.findByRole('listitem', { name: 'Check-in 1: day 7' });
    await user.click(within(first).getByRole('button', { name: 'Write the check-in' }));
    await user.selectOptions(await within(first).findByLabelText('To'), 'ct1');
    await waitFor(() =>
      expect(within(first).getByLabelText<HTMLInputElement>('Subject').value).toBe('Checking in: the posters'),
    );
    expect(api.sent('GET', '/check-ins/ci1/draft')[0]?.query.get('contactId')).toBe('ct1');
    await user.click(within(first).getByRole('button', { name: 'Send the check-in' }));
    await waitFor(() => expect(api.sent('POST', '/check-ins/ci1/send')).toHaveLength(1));
    expect(api.sent('POST', '/check-ins/ci1/send')[0]?.body).toMatchObject({
      contactId: 'ct1',
      subject: 'Checking in: the posters',
    });
  });

  it('shows the answers and asks a contact only once the fix is done', async () => {
    const answers: SatisfactionList = {
      average: 4,
      items: [
        {
          id: 's1',
          mistakeId: 'm1',
          mistakeRef: 'MG-7',
          clientId: 'c1',
          contactId: 'ct1',
          contactName: 'Amara Okafor',
          messageId: 'msg1',
          requestedBy: { id: 'u1', name: 'Dana Reyes' },
          createdAt: at,
          expiresAt: '2026-04-01T09:00:00.000Z',
          expired: false,
          answer: 4,
          comment: 'Much better now',
          answeredAt: at,
          changedAt: null,
        },
      ],
    };
    const api = fakeApi({
      ...baseRoutes([], answers),
      'POST /mistakes/m1/satisfaction': { status: 201, body: { ...answers.items[0], answer: null, id: 's2' } },
    });
    const { user, unmount } = renderRecovery(<CheckInsSection mistakeId="m1" clientId="c1" fixed />);
    const list = await screen.findByRole('list', { name: 'Satisfaction answers' });
    expect(within(list).getByText('4 of 5 — Well')).toBeTruthy();
    expect(within(list).getByText('“Much better now”')).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Ask'), 'ct1');
    await user.click(screen.getByRole('button', { name: 'Ask how well we put it right' }));
    await waitFor(() => expect(api.sent('POST', '/mistakes/m1/satisfaction')).toHaveLength(1));
    expect(api.sent('POST', '/mistakes/m1/satisfaction')[0]?.body).toEqual({ contactId: 'ct1' });
    expect(await screen.findByText('Satisfaction check queued to Amara Okafor.')).toBeTruthy();
    unmount();

    fakeApi(baseRoutes([]));
    renderRecovery(<CheckInsSection mistakeId="m1" clientId="c1" fixed={false} />);
    expect(await screen.findByText('You can ask once the fix is done.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Ask how well we put it right' })).toBeNull();
  });
});

function renderPublic(path: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const user = userEvent.setup();
  render(
    <Providers queryClient={queryClient}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="satisfaction/:token" element={<SatisfactionPage />} />
        </Routes>
      </MemoryRouter>
    </Providers>,
  );
  return { user };
}

const token = 'a'.repeat(43);
const view: SatisfactionPublic = {
  question: 'How well did we put this right?',
  from: 'Northwind Studio',
  contactName: 'Amara Okafor',
  expiresAt: '2026-04-01T09:00:00.000Z',
  answer: null,
  comment: null,
  canAnswer: true,
  canChange: false,
};

describe('public satisfaction page', () => {
  it('preselects the answer from the link, records nothing until sent, then thanks and allows one change', async () => {
    const api = fakeApi({
      [`GET /public/satisfaction/${token}`]: { body: view },
      [`POST /public/satisfaction/${token}`]: (seen) => ({
        body: { ...view, answer: seen.body.answer, comment: seen.body.comment, canChange: true },
      }),
    });
    const { user } = renderPublic(`/satisfaction/${token}?answer=4`);
    expect(await screen.findByText(/Northwind Studio asks Amara Okafor/)).toBeTruthy();
    const four = screen.getByRole<HTMLInputElement>('radio', { name: '4 – Well' });
    expect(four.checked).toBe(true);
    expect(api.sent('POST', `/public/satisfaction/${token}`)).toHaveLength(0);
    await user.type(screen.getByLabelText(/Anything you would like to add/), 'Fast fix');
    await user.click(screen.getByRole('button', { name: 'Send my answer' }));
    await waitFor(() => expect(api.sent('POST', `/public/satisfaction/${token}`)).toHaveLength(1));
    expect(api.sent('POST', `/public/satisfaction/${token}`)[0]?.body).toEqual({ answer: 4, comment: 'Fast fix' });
    const thanks = await screen.findByRole('status');
    expect(thanks.textContent).toContain('Your answer: 4 of 5 (Well)');
    expect(thanks.textContent).toContain('You can change it once');
    expect(screen.getByRole('button', { name: 'Change my answer' })).toBeTruthy();
  });

  it.each([
    [410, 'satisfaction_token_expired', 'This link has expired'],
    [410, 'satisfaction_answer_final', 'Your answer is recorded'],
    [404, 'satisfaction_token_invalid', 'This link is not valid'],
    [400, 'validation_failed', 'This link is not complete'],
  ])('a %i %s link gets a clear page', async (status, code, title) => {
    fakeApi({
      [`GET /public/satisfaction/${token}`]: { status, body: { error: { code, message: 'x', requestId: 't' } } },
    });
    renderPublic(`/satisfaction/${token}`);
    expect(await screen.findByText(title)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Send my answer' })).toBeNull();
  });
});

describe('check-in settings', () => {
  it('parses 1–5 distinct days of 1–365 and refuses anything else', () => {
    expect(parseCheckInDays('7, 30, 90')).toEqual([7, 30, 90]);
    expect(parseCheckInDays('14')).toEqual([14]);
    for (const bad of ['', '7, 7', '0', '400', '1,2,3,4,5,6', 'seven', '7.5'])
      expect(parseCheckInDays(bad), bad).toBeNull();
  });

  it('saves the days and the satisfaction mode, and explains a bad entry without saving', async () => {
    const api = fakeApi({ 'PATCH /settings': (seen) => ({ body: { ...defaultSettings(), ...seen.body } }) });
    const { user } = renderRecovery(<CheckInSettingsSection initial={defaultSettings()} canEdit />);
    const days = screen.getByLabelText(/Check in after \(days\)/);
    expect((days as HTMLInputElement).value).toBe('7, 30, 90');
    await user.clear(days);
    await user.type(days, '7, 7');
    await user.click(screen.getByRole('button', { name: 'Save check-in settings' }));
    expect(await screen.findByText(/Enter 1 to 5 different whole days/)).toBeTruthy();
    expect(api.sent('PATCH', '/settings')).toHaveLength(0);
    await user.clear(days);
    await user.type(days, '3, 14');
    await user.selectOptions(screen.getByLabelText(/Satisfaction check/), 'automatic');
    await user.click(screen.getByRole('button', { name: 'Save check-in settings' }));
    await waitFor(() => expect(api.sent('PATCH', '/settings')).toHaveLength(1));
    expect(api.sent('PATCH', '/settings')[0]?.body).toEqual({
      checkIns: { offsetsDays: [3, 14] },
      satisfaction: { mode: 'automatic' },
    });
  });
});
