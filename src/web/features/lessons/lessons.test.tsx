import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CheckProposal, Lesson, SimilarMistake } from '../../../shared/contract/index.ts';
import { fakeApi, renderRecovery } from '../recovery/testing.tsx';
import { LibraryPage } from './library-page.tsx';
import { LessonsPart } from './lessons-part.tsx';
import { SimilarList } from './similar-list.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
});

const at = '2026-03-02T09:00:00.000Z';

function lesson(overrides: Partial<Lesson> = {}): Lesson {
  return {
    id: 'l1',
    mistakeId: 'm1',
    mistakeRef: 'MG-1',
    mistakeTitle: 'Wrong short code on the posters',
    clientId: 'c1',
    clientName: 'Serenity Day Spas',
    scope: 'client',
    title: 'Check every code against the facts card',
    learned: 'Proofs were approved unchecked.',
    createdBy: 'Dana',
    createdAt: at,
    updatedAt: at,
    checks: [],
    catches: 0,
    catchingSince: null,
    lastCaughtAt: null,
    repeats: 0,
    effectiveness: 'none',
    advisories: [],
    ...overrides,
  };
}

const factProposal: CheckProposal = {
  kind: 'fact',
  factKind: 'short_code',
  value: '55123',
  label: null,
  wrong: '55132',
  existingFactId: null,
  reason: 'Record 55123 on the facts card: the guard then catches every near miss like 55132.',
};
const phraseProposal: CheckProposal = {
  kind: 'forbidden',
  phrase: 'no biggie',
  when: null,
  message: 'Check every code against the facts card',
  reason: '“no biggie” upset the client.',
};

