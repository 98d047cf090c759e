// Phones and narrow columns (issue 13 D/E): lists that were sideways-scrolling tables become one
// card per row and keep what decides the next step (stage, severity, due, who it went to); the
// recovery stages stand in a column; the timeline is a list of items; the bell carries its
// aria-expanded itself.
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Commitment, Mistake, RecoveryStage, TimelineEvent } from '../../shared/contract/index.ts';
import { CommitmentsTable } from '../features/clients/commitments-section.tsx';
import { MistakesTable } from '../features/mistakes/mistakes-table.tsx';
import { MessagesTable } from '../features/recovery/messages-table.tsx';
import { fakeApi, message, renderRecovery } from '../features/recovery/testing.tsx';
import { renderApp } from '../test-utils.tsx';
import { EventTimeline } from './event-timeline.tsx';
import { StageTrack } from './stage-track.tsx';

const mistake = (over: Partial<Mistake> = {}): Mistake => ({
  id: 'm1',
  number: 1,
  ref: 'MG-1',
  clientId: 'c1',
  clientName: 'Acme Dental',
  title: 'Wrong short code in the newsletter',
  description: null,
  category: 'wrong_fact',
  severity: 'major',
  impact: { amountMinor: 25_000, currency: 'USD' },
  foundBy: 'client',
  happenedAt: null,
  foundAt: '2026-11-30T09:00:00.000Z',
  stage: 'acknowledged',
  reached: {
    acknowledged: '2026-11-30T10:00:00.000Z',
    remedied: null,
    fixed: null,
    learned: null,
    verified: null,
    closed: null,
  },
  ownerId: 'u1',
  regressed: false,
  createdAt: '2026-11-30T09:00:00.000Z',
  updatedAt: '2026-11-30T09:00:00.000Z',
  ...over,
});

const commitment = (over: Partial<Commitment> = {}): Commitment => ({
  id: 'k1',
  clientId: 'c1',
  mistakeId: 'm1',
  title: 'Reprint the posters with 55123',
  dueAt: '2099-01-10T12:00:00.000Z',
  status: 'open',
  isFix: true,
  ownerId: null,
  completedAt: null,
  recordedLate: false,
  createdAt: '2026-11-30T09:00:00.000Z',
  ...over,
});

/** Makes every `max-width` media query match, as on a 390 px phone. */
function onAPhone(): void {
  const original = window.matchMedia;
  vi.stubGlobal('matchMedia', (query: string) => ({ ...original(query), matches: query.includes('max-width') }));
}

/** ResizeObserver reporting every observed element `width` px wide (jsdom lays nothing out). */
function elementsAreWide(width: number): void {
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(private readonly report: ResizeObserverCallback) {}
      observe(target: Element): void {
        const entry = { target, borderBoxSize: [{ inlineSize: width, blockSize: 200 }], contentRect: {} };
        this.report([entry as unknown as ResizeObserverEntry], this);
      }
      unobserve(): void {}
      disconnect(): void {}
    },
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('the mistakes list on a phone', () => {
  beforeEach(onAPhone);

  it('shows each mistake as a card with its stage and severity instead of a sideways table', async () => {
    renderApp('/mistakes', {
      'GET /api/mistakes': {
        body: {
          items: [
            mistake(),
            mistake({
              id: 'm2',
              ref: 'MG-2',
              title: 'Late brochure',
              stage: 'found',
              severity: 'critical',
              regressed: true,
            }),
          ],
          total: 2,
          totalExact: true,
          nextCursor: null,
        },
      },
    });
    const list = await screen.findByRole('list', { name: 'Mistakes' });
    expect(screen.queryByRole('table', { name: 'Mistakes' })).not.toBeInTheDocument();
    const [first, second] = within(list).getAllByRole('listitem');
    expect(within(first!).getByRole('link', { name: 'Wrong short code in the newsletter' })).toHaveAttribute(
      'href',
      '/mistakes/m1',
    );
    expect(first).toHaveTextContent('MG-1');
    expect(first).toHaveTextContent('Acme Dental');
    expect(within(first!).getByText('Acknowledged')).toBeInTheDocument();
    expect(within(first!).getByText('Major')).toBeInTheDocument();
    expect(first).toHaveTextContent('$250.00');
    expect(first).toHaveTextContent('found 30 Nov 2026, 09:00');
    expect(within(second!).getByText('Found')).toBeInTheDocument();
    expect(within(second!).getByText('Critical')).toBeInTheDocument();
    expect(within(second!).getByText('Regressed')).toBeInTheDocument();
  });
});

