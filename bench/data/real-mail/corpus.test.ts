import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { countWords, parseMailSource, readRealMail, realMailKnowledge } from './index.ts';

const dir = dirname(fileURLToPath(import.meta.url));
const items = readRealMail();

describe('the real-mail corpus (issue 10 C)', () => {
  it('holds at least 20,000 words of real mail in en-US and en-GB, each text with its source', () => {
    const words = items.reduce((n, i) => n + countWords(i.text), 0);
    expect(words).toBeGreaterThanOrEqual(20_000);
    for (const locale of ['en-US', 'en-GB'] as const) {
      expect(items.filter((i) => i.locale === locale).reduce((n, i) => n + countWords(i.text), 0)).toBeGreaterThan(5_000);
    }
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    for (const i of items) {
      expect({ id: i.id, source: /^https?:\/\/\S+$/.test(i.source) }).toEqual({ id: i.id, source: true });
      expect({ id: i.id, text: i.text.trim().length > 0 }).toEqual({ id: i.id, text: true });
    }
    expect(new Set(items.map((i) => i.source)).size).toBeGreaterThanOrEqual(80);
  });

  it('gives every text a realistic guard context: the client, contacts, the sending workspace and sender', () => {
    for (const i of items) {
      const c = i.context;
      expect({ id: i.id, ok: c.client.length > 0 && c.workspaceName.length > 0 && c.senderName.length > 0 }).toEqual({
        id: i.id,
        ok: true,
      });
      expect(c.contacts.length).toBeGreaterThan(0);
      expect(c.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const t of i.typos) expect(i.text).toContain(t);
      const k = realMailKnowledge(i, items);
      expect(k.locale).toBe(i.locale);
      expect(k.clients[0]!.name).toBe(c.client);
      expect(k.workspaceName).toBe(c.workspaceName);
      expect(k.members).toEqual([c.senderName]);
      expect(k.clients.length).toBeGreaterThan(1);
    }
  });

  it('corpus.jsonl is up to date with mail.txt (npx tsx bench/data/real-mail/build.ts)', () => {
    expect(parseMailSource(readFileSync(join(dir, 'mail.txt'), 'utf8'))).toEqual(items);
  });
});