describe('lessons on a mistake', () => {
  it('writes a lesson, naming the fields the API refused', async () => {
    const api = fakeApi({
      'GET /mistakes/m1/lessons': { body: { items: [] } },
      'POST /mistakes/m1/lessons': (seen) =>
        seen.body.title
          ? { status: 201, body: lesson({ title: seen.body.title }) }
          : {
              status: 400,
              body: {
                error: {
                  code: 'validation_failed',
                  message: 'bad',
                  details: { issues: [{ field: 'body.title', message: 'must not be empty' }] },
                  requestId: 't',
                },
              },
            },
    });
    const { user } = renderRecovery(<LessonsPart mistakeId="m1" />);
    const form = await screen.findByRole('form', { name: 'Write a lesson' });
    await user.click(within(form).getByRole('button', { name: 'Save lesson' }));
    expect(await within(form).findByText('Must not be empty')).toBeInTheDocument();
    await user.type(within(form).getByLabelText('Lesson'), 'Check every code');
    await user.type(within(form).getByLabelText(/What we learned/), 'Proofs were approved unchecked.');
    await user.click(within(form).getByRole('radio', { name: 'Every client' }));
    await user.click(within(form).getByRole('button', { name: 'Save lesson' }));
    await waitFor(() => expect(api.sent('POST', '/mistakes/m1/lessons')).toHaveLength(2));
    expect(api.sent('POST', '/mistakes/m1/lessons')[1]?.body).toEqual({
      title: 'Check every code',
      learned: 'Proofs were approved unchecked.',
      scope: 'workspace',
    });
  });

  it('turns a lesson into checks: accepts an edited proposal and drops another', async () => {
    const api = fakeApi({
      'GET /mistakes/m1/lessons': { body: { items: [lesson()] } },
      'GET /lessons/l1/proposals': { body: { items: [factProposal, phraseProposal] } },
      'POST /lessons/l1/checks': { status: 201, body: lesson() },
    });
    const { user } = renderRecovery(<LessonsPart mistakeId="m1" />);
    await user.click(await screen.findByRole('button', { name: 'Turn it into a check' }));
    const fact = await screen.findByRole('form', { name: 'Proposed check: Fact on the facts card' });
    expect(within(fact).getByText(factProposal.reason)).toBeInTheDocument();
    expect(within(fact).getByLabelText('Right value')).toHaveValue('55123');
    await user.type(within(fact).getByLabelText('Label (optional)'), 'SMS short code');
    await user.click(within(fact).getByRole('button', { name: 'Add check' }));
    await waitFor(() => expect(api.sent('POST', '/lessons/l1/checks')).toHaveLength(1));
    expect(api.sent('POST', '/lessons/l1/checks')[0]?.body).toEqual({
      kind: 'fact',
      factKind: 'short_code',
      value: '55123',
      label: 'SMS short code',
    });
    const phrase = screen.getByRole('form', { name: 'Proposed check: Forbidden phrase' });
    await user.click(within(phrase).getByRole('button', { name: 'Drop' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Proposed check: Forbidden phrase' })).toBeNull());
    expect(api.sent('POST', '/lessons/l1/checks')).toHaveLength(1);
  });

  it('shows what a lesson caught, its repeats and its blameless advice', async () => {
    fakeApi({
      'GET /mistakes/m1/lessons': {
        body: {
          items: [
            lesson({
              checks: [{ id: 'k1', kind: 'fact', targetId: 'f1', label: 'SMS short code is 55123', createdAt: at }],
              catches: 4,
              catchingSince: at,
              repeats: 1,
              effectiveness: 'not_effective',
              advisories: [{ field: 'learned', name: 'Dana', message: 'This puts the cause on Dana.', suggestion: 'What let it through?' }],
            }),
          ],
        },
      },
    });
    renderRecovery(<LessonsPart mistakeId="m1" />);
    expect(await screen.findByText('Caught 4 times since 2 Mar 2026')).toBeInTheDocument();
    expect(screen.getByText('Happened again 1 time')).toBeInTheDocument();
    expect(screen.getByText('Actions not effective')).toBeInTheDocument();
    expect(screen.getByText('SMS short code is 55123')).toBeInTheDocument();
    expect(screen.getByText('This puts the cause on Dana.')).toBeInTheDocument();
  });
});

describe('similar past mistakes', () => {
  const similar = (overrides: Partial<SimilarMistake>): SimilarMistake =>
    ({
      mistake: { id: 'm1', ref: 'MG-1', title: 'Wrong short code on the posters', clientName: 'Serenity Day Spas', stage: 'verified' },
      score: 0.9,
      likelyRepeat: false,
      reasons: ['80% similar wording', 'same client'],
      preventive: { total: 1, effective: 1, notEffective: 0 },
      lessons: [{ id: 'l1', title: 'Check every code', catches: 2 }],
      ...overrides,
    }) as SimilarMistake;

  it('says prominently when one is very likely a repeat, with its lessons and whether its actions worked', () => {
    renderRecovery(<SimilarList items={[similar({ likelyRepeat: true })]} empty="none" />);
    expect(screen.getByText('Very likely a repeat of MG-1')).toBeInTheDocument();
    expect(screen.getByText('Actions proved effective')).toBeInTheDocument();
    expect(screen.getByText(/Check every code · caught 2/)).toBeInTheDocument();
  });

  it('shows no alert when none is a likely repeat, and the empty text when there are none', () => {
    const { unmount } = renderRecovery(<SimilarList items={[similar({})]} empty="none" />);
    expect(screen.queryByText(/Very likely a repeat/)).toBeNull();
    unmount();
    renderRecovery(<SimilarList items={[]} empty="No earlier mistake is like this one." />);
    expect(screen.getByText('No earlier mistake is like this one.')).toBeInTheDocument();
  });
});

describe('the lessons library', () => {
  it('searches as you type and says when nothing matches', async () => {
    const api = fakeApi({
      'GET /clients': { body: { items: [] } },
      'GET /lessons': (seen) => ({
        body: { items: seen.query.get('q') === 'code' ? [{ ...lesson(), mistakeCategory: 'wrong_fact', cause: null, rank: 1 }] : [] },
      }),
    });
    const { user } = renderRecovery(<LibraryPage />);
    expect(await screen.findByText('No lessons yet')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Search'), 'code');
    expect(await screen.findByRole('article', { name: 'Lesson: Check every code against the facts card' })).toBeInTheDocument();
    expect(screen.getByText('1 lesson, best match first')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Search'), 'zz');
    expect(await screen.findByText('No lesson matches')).toBeInTheDocument();
    expect(api.seen.some((s) => s.path === '/lessons' && s.query.get('q') === 'codezz')).toBe(true);
  });
});