describe("a client's mistakes in a narrow column", () => {
  it('become cards where the table would not fit, keeping stage, severity, impact and found', async () => {
    elementsAreWide(560);
    renderRecovery(<MistakesTable mistakes={[mistake()]} timeZone="UTC" showClient={false} />);
    const card = within(await screen.findByRole('list', { name: 'Mistakes' })).getByRole('listitem');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(card).toHaveTextContent('Acknowledged');
    expect(card).toHaveTextContent('Major');
    expect(card).toHaveTextContent('Wrong fact · impact $250.00 · found 30 Nov 2026, 09:00');
    expect(card).not.toHaveTextContent('Acme Dental');
  });

  it('stay a table with the impact and found columns where it fits', async () => {
    elementsAreWide(700);
    renderRecovery(<MistakesTable mistakes={[mistake()]} timeZone="UTC" showClient={false} />);
    const table = await screen.findByRole('table', { name: 'Mistakes' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['Ref', 'Mistake', 'Stage and severity', 'Impact', 'Found']);
    const row = within(table).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('Wrong fact');
    expect(row).toHaveTextContent('$250.00');
    expect(row).toHaveTextContent('30 Nov 2026');
  });

  it('say "not set" for an impact nobody entered, as a card and as a row, never $0.00', async () => {
    const unknown = mistake({ impact: { amountMinor: 0, currency: 'USD' } });
    elementsAreWide(560);
    const { unmount } = renderRecovery(<MistakesTable mistakes={[unknown]} timeZone="UTC" showClient={false} />);
    const card = within(await screen.findByRole('list', { name: 'Mistakes' })).getByRole('listitem');
    expect(card).toHaveTextContent('impact not set');
    expect(card).not.toHaveTextContent('$0.00');
    unmount();
    elementsAreWide(700);
    renderRecovery(<MistakesTable mistakes={[unknown]} timeZone="UTC" showClient={false} />);
    const row = within(await screen.findByRole('table', { name: 'Mistakes' })).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('not set');
    expect(row).not.toHaveTextContent('$0.00');
  });
});

describe('commitments and messages on a phone', () => {
  beforeEach(onAPhone);

  it('shows a commitment as a card with its status, due time and "Mark done"', async () => {
    const done = vi.fn();
    const { user } = renderRecovery(
      <CommitmentsTable commitments={[commitment()]} timeZone="UTC" onComplete={done} completingId={null} />,
    );
    const card = within(screen.getByRole('list', { name: 'Commitments' })).getByRole('listitem');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(card).toHaveTextContent('Reprint the posters with 55123');
    expect(card).toHaveTextContent('Open');
    expect(card).toHaveTextContent('Due 10 Jan 2099, 12:00');
    await user.click(within(card).getByRole('button', { name: 'Mark “Reprint the posters with 55123” done' }));
    expect(done).toHaveBeenCalledWith('k1');
  });

  it('shows a message as a card: subject, who it went to and its delivery status', async () => {
    fakeApi({});
    renderRecovery(
      <MessagesTable
        messages={[message({ status: 'failed', lastError: 'mailbox full', subject: 'About the March newsletter' })]}
        label="Outbox"
        showClient
      />,
    );
    const card = within(screen.getByRole('list', { name: 'Outbox' })).getByRole('listitem');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Read “About the March newsletter”' })).toBeInTheDocument();
    expect(card).toHaveTextContent('To Amara Okafor amara@acme.example');
    expect(card).toHaveTextContent('Failed');
    expect(card).toHaveTextContent('mailbox full');
    expect(within(card).getByRole('button', { name: 'Retry “About the March newsletter”' })).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'client' })).toHaveAttribute('href', '/clients/c1');
  });

  it('stands the recovery stages in a column, each with when it was reached', () => {
    const reachedAt: Record<RecoveryStage, string | null> = {
      found: '2026-11-30T09:00:00.000Z',
      acknowledged: '2026-11-30T10:00:00.000Z',
      remedied: null,
      fixed: null,
      learned: null,
      verified: null,
      closed: null,
    };
    renderRecovery(<StageTrack stage="acknowledged" reachedAt={reachedAt} timeZone="UTC" />);
    const track = screen.getByRole('list', { name: 'Recovery stage: Acknowledged' });
    const stages = within(track).getAllByRole('listitem');
    expect(stages).toHaveLength(7);
    expect(stages[1]).toHaveAccessibleName('Acknowledged: reached 30 Nov 2026, 10:00');
    expect(stages[1]).toHaveAttribute('aria-current', 'step');
    expect(stages[2]).toHaveTextContent('Remedied');
    expect(stages[2]).toHaveTextContent('not yet');
    // No sideways scroll area on a phone.
    expect(track.closest('.mantine-ScrollArea-root')).toBeNull();
  });
});

