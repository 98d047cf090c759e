// Real client-facing mail (issue 10, part C): support replies, delivery and scheduling notes,
// release announcements and small-business customer mail that nobody on this project wrote, kept
// verbatim (typos and all) with its source, in en-US and en-GB. Each text carries a realistic guard
// context: the business that sends it (workspace name, sender), the client it is written to and
// that client's contacts, and the words the workspace would have added to its vocabulary.
// mail.txt is the source (one "@@ key=value | …" header per text); build.ts writes corpus.jsonl
// from it, and `readRealMail()` reads corpus.jsonl. The guard's false alarms on it are counted by
// bench/eval-guard.ts (`npm run eval`).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GuardKnowledge } from '../../../src/engine/index.ts';

export type RealMailGenre =
  | 'support-reply'
  | 'shipping-note'
  | 'scheduling-note'
  | 'release-announcement'
  | 'service-notice'
  | 'returns-note'
  | 'customer-mail';

/** The guard context a workspace would have for the text. */
export interface RealMailContext {
  /** The client the text is written to. */
  client: string;
  /** That client's contacts (full names, or handles on GitHub threads). */
  contacts: string[];
  /** Words the workspace would have added (product names, places). */
  vocabulary: string[];
  /** The sending business. */
  workspaceName: string;
  /** Who signs the text (a member of the workspace). */
  senderName: string;
  /** The day the text was sent (YYYY-MM-DD): weekdays of dates without a year are read against it. */
  date: string;
}

export interface RealMailItem {
  id: string;
  /** A URL, or a GitHub issue/pull-request URL for a thread. */
  source: string;
  locale: 'en-US' | 'en-GB';
  genre: RealMailGenre;
  text: string;
  context: RealMailContext;
  /**
   * Real errors in the text as published (pieces of the text): a finding over one of them is a
   * true positive, not a false alarm. Empty for nearly every text.
   */
  typos: string[];
}

const here = dirname(fileURLToPath(import.meta.url));
const GENRES = new Set<string>([
  'support-reply',
  'shipping-note',
  'scheduling-note',
  'release-announcement',
  'service-notice',
  'returns-note',
  'customer-mail',
]);

/** The day a text is taken to be sent when its header names none. */
export const DEFAULT_DATE = '2026-01-05';

const list = (v: string | undefined, sep: string): string[] =>
  (v ?? '')
    .split(sep)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

/** Parses mail.txt (the hand-kept source) into items; throws on a malformed header. */
export function parseMailSource(source: string): RealMailItem[] {
  const items: RealMailItem[] = [];
  const lines = source.split('\n');
  let current: { header: Record<string, string>; body: string[] } | null = null;
  const flush = (): void => {
    if (!current) return;
    const h = current.header;
    const text = current.body.join('\n').replace(/\s+$/, '');
    const id = h['id'] ?? '';
    if (!/^rm-\d{3}$/.test(id)) throw new Error(`mail.txt: bad id "${id}"`);
    if (h['locale'] !== 'en-US' && h['locale'] !== 'en-GB') throw new Error(`${id}: bad locale`);
    if (!GENRES.has(h['genre'] ?? '')) throw new Error(`${id}: bad genre "${h['genre']}"`);
    if (!/^https?:\/\//.test(h['source'] ?? '')) throw new Error(`${id}: source must be a URL`);
    const typos = list(h['typos'], ',');
    for (const t of typos) if (!text.includes(t)) throw new Error(`${id}: typo "${t}" is not in the text`);
    items.push({
      id,
      source: h['source']!,
      locale: h['locale'],
      genre: h['genre'] as RealMailGenre,
      text,
      context: {
        client: h['client'] ?? '',
        contacts: list(h['contacts'], ';'),
        vocabulary: list(h['vocab'], ','),
        workspaceName: h['workspace'] ?? '',
        senderName: h['sender'] ?? '',
        date: h['date'] ?? DEFAULT_DATE,
      },
      typos,
    });
    current = null;
  };
  for (const line of lines) {
    if (line.startsWith('@@ ')) {
      flush();
      const header: Record<string, string> = {};
      for (const part of line.slice(3).split(' | ')) {
        const eq = part.indexOf('=');
        if (eq > 0) header[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
      }
      current = { header, body: [] };
    } else if (current) current.body.push(line);
  }
  flush();
  return items;
}

/** The corpus (corpus.jsonl, written by build.ts from mail.txt). */
export function readRealMail(dir: string = here): RealMailItem[] {
  return readFileSync(join(dir, 'corpus.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as RealMailItem);
}

/** Words as the eval counts them: whitespace-separated pieces with a letter or digit. */
export function countWords(text: string): number {
  let n = 0;
  for (const w of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(w)) n++;
  return n;
}

/** The client id of the text's own client in realMailKnowledge. */
export const REAL_MAIL_CLIENT_ID = 'client';

/**
 * The guard knowledge a workspace would have for an item: its client with the contacts, two other
 * clients of the same kind (the clients of two other texts, so other_client runs), the
 * vocabulary, the workspace's name and the sender as a member.
 */
export function realMailKnowledge(item: RealMailItem, all: readonly RealMailItem[]): GuardKnowledge {
  const at = all.findIndex((x) => x.id === item.id);
  const others = [all[(at + 37) % all.length]!, all[(at + 71) % all.length]!].filter(
    (o) => o.id !== item.id && o.context.client !== item.context.client,
  );
  return {
    locale: item.locale,
    clients: [
      {
        id: REAL_MAIL_CLIENT_ID,
        name: item.context.client,
        aliases: [],
        contacts: item.context.contacts.map((name) => ({ name })),
        facts: [],
      },
      ...others.map((o, k) => ({
        id: `other-${k + 1}`,
        name: o.context.client,
        aliases: [],
        contacts: o.context.contacts.map((name) => ({ name })),
        facts: [],
      })),
    ],
    facts: [],
    vocabulary: item.context.vocabulary,
    rules: [],
    workspaceName: item.context.workspaceName,
    members: item.context.senderName ? [item.context.senderName] : [],
  };
}
