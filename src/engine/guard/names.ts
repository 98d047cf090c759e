// Contact names and honorifics of one client: exact name words, surnames, and the near-miss test
// behind `contact_name` ("Lyn" for Lynn, "John" for Jon, "O'Rouke" for O'Rourke) and the
// honorific check behind `honorific` ("Mr Carter" when Lynn Carter is recorded as Ms).
import type { Finding } from '../types.ts';
import { boundedDistance } from './near-miss.ts';
import { phraseWords } from './phrases.ts';
import type { Token } from './tokenise.ts';

/** The honorifics the guard knows (contacts may also be recorded with 'none'). */
export type HonorificName = 'Mr' | 'Ms' | 'Mrs' | 'Mx' | 'Dr';

/** A contact of the client, as the checks see it. */
export interface ContactInfo {
  name: string;
  first: string;
  last: string | null;
  preferred: string | null;
  honorific: HonorificName | 'none' | null;
}

/** One word of a contact's name. */
export interface NamePart {
  norm: string;
  canonical: string;
  contact: ContactInfo;
  role: 'first' | 'last' | 'preferred';
}

/** Everything about one client's names. */
export interface ClientNames {
  id: string;
  display: string;
  contacts: ContactInfo[];
  parts: NamePart[];
  /** Lower-case words of the client's name, aliases and contacts' names. */
  exact: Set<string>;
  /** Contacts by lower-case surname word. */
  surnames: Map<string, ContactInfo[]>;
}

const TITLE_WORDS = new Set(['mr', 'mrs', 'ms', 'mx', 'dr', 'miss', 'mister', 'prof', 'sir', 'dame']);
const SUFFIX_WORDS = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'phd', 'md', 'esq', 'dds', 'cpa']);

/** Normalises a possessive name word ("Lynn's" → "lynn"). */
export function stripPossessive(norm: string): string {
  return norm.endsWith("'s") ? norm.slice(0, -2) : norm;
}

/** Builds the name tables of one client. */
export function buildClientNames(client: {
  id: string;
  name: string;
  aliases: readonly string[];
  contacts: readonly { name: string; honorific?: string; preferredName?: string }[];
}): ClientNames {
  const names: ClientNames = {
    id: client.id,
    display: client.name,
    contacts: [],
    parts: [],
    exact: new Set(),
    surnames: new Map(),
  };
  for (const n of [client.name, ...client.aliases]) for (const w of phraseWords(n)) names.exact.add(w.norm);
  for (const contact of client.contacts) {
    const words = phraseWords(contact.name).filter((w) => w.kind === 'word' || w.kind === 'mixed');
    while (words.length > 1 && TITLE_WORDS.has(words[0]!.norm)) words.shift();
    while (words.length > 1 && SUFFIX_WORDS.has(words[words.length - 1]!.norm)) words.pop();
    if (words.length === 0) continue;
    const preferredWords = contact.preferredName
      ? phraseWords(contact.preferredName).filter((w) => w.kind === 'word')
      : [];
    const info: ContactInfo = {
      name: contact.name.trim(),
      first: words[0]!.text,
      last: words.length > 1 ? words[words.length - 1]!.text : null,
      preferred: preferredWords.length > 0 ? preferredWords[0]!.text : null,
      honorific: toHonorific(contact.honorific),
    };
    names.contacts.push(info);
    words.forEach((w, k) => {
      names.exact.add(w.norm);
      names.parts.push({ norm: w.norm, canonical: w.text, contact: info, role: k === 0 ? 'first' : 'last' });
      if (k > 0) {
        const list = names.surnames.get(w.norm);
        if (list) list.push(info);
        else names.surnames.set(w.norm, [info]);
      }
    });
    for (const w of preferredWords) {
      names.exact.add(w.norm);
      names.parts.push({ norm: w.norm, canonical: w.text, contact: info, role: 'preferred' });
    }
  }
  return names;
}

function toHonorific(h: string | undefined): ContactInfo['honorific'] {
  if (!h) return null;
  const bare = h.trim().replace(/\.$/, '').toLowerCase();
  switch (bare) {
    case 'mr':
      return 'Mr';
    case 'ms':
      return 'Ms';
    case 'mrs':
      return 'Mrs';
    case 'mx':
      return 'Mx';
    case 'dr':
      return 'Dr';
    case 'none':
      return 'none';
    default:
      return null;
  }
}

