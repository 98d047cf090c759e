import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MantineProvider } from '@mantine/core';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../shared/contract/index.ts';
import { DateTimeInput } from '../../components/date-time-input.tsx';
import { inputToIso } from '../../lib/dates.ts';
import { renderApp, testSession } from '../../test-utils.tsx';

// Issue 13 A in the web app: the workspace zone and voice in Settings, a member's own zone, where
// mail goes with "Send a test message", and the one date-time field that types naturally.

const london = { ...defaultSettings(), timezone: 'Europe/London', senderName: 'Northwind Studio' };
const fileMail = {
  transport: 'file',
  destination: '/srv/makegood/outbox',
  fromAddress: 'mail@northwind.example',
  accountingFromAddress: 'accounts@northwind.example',
};

describe('time zone and voice in settings', () => {
  it('shows the workspace zone and saves a new zone and voice with the settings', async () => {
    const { user, sent } = renderApp('/settings', {
      'GET /api/settings': { body: london },
      'GET /api/settings/mail': { body: fileMail },
      'PATCH /api/settings': (call) => ({ body: call.body }),
    });
    const zone = await screen.findByLabelText('Time zone');
    expect(zone).toHaveValue('Europe/London');
    await user.selectOptions(zone, 'America/New_York');
    await user.selectOptions(screen.getByLabelText('Drafts speak as'), 'we');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(sent('PATCH', '/api/settings')).toHaveLength(1));
    expect(sent('PATCH', '/api/settings')[0]?.body).toMatchObject({ timezone: 'America/New_York', voice: 'we' });
  });

  it("saves a member's own zone, and null for the workspace's", async () => {
    const { user, sent } = renderApp('/settings', {
      'GET /api/settings': { body: london },
      'GET /api/settings/mail': { body: fileMail },
      'PUT /api/account/timezone': (call) => {
        const zone = (call.body as { timezone: string | null }).timezone;
        return { body: { timezone: zone, effective: zone ?? 'UTC' } };
      },
    });
    const mine = await screen.findByLabelText('Show my times in');
    await user.selectOptions(mine, 'Asia/Tokyo');
    await user.click(screen.getByRole('button', { name: 'Save my time zone' }));
    await user.selectOptions(mine, '');
    await user.click(screen.getByRole('button', { name: 'Save my time zone' }));
    await waitFor(() => expect(sent('PUT', '/api/account/timezone')).toHaveLength(2));
    expect(sent('PUT', '/api/account/timezone').map((c) => c.body)).toEqual([{ timezone: 'Asia/Tokyo' }, { timezone: null }]);
  });
});

describe('where mail goes', () => {
  it('says it is the file outbox and sends a test message to the member, showing the result', async () => {
    const { user, sent } = renderApp('/settings', {
      'GET /api/settings': { body: london },
      'GET /api/settings/mail': { body: fileMail },
      'POST /api/settings/mail/test': {
        body: { delivered: true, toAddress: testSession.user.email, messageId: '<1@northwind.example>', error: null },
      },
    });
    const section = await screen.findByRole('region', { name: 'Where mail goes' });
    expect(await screen.findByText('/srv/makegood/outbox')).toBeInTheDocument();
    expect(section).toHaveTextContent('Nothing leaves this machine');
    expect(section).toHaveTextContent('replies go to the member who wrote it');
    await user.click(screen.getByRole('button', { name: `Send a test message to ${testSession.user.email}` }));
    expect(await screen.findByText(`Test message sent to ${testSession.user.email}.`)).toBeInTheDocument();
    expect(sent('POST', '/api/settings/mail/test')).toHaveLength(1);
  });

  it('says why a test message failed', async () => {
    const { user } = renderApp('/settings', {
      'GET /api/settings': { body: london },
      'GET /api/settings/mail': { body: { ...fileMail, transport: 'smtp', destination: 'smtp://mail.example:587' } },
      'POST /api/settings/mail/test': {
        body: { delivered: false, toAddress: testSession.user.email, messageId: '<1@x>', error: 'connect ECONNREFUSED' },
      },
    });
    expect(await screen.findByText('smtp://mail.example:587')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Send a test message/ }));
    expect(await screen.findByText(/could not be sent: connect ECONNREFUSED/)).toBeInTheDocument();
  });
});

function Harness({ timeZone }: { timeZone: string }) {
  const [value, setValue] = useState('');
  return (
    <>
      <DateTimeInput label="Due" value={value} onChange={setValue} timeZone={timeZone} />
      <output aria-label="utc">{inputToIso(value, timeZone) ?? 'invalid'}</output>
    </>
  );
}

describe('the date-time field', () => {
  it('is one field that reads typed text in the zone, says how it read it, and gives UTC', async () => {
    const user = userEvent.setup();
    render(
      <MantineProvider>
        <Harness timeZone="Europe/London" />
      </MantineProvider>,
    );
    const field = screen.getByLabelText('Due');
    expect(screen.getByText('Times are in Europe/London')).toBeInTheDocument();
    await user.type(field, '3 Jul 2026 5pm');
    expect(screen.getByText('Fri, 3 Jul 2026, 17:00 BST (Europe/London)')).toBeInTheDocument();
    expect(screen.getByLabelText('utc')).toHaveTextContent('2026-07-03T16:00:00.000Z');
    await user.tab();
    expect(field).toHaveValue('2026-07-03 17:00');
    await user.clear(field);
    await user.type(field, 'whenever');
    expect(screen.getByText(/Not a date and time yet/)).toBeInTheDocument();
    expect(screen.getByLabelText('utc')).toHaveTextContent('invalid');
  });
});
