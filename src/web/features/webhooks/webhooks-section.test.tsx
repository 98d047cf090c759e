import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultSettings, type WebhookDelivery, type WebhookEndpoint } from '../../../shared/contract/index.ts';
import { renderApp, testSession, validationError, type RecordedCall } from '../../test-utils.tsx';

const hook: WebhookEndpoint = {
  id: 'wh1',
  url: 'https://hooks.northwind.example/makegood',
  description: 'Slack relay',
  events: ['mistake.logged', 'lesson.written'],
  enabled: true,
  secretHint: 'whsec_abcd…',
  createdAt: '2026-03-01T09:00:00.000Z',
  updatedAt: '2026-03-01T09:00:00.000Z',
};

const delivery = (over: Partial<WebhookDelivery>): WebhookDelivery => ({
  id: 'msg_1',
  endpointId: 'wh1',
  type: 'mistake.logged',
  eventId: 'e1',
  status: 'delivered',
  attempts: 1,
  nextAttemptAt: null,
  responseCode: 204,
  lastError: null,
  durationMs: 41,
  deliveredAt: '2026-03-02T09:00:00.000Z',
  createdAt: '2026-03-02T09:00:00.000Z',
  body: '{}',
  ...over,
});

const base = {
  'GET /api/settings': { body: defaultSettings() },
  'GET /api/members': { body: { items: [] } },
  'GET /api/invitations': { body: { items: [] } },
};

const section = () => screen.findByRole('region', { name: 'Webhooks' });

describe('webhooks section', () => {
  it('adds an endpoint with the chosen events, shows a refused URL on its field, then the secret once', async () => {
    const endpoints: WebhookEndpoint[] = [];
    let attempts = 0;
    const { user, sent } = renderApp('/settings', {
      ...base,
      'GET /api/webhooks': () => ({ body: { items: [...endpoints] } }),
      'POST /api/webhooks': (call: RecordedCall) => {
        attempts++;
        const body = call.body as { url: string; events: WebhookEndpoint['events'] };
        if (attempts === 1) {
          return validationError([
            { field: 'url', message: 'resolves to 169.254.169.254 (linkLocal), which webhooks may not reach' },
          ]);
        }
        const created = { ...hook, url: body.url, events: body.events };
        endpoints.push(created);
        return { status: 201, body: { endpoint: created, secret: 'whsec_c2VjcmV0LXNob3duLW9uY2U=' } };
      },
    });
    const region = await section();
    expect(await within(region).findByText('No endpoints yet.')).toBeInTheDocument();
    await user.click(within(region).getByRole('button', { name: 'Add endpoint' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a webhook endpoint' });
    await user.type(within(dialog).getByLabelText(/URL/), 'https://169.254.169.254/latest');
    await user.click(within(dialog).getByLabelText('Lesson written'));
    await user.click(within(dialog).getByRole('button', { name: 'Add endpoint' }));
    expect(await within(dialog).findByText(/Resolves to 169\.254\.169\.254/)).toBeInTheDocument();
    expect(sent('POST', '/api/webhooks')[0]?.body).toEqual({
      url: 'https://169.254.169.254/latest',
      description: '',
      events: ['mistake.logged', 'lesson.written'],
    });

    const urlField = within(dialog).getByLabelText(/URL/);
    await user.clear(urlField);
    await user.type(urlField, 'https://hooks.northwind.example/makegood');
    await user.click(within(dialog).getByRole('button', { name: 'Add endpoint' }));
    const shown = await screen.findByRole('dialog', { name: 'Endpoint added' });
    expect(within(shown).getByText('whsec_c2VjcmV0LXNob3duLW9uY2U=')).toBeInTheDocument();
    expect(within(shown).getByText(/shown only this once/)).toBeInTheDocument();
    await user.click(within(shown).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByText('whsec_c2VjcmV0LXNob3duLW9uY2U=')).toBeNull());
    const table = await within(region).findByRole('table', { name: 'Webhook endpoints' });
    expect(within(table).getByText('https://hooks.northwind.example/makegood')).toBeInTheDocument();
    expect(within(table).getByText('Lesson written')).toBeInTheDocument();
  });

  it('shows the delivery log with status, response and error, and resends a failed delivery', async () => {
    const log = [
      delivery({
        id: 'msg_2',
        status: 'failed',
        attempts: 2,
        responseCode: 302,
        lastError: 'redirects are not followed (302)',
      }),
      delivery({ id: 'msg_1' }),
      delivery({ id: 'msg_3', status: 'queued', attempts: 0, responseCode: null, durationMs: null, type: 'ping' }),
    ];
    const { user, sent } = renderApp('/settings', {
      ...base,
      'GET /api/webhooks': { body: { items: [hook] } },
      'GET /api/webhooks/wh1/deliveries': () => ({ body: { items: log.map((d) => ({ ...d })) } }),
      'POST /api/webhooks/wh1/deliveries/msg_2/resend': () => {
        log[0] = { ...log[0]!, status: 'queued', attempts: 0 };
        return { body: log[0] };
      },
    });
    const region = await section();
    await user.click(await within(region).findByRole('button', { name: `Deliveries to ${hook.url}` }));
    const dialog = await screen.findByRole('dialog', { name: `Deliveries to ${hook.url}` });
    const table = await within(dialog).findByRole('table', { name: 'Deliveries' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(within(rows[0]!).getByText('failed')).toBeInTheDocument();
    expect(within(rows[0]!).getByText('302')).toBeInTheDocument();
    expect(within(rows[0]!).getByText('redirects are not followed (302)')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('delivered')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('41 ms')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('Test ping')).toBeInTheDocument();
    // A queued delivery has nothing to resend.
    expect(within(rows[2]!).queryByRole('button', { name: /Resend/ })).toBeNull();

    await user.click(within(rows[0]!).getByRole('button', { name: 'Resend msg_2' }));
    await waitFor(() => expect(sent('POST', '/api/webhooks/wh1/deliveries/msg_2/resend')).toHaveLength(1));
    await waitFor(() => expect(within(within(dialog).getAllByRole('row')[1]!).getByText('queued')).toBeInTheDocument());
  });

  it('tells a member that webhooks are for owners and admins, without asking the API', async () => {
    const { sent } = renderApp('/settings', {
      ...base,
      'GET /api/session': { body: { ...testSession, role: 'member' } },
    });
    const region = await section();
    expect(within(region).getByText(/Only an owner or admin can see and change webhooks/)).toBeInTheDocument();
    expect(within(region).queryByRole('button', { name: 'Add endpoint' })).toBeNull();
    expect(sent('GET', '/api/webhooks')).toHaveLength(0);
  });
});