/** The contact name word a capitalised word is a near miss of, or null. */
export function nearNamePart(norm: string, names: ClientNames): { part: NamePart; distance: number } | null {
  if (norm.length < 3) return null;
  let best: { part: NamePart; distance: number } | null = null;
  for (const part of names.parts) {
    const p = part.norm;
    if (p.length < 3) continue;
    const longest = Math.max(p.length, norm.length);
    const sameFirst = p.charCodeAt(0) === norm.charCodeAt(0);
    const max = longest >= 7 && sameFirst ? 2 : 1;
    if (Math.abs(p.length - norm.length) > max) continue;
    const d = boundedDistance(norm, p, max);
    if (d === 0 || d > max) continue;
    // Different first letters only for longer names (Katherine/Catherine, not Hall/Call).
    if (!sameFirst && longest < 5) continue;
    if (!best || d < best.distance) best = { part, distance: d };
  }
  return best;
}

/** Honorifics as written in text → the recorded form they stand for ('Miss' matches none). */
const TEXT_HONORIFICS = new Map<string, HonorificName | 'Miss'>([
  ['mr', 'Mr'],
  ['mister', 'Mr'],
  ['mrs', 'Mrs'],
  ['ms', 'Ms'],
  ['mx', 'Mx'],
  ['dr', 'Dr'],
  ['miss', 'Miss'],
]);

/** Whether a word is an honorific as written in text (Mr, Ms., Mrs, Mx, Dr, Miss). */
export function isHonorificWord(norm: string): boolean {
  return TEXT_HONORIFICS.has(norm);
}

function startsUpper(text: string): boolean {
  const c = text.charAt(0);
  return c !== c.toLowerCase();
}

/** The honorific finding at token `i` (an honorific word), or null when it matches or names nobody. */
export function checkHonorific(text: string, tokens: readonly Token[], i: number, names: ClientNames): Finding | null {
  const hon = tokens[i]!;
  const written = TEXT_HONORIFICS.get(hon.norm);
  if (!written || !startsUpper(hon.text)) return null;
  let j = i + 1;
  let honEnd = hon.end;
  let dot = false;
  if (tokens[j]?.text === '.' && tokens[j]!.start === hon.end) {
    dot = true;
    honEnd = tokens[j]!.end;
    j++;
  }
  const first = tokens[j];
  if (!first || first.kind !== 'word' || first.newlines > 0 || !startsUpper(first.text)) return null;
  // The surname directly, or after a first name ("Ms Lynn Carter"), exact or one letter off.
  let surnameTok = first;
  let contacts = names.surnames.get(stripPossessive(first.norm));
  const second = tokens[j + 1];
  if (!contacts && second && second.kind === 'word' && second.newlines === 0 && startsUpper(second.text)) {
    const viaSecond = names.surnames.get(stripPossessive(second.norm));
    if (viaSecond) {
      contacts = viaSecond;
      surnameTok = second;
    }
  }
  if (!contacts) {
    const near = nearNamePart(stripPossessive(first.norm), names);
    if (near && near.part.role === 'last') contacts = [near.part.contact];
  }
  if (!contacts) return null;
  const recorded = contacts.filter((c) => c.honorific !== null);
  if (recorded.length === 0 || recorded.some((c) => c.honorific === written)) return null;
  const contact = recorded[0]!;
  const start = hon.start;
  const end = surnameTok.end;
  if (contact.honorific === 'none') {
    const given = contact.preferred ?? contact.first;
    const full = contact.last ? `${given} ${contact.last}` : given;
    return {
      rule: 'honorific',
      severity: 'error',
      start,
      end,
      message: `${contact.name} is recorded without an honorific; “${hon.text}${dot ? '.' : ''}” should not be used.`,
      suggestion: `Use the name instead: “${full}”.`,
      replacement: full,
    };
  }
  const right = contact.honorific!;
  const replacement = `${right}${dot ? '.' : ''}${text.slice(honEnd, end)}`;
  return {
    rule: 'honorific',
    severity: 'error',
    start,
    end,
    message: `${contact.name} is recorded as ${right}, not ${written}.`,
    suggestion: `Write “${replacement}”.`,
    replacement,
  };
}
