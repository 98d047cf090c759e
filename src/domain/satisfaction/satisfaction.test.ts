import { describe, expect, it } from 'vitest';
import { composeCheckIn, presentCheckIn, sinceWords } from '../check-ins/check-ins.ts';
import type { CheckInRecord } from '../check-ins/ports.ts';
import { HIDDEN_TOKEN, hideSecretLinks, revealSecretLinks } from '../messages/secret-links.ts';
import { satisfactionBody } from './satisfaction.ts';

const token = 'Zx9_-abcdefghijklmnopqrstuvwxyz0123456789AB';

describe('the satisfaction mail', () => {
  const body = satisfactionBody({
    salutation: 'Dr Okafor',
    title: 'Wrong short code on the posters',
    base: 'https://mg.example.com/',
    senderName: 'Acme Studio',
    expiresAt: '2026-04-01T09:00:00.000Z',
  });

  it('asks the one question with the five answers as links whose token is hidden', () => {
    expect(body).toContain('How well did we put this right?');
    for (const [n, label] of [
      [1, 'Not at all'],
      [4, 'Well'],
      [5, 'Very well'],
    ] as const) {
      expect(body).toContain(`${n} – ${label}: https://mg.example.com/satisfaction/${HIDDEN_TOKEN}?answer=${n}`);
    }
    expect(body).toContain('until 2026-04-01 (UTC)');
  });

  it('gets the real token into all five links only when mailed, and hides it again from any listing', () => {
    const mailed = revealSecretLinks(body, token);
    expect(mailed.split(`/satisfaction/${token}?answer=`)).toHaveLength(6);
    expect(mailed).not.toContain(HIDDEN_TOKEN);
    const shown = hideSecretLinks(mailed);
    expect(shown).not.toContain(token);
    expect(shown).toBe(body);
  });
});

describe('the check-in message', () => {
  it('says how long since the fix, names the mistake by its title and nothing internal', () => {
    const { subject, body } = composeCheckIn({
      salutation: 'Dr Okafor',
      title: 'Wrong short code on the posters',
      offsetDays: 30,
      signature: 'Dana Reyes',
      senderName: 'Acme Studio',
    });
    expect(subject).toBe('Checking in: wrong short code on the posters');
    expect(body.startsWith('Dear Dr Okafor,\n')).toBe(true);
    expect(body).toContain('It has been a month since we put right our mistake — wrong short code on the posters.');
    expect(body.endsWith('Dana Reyes\nAcme Studio')).toBe(true);
  });

  it('words the offsets', () => {
    expect([7, 30, 90, 45, 1].map(sinceWords)).toEqual(['a week', 'a month', 'three months', '45 days', '1 day']);
  });
});

describe('check-in state', () => {
  const record: CheckInRecord = {
    id: 'ci1',
    mistakeId: 'm1',
    clientId: 'c1',
    commitmentId: null,
    sequence: 1,
    offsetDays: 7,
    dueAt: '2026-03-09T09:00:00.000Z',
    status: 'pending',
    method: null,
    note: null,
    skipReason: null,
    messageId: null,
    settledAt: null,
    settledBy: null,
    remindedAt: null,
    overdueAt: null,
    createdAt: '2026-03-02T09:00:00.000Z',
  };
  const at = (iso: string) => new Date(iso);

  it('is pending before due, due within the 3 grace days, overdue after them', () => {
    expect(presentCheckIn(record, 'MG-1', at('2026-03-09T08:59:00.000Z')).state).toBe('pending');
    expect(presentCheckIn(record, 'MG-1', at('2026-03-09T09:00:00.000Z')).state).toBe('due');
    expect(presentCheckIn(record, 'MG-1', at('2026-03-12T09:00:00.000Z')).state).toBe('due');
    expect(presentCheckIn(record, 'MG-1', at('2026-03-12T09:00:01.000Z')).state).toBe('overdue');
  });

  it('is on time when done within the grace, late after it, skipped when skipped', () => {
    const done = (settledAt: string) => ({
      ...record,
      status: 'done' as const,
      method: 'call' as const,
      settledAt,
    });
    const later = at('2026-06-01T00:00:00.000Z');
    expect(presentCheckIn(done('2026-03-11T00:00:00.000Z'), 'MG-1', later).state).toBe('on_time');
    expect(presentCheckIn(done('2026-03-13T00:00:00.000Z'), 'MG-1', later).state).toBe('late');
    expect(
      presentCheckIn({ ...record, status: 'skipped', settledAt: '2026-03-08T00:00:00.000Z' }, 'MG-1', later).state,
    ).toBe('skipped');
  });
});
