import { describe, expect, it } from 'vitest';
import type { Message } from '../../shared/contract/index.ts';
import { hiddenLink, hideSecretLinks, HIDDEN_TOKEN, presentMessage, revealSecretLinks } from './secret-links.ts';

const TOKEN = 'Q2h4bW9kZXN0LXJhbmRvbS10b2tlbi0zMi1ieXRlcw';

function message(kind: Message['kind'], body: string): Message {
  return {
    id: 'm1',
    clientId: null,
    mistakeId: null,
    kind,
    status: 'queued',
    fromName: 'makegood',
    toName: '',
    toAddress: 'jo@acme.example',
    subject: 'Invitation',
    body,
    messageId: '<m1@makegood.invalid>',
    attempts: 0,
    nextAttemptAt: null,
    lastError: null,
    sentAt: null,
    createdAt: '2026-03-02T09:00:00.000Z',
  };
}

describe('one-time links in mail bodies', () => {
  it('stores the link with its token hidden and puts the token back only for sending', () => {
    const stored = `Open this link:\n\n${hiddenLink('https://mg.example/', 'invite')}\n`;
    expect(stored).toContain(`https://mg.example/invite/${HIDDEN_TOKEN}`);
    expect(stored).not.toContain(TOKEN);
    expect(revealSecretLinks(stored, TOKEN)).toBe(`Open this link:\n\nhttps://mg.example/invite/${TOKEN}\n`);
  });

  it('hides any token of an invitation or reset link when a message is shown, and leaves other kinds alone', () => {
    const body = `a https://mg.example/invite/${TOKEN} b http://localhost:3000/reset/${TOKEN}?x=1`;
    const shown = presentMessage(message('password_reset', body)).body;
    expect(shown).not.toContain(TOKEN);
    expect(shown).toBe(`a https://mg.example/invite/${HIDDEN_TOKEN} b http://localhost:3000/reset/${HIDDEN_TOKEN}?x=1`);
    expect(hideSecretLinks(shown)).toBe(shown);
    // A client message that happens to mention /invite/ is not a secret-link kind: shown as written.
    const update = message('update', `See https://client.example/invite/${TOKEN}`);
    expect(presentMessage(update).body).toBe(update.body);
  });
});
