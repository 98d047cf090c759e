import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CheckPage } from './check-page.tsx';
import { GuardRulesPage } from './guard-rules-page.tsx';
import { emptyAnalysis, fakeApi, renderWithApp } from './testing.tsx';
import { VocabularyPage } from './vocabulary-page.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
});

const rule = {
  id: 'r1',
  clientId: null,
  mistakeId: 'm1',
  mistakeRef: 'MG-7',
  kind: 'forbidden',
  phrase: 'free upgrade',
  pattern: null,
  when: null,
  message: 'Upgrades need an approved remedy.',
  createdAt: '2026-03-02T09:00:00.000Z',
};

const catastrophic = {
  status: 400,
  body: {
    error: {
      code: 'validation_failed',
      message: 'pattern: could backtrack catastrophically',
      details: {
        field: 'body.pattern',
        issues: [{ field: 'body.pattern', message: 'could backtrack catastrophically' }],
      },
      requestId: 'r1',
    },
  },
};

describe('Guard rules page', () => {
  it('says what guard rules are for when there are none', async () => {
    fakeApi(({ path }) => {
      if (path === '/guard-rules') return { status: 200, body: { items: [] } };
      if (path === '/clients') return { status: 200, body: { items: [] } };
      return undefined;
    });
    renderWithApp(<GuardRulesPage />);
    expect(await screen.findByText('No guard rules yet')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add the first rule' })).toBeInTheDocument();
  });

  it('lists rules with the mistake they came from as a link', async () => {
    fakeApi(({ path }) => {
      if (path === '/guard-rules') return { status: 200, body: { items: [rule] } };
      if (path === '/clients') return { status: 200, body: { items: [] } };
      return undefined;
    });
    renderWithApp(<GuardRulesPage />);
    const table = await screen.findByRole('table', { name: 'Guard rules' });
    expect(within(table).getByText('“free upgrade”')).toBeInTheDocument();
    expect(within(table).getByText('Upgrades need an approved remedy.')).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: 'MG-7' })).toHaveAttribute('href', '/mistakes/m1');
    expect(within(table).getByText('Every client')).toBeInTheDocument();
  });

  it("shows the API's refusal of a catastrophic pattern on the pattern field and keeps the form open", async () => {
    const { requests } = fakeApi(({ method, path }) => {
      if (path === '/guard-rules' && method === 'GET') return { status: 200, body: { items: [] } };
      if (path === '/guard-rules' && method === 'POST') return catastrophic;
      if (path === '/clients') return { status: 200, body: { items: [] } };
      if (path.startsWith('/mistakes')) return { status: 200, body: { items: [], total: 0 } };
      return undefined;
    });
    const user = userEvent.setup();
    renderWithApp(<GuardRulesPage />);
    await user.click(await screen.findByRole('button', { name: 'Add a guard rule' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a guard rule' });
    await user.click(within(dialog).getByRole('radio', { name: /Pattern/ }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Pattern' }), '(a+)+$');
    await user.type(within(dialog).getByRole('textbox', { name: 'Message shown with the finding' }), 'x');
    await user.click(within(dialog).getByRole('button', { name: 'Add rule' }));

    expect(await within(dialog).findByText('Could backtrack catastrophically')).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: 'Pattern' })).toHaveAttribute('aria-invalid', 'true');
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.body).toEqual({
      kind: 'pattern',
      phrase: null,
      pattern: '(a+)+$',
      when: null,
      message: 'x',
      clientId: null,
      mistakeId: null,
    });
  });

  it('edits a rule with PUT and deletes one only after confirming', async () => {
    let items = [rule];
    const { requests } = fakeApi(({ method, path, body }) => {
      if (path === '/guard-rules' && method === 'GET') return { status: 200, body: { items } };
      if (path === '/guard-rules/r1' && method === 'PUT') {
        items = [{ ...rule, ...body }];
        return { status: 200, body: items[0] };
      }
      if (path === '/guard-rules/r1' && method === 'DELETE') {
        items = [];
        return { status: 204 };
      }
      if (path === '/clients') return { status: 200, body: { items: [] } };
      if (path.startsWith('/mistakes')) return { status: 200, body: { items: [], total: 0 } };
      return undefined;
    });
    const user = userEvent.setup();
    renderWithApp(<GuardRulesPage />);
    await user.click(await screen.findByRole('button', { name: 'Edit rule: “free upgrade”' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit guard rule' });
    const phrase = within(dialog).getByRole('textbox', { name: 'Phrase' });
    expect(phrase).toHaveValue('free upgrade');
    await user.clear(phrase);
    await user.type(phrase, 'complimentary upgrade');
    await user.click(within(dialog).getByRole('button', { name: 'Save rule' }));
    expect(await screen.findByText('“complimentary upgrade”')).toBeInTheDocument();
    const put = requests.find((r) => r.method === 'PUT');
    expect(put?.body).toMatchObject({ kind: 'forbidden', phrase: 'complimentary upgrade', mistakeId: 'm1' });

    await user.click(screen.getByRole('button', { name: 'Delete rule: “complimentary upgrade”' }));
    const confirm = await screen.findByRole('dialog', { name: 'Delete this guard rule?' });
    expect(requests.some((r) => r.method === 'DELETE')).toBe(false);
    await user.click(within(confirm).getByRole('button', { name: 'Delete rule' }));
    expect(await screen.findByText('No guard rules yet')).toBeInTheDocument();
    expect(requests.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual(['/guard-rules/r1']);
  });
});

describe('Vocabulary page', () => {
  it('shows an empty state, adds a word and removes it', async () => {
    let words: string[] = [];
    fakeApi(({ method, path, body }) => {
      if (path === '/vocabulary' && method === 'GET') return { status: 200, body: { items: words } };
      if (path === '/vocabulary' && method === 'POST') {
        words = [...words, body.word];
        return { status: 201, body: { items: words } };
      }
      if (path.startsWith('/vocabulary/') && method === 'DELETE') {
        const word = decodeURIComponent(path.slice('/vocabulary/'.length));
        words = words.filter((w) => w !== word);
        return { status: 204 };
      }
      return undefined;
    });
    const user = userEvent.setup();
    renderWithApp(<VocabularyPage />);
    expect(await screen.findByText('No words yet')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Add a word' }), 'Glowpeel{Enter}');
    const list = await screen.findByRole('list', { name: 'Vocabulary words' });
    expect(within(list).getByText('Glowpeel')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Add a word' })).toHaveValue('');
    await user.click(screen.getByRole('button', { name: 'Remove Glowpeel' }));
    expect(await screen.findByText('No words yet')).toBeInTheDocument();
  });

  it('shows the field error the API gives for a phrase', async () => {
    fakeApi(({ method, path }) => {
      if (path === '/vocabulary' && method === 'GET') return { status: 200, body: { items: [] } };
      if (path === '/vocabulary' && method === 'POST')
        return {
          status: 400,
          body: {
            error: {
              code: 'validation_failed',
              message: 'body.word: must be one word without spaces',
              details: { issues: [{ field: 'body.word', message: 'must be one word without spaces' }] },
              requestId: 'r',
            },
          },
        };
      return undefined;
    });
    const user = userEvent.setup();
    renderWithApp(<VocabularyPage />);
    await user.type(await screen.findByRole('textbox', { name: 'Add a word' }), 'two words{Enter}');
    expect(await screen.findByText('Must be one word without spaces')).toBeInTheDocument();
  });
});

describe('Check a message page', () => {
  it('asks for a client first when there is none', async () => {
    fakeApi(({ path }) => (path === '/clients' ? { status: 200, body: { items: [] } } : undefined));
    renderWithApp(<CheckPage />);
    expect(await screen.findByText('No clients yet')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to clients' })).toHaveAttribute('href', '/clients');
  });

  it('checks the pasted text against the picked client with the attachment count', async () => {
    const { requests } = fakeApi(({ method, path, body }) => {
      if (path === '/clients') return { status: 200, body: { items: [{ id: 'c1', name: 'Serenity Day Spas' }] } };
      if (method === 'POST' && path === '/analyse') return { status: 200, body: emptyAnalysis() };
      if (method === 'POST' && path === '/check') {
        const text = body.text as string;
        const at = text.indexOf('see attached');
        return {
          status: 200,
          body: {
            findings:
              at >= 0 && body.attachments === 0
                ? [
                    {
                      rule: 'missing_attachment',
                      severity: 'error',
                      start: at,
                      end: at + 12,
                      message: 'The text mentions an attachment but nothing is attached.',
                      suggestion: 'Attach the file, or remove the mention.',
                    },
                  ]
                : [],
          },
        };
      }
      return undefined;
    });
    const user = userEvent.setup();
    renderWithApp(<CheckPage />);
    const picker = await screen.findByRole('combobox', { name: /^Client/ });
    await user.type(picker, 'Seren{ArrowDown}{Enter}');
    expect(picker).toHaveValue('Serenity Day Spas');
    await user.type(screen.getByRole('textbox', { name: 'Files attached' }), '0');
    await user.click(screen.getByRole('textbox', { name: 'Message' }));
    await user.paste('Please see attached.');
    expect(await screen.findByText('The text mentions an attachment but nothing is attached.')).toBeInTheDocument();
    await waitFor(() =>
      expect(requests.filter((r) => r.path === '/check').at(-1)?.body).toEqual({
        text: 'Please see attached.',
        clientId: 'c1',
        attachments: 0,
        // One id per draft, so the lessons can count what the guard caught on it.
        draftId: expect.stringMatching(/^draft-[0-9a-f-]{36}$/u) as unknown,
      }),
    );
  });
});