describe('the timeline and the header', () => {
  it('lists timeline events as items of the list it announces', () => {
    const event = (id: string, summary: string): TimelineEvent => ({
      id,
      mistakeId: 'm1',
      clientId: 'c1',
      type: 'mistake.logged',
      summary,
      data: {},
      actor: { id: 'u1', name: 'Dana Reyes' },
      at: '2026-11-30T09:00:00.000Z',
    });
    renderRecovery(
      <EventTimeline
        events={[event('e1', 'MG-1 logged'), event('e2', 'MG-1 acknowledged')]}
        timeZone="UTC"
        label="Mistake timeline"
      />,
    );
    const items = within(screen.getByRole('list', { name: 'Mistake timeline' })).getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual([
      expect.stringContaining('MG-1 logged'),
      expect.stringContaining('MG-1 acknowledged'),
    ]);
  });

  it('puts aria-expanded on the notifications button itself, not on the badge around it', async () => {
    const { user } = renderApp('/clients', {
      'GET /api/notifications': { body: { items: [], unread: 0 } },
    });
    const bell = await screen.findByRole('button', { name: 'Notifications' });
    expect(bell).toHaveAttribute('aria-expanded', 'false');
    expect(bell.parentElement?.closest('[aria-expanded]')).toBeNull();
    await user.click(bell);
    await waitFor(() => expect(bell).toHaveAttribute('aria-expanded', 'true'));
  });
});

describe('keyboard focus when logging a mistake', () => {
  const acme = {
    id: 'c1',
    name: 'Acme Dental',
    aliases: [],
    tier: 'key',
    status: 'active',
    value: { amountMinor: 0, currency: 'USD' },
    ownerId: null,
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-01T10:00:00.000Z',
  };

  it('starts on the Client field, the first one, and ends on the new mistake’s heading', async () => {
    const { user, router } = renderApp('/mistakes/new', {
      'GET /api/clients': { body: { items: [acme] } },
      'POST /api/mistakes': { status: 201, body: mistake({ stage: 'found' }) },
      'GET /api/mistakes/m1': { body: mistake({ stage: 'found' }) },
      'GET /api/mistakes/m1/timeline': { body: { items: [] } },
    });
    const form = await screen.findByRole('form', { name: 'Log a mistake' });
    const client = within(form).getByLabelText(/^Client/);
    await waitFor(() => expect(client).toHaveFocus());

    await user.selectOptions(client, 'c1');
    await user.type(within(form).getByLabelText(/^Title/), 'Wrong short code in the newsletter');
    await user.click(within(form).getByRole('button', { name: 'Log mistake' }));

    const heading = await screen.findByRole('heading', { level: 1, name: /MG-1.*Wrong short code/ });
    expect(router.state.location.pathname).toBe('/mistakes/m1');
    await waitFor(() => expect(heading).toHaveFocus());
    expect(document.body).not.toHaveFocus();
  });

  it('leaves focus alone on a mistake page opened from a link', async () => {
    renderApp('/mistakes/m1', {
      'GET /api/mistakes/m1': { body: mistake() },
      'GET /api/mistakes/m1/timeline': { body: { items: [] } },
    });
    const heading = await screen.findByRole('heading', { level: 1, name: /MG-1/ });
    await act(async () => {
      await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
    });
    expect(heading).not.toHaveFocus();
    expect(heading).not.toHaveAttribute('tabindex');
  });
});
