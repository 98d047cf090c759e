// The pre-send guard: everything is indexed once per workspace (build), then each check tokenises
// the text once and walks the tokens, paying one map lookup per word to learn which checks the
// word can trigger (confusable, weekday, honorific, attachment, placeholder, rule phrase, client
// name, fact term) plus the spelling lookup.
import { softenMarkedWrong } from './marked-wrong.ts';
import type { Finding } from '../types.ts';
import { announcesAttachment, ATTACHMENT_WORDS } from './attachment.ts';
import { checkConfusable, CONFUSABLES_BY_WORD } from './confusables.ts';
import { FactBook, type FactInput } from './facts.ts';
import {
  buildClientNames,
  checkHonorific,
  isHonorificWord,
  nearNamePart,
  stripPossessive,
  type ClientNames,
} from './names.ts';
import { PhraseIndex, phraseWords } from './phrases.ts';
import { placeholderFinding, placeholderWord, scanPlaceholders } from './placeholder.ts';
import { RuleHits, RuleSet, type RuleInput } from './rules.ts';
import {
  cachedCorrect,
  matchCase,
  SPELL_CAPITALISED,
  SPELL_COMPOUND,
  SPELL_OK,
  Spelling,
  trimOldest,
  type SpellerLike,
  type SpellVerdict,
} from './spelling.ts';
import { tokenise, type Token } from './tokenise.ts';
import { checkWeekday, isMonthWord, isWeekdayWord } from './weekday.ts';
import { CURATED_WORDS } from './words.ts';

/** What buildGuard needs (structurally the public GuardKnowledge). */
export interface Knowledge {
  locale: 'en-US' | 'en-GB';
  clients: readonly {
    id: string;
    name: string;
    aliases: readonly string[];
    contacts: readonly { name: string; honorific?: string; preferredName?: string; email?: string }[];
    facts: readonly FactInput[];
  }[];
  facts: readonly FactInput[];
  vocabulary: readonly string[];
  rules: readonly RuleInput[];
  workspaceName?: string;
  members?: readonly string[];
}

/** Options of one check (structurally the public CheckOptions). */
export interface Options {
  clientId?: string;
  date?: string;
  attachments?: number | 'unknown';
}

const CONFUSABLE = 1;
const WEEKDAY = 2;
const HONORIFIC = 4;
const ATTACH = 8;
const LOREM = 16;
const RULE = 32;
const CLIENT = 64;
const TERM = 128;
const PLACEHOLDER = 256;

/** Words that open a sign-off; the lines after them are the signature. */
const SIGN_OFFS = new Set([
  'regards',
  'best',
  'thanks',
  'cheers',
  'sincerely',
  'warmly',
  'warm',
  'kind',
  'many',
  'thank',
  'yours',
  'all',
  'talk',
  'speak',
  'with',
  'respectfully',
  'cordially',
  'sent',
]);
const LEGAL_SUFFIXES = new Set([
  'inc',
  'llc',
  'ltd',
  'limited',
  'corp',
  'gmbh',
  'plc',
  'llp',
  'pty',
  'co',
  'lp',
  'sa',
  'ag',
  'bv',
]);

/** Which rule ids outrank which when two findings cover the same words (lower wins). */
const PRIORITY: Record<string, number> = {
  guard_rule: 0,
  placeholder: 1,
  other_client: 2,
  fact_mismatch: 3,
  honorific: 4,
  weekday_mismatch: 5,
  contact_name: 6,
  missing_attachment: 7,
  confusable: 8,
  spelling: 9,
};

/** The words of the usual Lorem ipsum filler after its first two. */
const LOREM_WORDS = new Set(
  'dolor sit amet consectetur consectetuer adipiscing adipisicing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua enim ad minim veniam quis nostrud exercitation ullamco laboris nisi aliquip ex ea commodo consequat'.split(
    ' ',
  ),
);

/** Name slots written in capitals ("Hi NAME,"). */
const NAME_SLOTS = new Set([
  'NAME',
  'FIRSTNAME',
  'LASTNAME',
  'SURNAME',
  'FULLNAME',
  'COMPANY',
  'COMPANYNAME',
  'CLIENTNAME',
  'RECIPIENT',
]);

/** A name slot used as a form label ("NAME:") or among other capitals ("THE COMPANY SHALL…"). */
function labelOrShouted(prev: Token | undefined, next: Token | undefined): boolean {
  const caps = (t: Token | undefined): boolean =>
    t !== undefined && t.kind === 'word' && t.text.length > 1 && t.text === t.text.toUpperCase();
  return (next !== undefined && next.text === ':') || caps(prev) || caps(next);
}

/** At most this many findings per rule id per check. */
const MAX_PER_RULE = 50;

interface WordEntry {
  flags: number;
  spell: SpellVerdict;
  fix: string | null;
}

interface ClientEntry {
  clientId: string;
  display: string;
  /** A one-word name that is also an ordinary word ("Serenity"): only capitalised mid-sentence. */
  commonWord: boolean;
}

function isUpperChar(c: string): boolean {
  const code = c.charCodeAt(0);
  // ASCII first (no allocation); anything else the slow, exact way.
  if (code < 128) return code >= 65 && code <= 90;
  return c !== c.toLowerCase();
}

/** The built guard: indexes plus the check. */
export class BuiltGuard {
  private readonly spelling: Spelling;
  private readonly names = new Map<string, ClientNames>();
  private readonly clientIndex = new PhraseIndex<ClientEntry>();
  private readonly facts: FactBook;
  private readonly rules: RuleSet;
  private readonly triggers = new Map<string, number>();
  private readonly vocabulary = new Set<string>();
  private readonly dayFirst: boolean;
  private readonly dictionary: (word: string) => boolean;
  /** Per word as written: its trigger flags and spelling verdict (memoised, bounded). */
  private readonly words = new Map<string, WordEntry>();

  constructor(
    knowledge: Knowledge,
    private readonly speller: SpellerLike | undefined,
  ) {
    this.dayFirst = knowledge.locale === 'en-GB';
    const curated = new Set(CURATED_WORDS);
    this.dictionary = (w) => curated.has(w) || (speller ? cachedCorrect(speller, w) : false);

    const workspaceWords: string[] = [];
    // The workspace's own name and its members' names (who signs the mail) are its words too:
    // "Northwind" is not "North wind", and a sender's name is no misspelling of a contact's.
    const ownNames = [knowledge.workspaceName, ...(knowledge.members ?? [])];
    for (const v of [...(knowledge.vocabulary ?? []), ...ownNames]) {
      if (typeof v !== 'string') continue;
      for (const w of phraseWords(v)) {
        workspaceWords.push(w.text);
        this.vocabulary.add(w.norm);
      }
    }
    for (const client of knowledge.clients ?? []) {
      const names = buildClientNames({
        id: client.id,
        name: client.name ?? '',
        aliases: client.aliases ?? [],
        contacts: client.contacts ?? [],
      });
      this.names.set(client.id, names);
      for (const part of names.parts) workspaceWords.push(part.canonical);
      for (const n of [client.name ?? '', ...(client.aliases ?? [])]) {
        const words = phraseWords(n);
        for (const w of words) workspaceWords.push(w.text);
        this.addClientName(words, client.id, client.name ?? n);
        // "Cedar & Pine" is also written "Cedar and Pine", and the other way round.
        if (typeof n === 'string' && n.includes('&'))
          this.addClientName(phraseWords(n.replace(/&/g, ' and ')), client.id, client.name ?? n);
        else if (typeof n === 'string' && /\sand\s/i.test(n))
          this.addClientName(phraseWords(n.replace(/\sand\s/gi, ' & ')), client.id, client.name ?? n);
      }
      for (const f of client.facts ?? [])
        if (f.kind === 'term') for (const w of phraseWords(f.value)) workspaceWords.push(w.text);
    }
    for (const f of knowledge.facts ?? [])
      if (f.kind === 'term') for (const w of phraseWords(f.value)) workspaceWords.push(w.text);
    this.spelling = new Spelling(speller, workspaceWords);
    this.facts = new FactBook(
      knowledge.facts ?? [],
      (knowledge.clients ?? []).map((c) => ({
        id: c.id,
        facts: c.facts ?? [],
        contactEmails: (c.contacts ?? []).flatMap((p) => (p.email ? [p.email] : [])),
      })),
      this.dictionary,
    );
    this.rules = new RuleSet(knowledge.rules ?? []);

    const mark = (word: string, flag: number): void => {
      this.triggers.set(word, (this.triggers.get(word) ?? 0) | flag);
    };
    for (const w of CONFUSABLES_BY_WORD.keys()) mark(w, CONFUSABLE);
    for (const w of [
      'monday',
      'tuesday',
      'wednesday',
      'thursday',
      'friday',
      'saturday',
      'sunday',
      'mon',
      'tue',
      'tues',
      'wed',
      'weds',
      'thu',
      'thur',
      'thurs',
      'fri',
      'sat',
      'sun',
    ])
      mark(w, WEEKDAY);
    for (const w of ['mr', 'mrs', 'ms', 'mx', 'dr', 'miss', 'mister']) mark(w, HONORIFIC);
    for (const w of ATTACHMENT_WORDS) mark(w, ATTACH);
    mark('lorem', LOREM);
    for (const w of [
      'todo',
      'fixme',
      'tktk',
      'tbd',
      'tbc',
      'xx',
      'xxx',
      'xxxx',
      'xxxxx',
      'xxxxxx',
      'name',
      'firstname',
      'lastname',
      'surname',
      'fullname',
      'company',
      'companyname',
      'clientname',
      'recipient',
    ])
      mark(w, PLACEHOLDER);
    for (const rule of knowledge.rules ?? []) {
      for (const p of [rule.phrase, rule.when]) {
        if (typeof p !== 'string') continue;
        const first = phraseWords(p)[0];
        if (first && this.rules.startsWith(first.norm)) mark(first.norm, RULE);
      }
    }
    for (const f of [...(knowledge.facts ?? []), ...(knowledge.clients ?? []).flatMap((c) => c.facts ?? [])]) {
      if (f.kind !== 'term') continue;
      const first = phraseWords(f.value)[0];
      if (first && this.facts.termStartsWith(first.norm)) mark(first.norm, TERM);
    }
  }

  private addClientName(words: Token[], clientId: string, display: string): void {
    let ws = words.filter((w) => w.kind !== 'punct');
    if (ws.length > 1 && ws[0]!.norm === 'the') ws = ws.slice(1);
    const variants = [ws];
    let trimmed = ws;
    while (trimmed.length > 1 && LEGAL_SUFFIXES.has(trimmed[trimmed.length - 1]!.norm)) trimmed = trimmed.slice(0, -1);
    if (trimmed.length !== ws.length) variants.push(trimmed);
    for (const v of variants) {
      if (v.length === 0) continue;
      const commonWord = v.length === 1 && this.dictionary(v[0]!.norm);
      const added = this.clientIndex.add(
        v.map((w) => w.norm),
        { clientId, display, commonWord },
        v.map((w) => isUpperChar(w.text.charAt(0))),
      );
      if (added) this.triggers.set(v[0]!.norm, (this.triggers.get(v[0]!.norm) ?? 0) | CLIENT);
    }
  }

  /** Runs every rule on `text`; findings sorted by position. */
  check(text: string, options: Options = {}): Finding[] {
    if (typeof text !== 'string' || text.length === 0) return [];
    const clientId = typeof options.clientId === 'string' ? options.clientId : undefined;
    const own = clientId ? this.names.get(clientId) : undefined;
    const attachmentsZero = options.attachments === 0;
    // The sender was asked and left it empty: a mention is a question, not an error.
    const attachmentsUnknown = options.attachments === 'unknown';
    const tokens = tokenise(text);
    const out: Finding[] = [];
    const hits = new RuleHits();
    let attachmentFlagged = false;
    let ownCoveredUntil = -1;
    let otherCoveredUntil = -1;
    let termCoveredUntil = -1;
    let signatureFrom = Infinity;
    const checkNumbers = this.facts.has('short_code', clientId) || this.facts.has('price', clientId);
    const checkIds = this.facts.has('identifier', clientId);
    const hasTerms = this.facts.has('term', clientId);

    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      const kind = t.kind;
      if (kind === 'punct') continue;
      if (kind === 'url' || kind === 'email') {
        this.facts.checkAddress(t, clientId, out);
        continue;
      }
      if (kind === 'code') continue;
      if (kind === 'number') {
        if (checkNumbers) this.facts.checkNumber(text, tokens, i, clientId, out);
        if (checkIds) i = this.identifierAt(text, tokens, i, clientId, out);
        continue;
      }
      if (kind === 'mixed' && checkIds) {
        const before = out.length;
        const last = this.identifierAt(text, tokens, i, clientId, out);
        if (out.length > before || last > i) {
          i = last;
          continue;
        }
      }

      let entry = this.words.get(t.text);
      if (entry === undefined) entry = this.wordEntry(t);
      const flags = entry.flags;
      if (flags !== 0) {
        if (flags & CONFUSABLE) {
          const hit = checkConfusable(tokens, i, CONFUSABLES_BY_WORD.get(t.norm)!);
          if (hit) {
            out.push({
              rule: 'confusable',
              severity: 'warning',
              start: t.start,
              end: t.end,
              message: hit.why,
              suggestion: `Did you mean “${hit.fix}”?`,
              replacement: hit.fix,
            });
          }
        }
        if (flags & WEEKDAY) {
          const f = checkWeekday(tokens, i, options.date, this.dayFirst);
          if (f) out.push(f);
        }
        if (flags & HONORIFIC && own) {
          const f = checkHonorific(text, tokens, i, own);
          if (f) out.push(f);
        }
        if (
          flags & ATTACH &&
          (attachmentsZero || attachmentsUnknown) &&
          !attachmentFlagged &&
          announcesAttachment(tokens, i)
        ) {
          attachmentFlagged = true;
          out.push(
            attachmentsZero
              ? {
                  rule: 'missing_attachment',
                  severity: 'error',
                  start: t.start,
                  end: t.end,
                  message: `The text mentions an attachment (“${t.text}”) but nothing is attached.`,
                  suggestion: 'Attach the file, or remove the mention.',
                }
              : {
                  rule: 'missing_attachment',
                  severity: 'warning',
                  start: t.start,
                  end: t.end,
                  message: `The text mentions an attachment (“${t.text}”). Did you mean to attach something?`,
                  suggestion: 'Attach the file (and say how many are attached), or remove the mention.',
                },
          );
        }
        if (flags & LOREM) {
          const next = tokens[i + 1];
          if (next && next.norm === 'ipsum') {
            // The filler runs on ("dolor sit amet, consectetur…"): cover it so its words are not misspellings.
            let last = i + 1;
            for (let k = i + 2; k < tokens.length; k++) {
              const w = tokens[k]!;
              if (w.kind === 'punct' ? w.text !== ',' : !LOREM_WORDS.has(w.norm)) break;
              if (w.kind !== 'punct') last = k;
            }
            out.push(placeholderFinding(t.start, tokens[last]!.end, '“Lorem ipsum” filler text', 'error'));
          }
        }
        if (flags & PLACEHOLDER) {
          const p = placeholderWord(t.text);
          // Inside brackets ("<NAME>", "[TODO]") the bracket scan reports the whole placeholder.
          const prev = tokens[i - 1];
          const next = tokens[i + 1];
          const bracketed =
            (prev !== undefined && prev.end === t.start && '[{<%'.includes(prev.text)) ||
            (next !== undefined && next.start === t.end && ']}>%'.includes(next.text));
          // "THE COMPANY SHALL NOT…": a name slot among other capitals is shouting or legal boilerplate.
          const shouted = NAME_SLOTS.has(t.text) && labelOrShouted(prev, next);
          if (p && !bracketed && !shouted) out.push(placeholderFinding(t.start, t.end, p.what, p.severity));
        }
        if (flags & RULE) this.rules.collect(tokens, i, clientId, hits);
        if (flags & CLIENT && clientId) {
          const m = this.otherClientAt(tokens, i, clientId, own, ownCoveredUntil, otherCoveredUntil, out);
          ownCoveredUntil = m.own;
          otherCoveredUntil = m.other;
        }
        if (flags & TERM && i > termCoveredUntil) {
          const last = this.facts.checkTermCase(tokens, i, clientId, out);
          if (last >= 0) termCoveredUntil = last;
        }
      }

      // The signature starts on the line after a sign-off ("Best regards," / "Thanks,").
      if (t.newlines > 0 && signatureFrom === Infinity && SIGN_OFFS.has(t.norm)) {
        for (let k = i + 1; k < tokens.length && k <= i + 5; k++) {
          if (tokens[k]!.newlines > 0) {
            const end = tokens[k - 1]!;
            if (end.text === ',' || end.kind === 'word') signatureFrom = tokens[k]!.start;
            break;
          }
        }
      }
      if (i <= termCoveredUntil) continue;

      // Contact names and fact terms take precedence over spelling for name-like words.
      const capitalised =
        kind === 'word' && t.norm !== t.text && isUpperChar(t.text.charAt(0)) && t.text !== t.text.toUpperCase();
      if (capitalised) {
        if (own && t.start < signatureFrom && this.contactNameAt(tokens, i, own, out)) continue;
        // An unknown capitalised word one letter off a recorded term ("Handwryten").
        if (
          !t.sentenceStart &&
          hasTerms &&
          entry.spell !== SPELL_OK &&
          !this.facts.isTermWord(t.norm, clientId) &&
          this.facts.checkTermNearMiss(t, clientId, out)
        )
          continue;
        if (t.start >= signatureFrom) continue;
      }
      const spell = entry.spell;
      if (spell === SPELL_COMPOUND) {
        // Capitalised mid-sentence it is a name, as with any unknown capitalised word.
        if (capitalised && !t.sentenceStart) continue;
        if (hasTerms && this.facts.checkTermNearMiss(t, clientId, out)) continue;
        out.push({
          rule: 'spelling',
          severity: 'info',
          start: t.start,
          end: t.end,
          message: `“${t.text}” is not in the dictionary; it reads as “${entry.fix}”.`,
          suggestion: 'If it is a name or a term of yours, add it to the workspace vocabulary.',
        });
        continue;
      }
      if (
        spell === SPELL_OK ||
        (spell === SPELL_CAPITALISED && !t.sentenceStart) ||
        Spelling.hyphenPrefix(tokens, i) ||
        Spelling.reduplicated(tokens, i)
      )
        continue;
      if (hasTerms && this.facts.checkTermNearMiss(t, clientId, out)) continue;
      const suggestion = entry.fix ?? (kind === 'word' ? this.spelling.suggest(t.text) : null);
      // A capitalised unknown word is flagged only when a dictionary word is one edit away.
      if (spell === SPELL_CAPITALISED && !suggestion) continue;
      out.push({
        rule: 'spelling',
        severity: 'warning',
        start: t.start,
        end: t.end,
        message: suggestion
          ? `“${t.text}” looks misspelled.`
          : `“${t.text}” is not in the dictionary or the workspace vocabulary.`,
        suggestion: suggestion
          ? `Did you mean “${suggestion}”?`
          : 'Check the spelling, or add the word to the workspace vocabulary.',
        ...(suggestion && { replacement: suggestion }),
      });
    }

    scanPlaceholders(
      text,
      {
        clientName: own?.display ?? null,
        firstName: own && own.contacts.length === 1 ? (own.contacts[0]!.preferred ?? own.contacts[0]!.first) : null,
        fullName: own && own.contacts.length === 1 ? own.contacts[0]!.name : null,
      },
      out,
    );
    this.facts.checkPhones(text, clientId, out);
    this.rules.findings(text, clientId, hits, out);
    return softenMarkedWrong(text, finish(out, text.length));
  }

  /** Computes and memoises what the guard needs to know about a word as written. */
  private wordEntry(t: Token): WordEntry {
    const { verdict, fix } = this.spelling.classify(t);
    const entry: WordEntry = { flags: this.triggers.get(t.norm) ?? 0, spell: verdict, fix };
    if (this.words.size >= 50_000) trimOldest(this.words);
    this.words.set(t.text, entry);
    return entry;
  }

  /** An identifier-like chunk glued from tokens at `i` (INV-2041, AB12-CD); returns the last token index consumed. */
  private identifierAt(
    text: string,
    tokens: readonly Token[],
    i: number,
    clientId: string | undefined,
    out: Finding[],
  ): number {
    let last = i;
    let k = i + 1;
    while (k + 1 < tokens.length) {
      const sep = tokens[k]!;
      const next = tokens[k + 1]!;
      if (
        sep.kind !== 'punct' ||
        sep.spaceBefore ||
        !'-/#.'.includes(sep.text) ||
        next.spaceBefore ||
        next.kind === 'punct' ||
        next.kind === 'url' ||
        next.kind === 'email' ||
        next.kind === 'code'
      )
        break;
      last = k + 1;
      k += 2;
    }
    // A capitalised prefix glued before ("INV-" in "INV-2041") belongs to the identifier.
    let first = i;
    const sep = tokens[i - 1];
    const pre = tokens[i - 2];
    if (
      sep &&
      pre &&
      sep.kind === 'punct' &&
      !sep.spaceBefore &&
      '-#'.includes(sep.text) &&
      pre.kind === 'word' &&
      pre.text === pre.text.toUpperCase()
    )
      first = i - 2;
    const start = tokens[first]!.start;
    const end = tokens[last]!.end;
    if (first === i && last === i && tokens[i]!.kind === 'number' && !/^\d+$/.test(tokens[i]!.text)) return i;
    if (out.some((f) => f.rule === 'fact_mismatch' && f.start <= start && f.end >= end)) return last;
    this.facts.checkIdentifier(text, start, end, clientId, out);
    return last;
  }

  /** other_client at token `i`; returns the updated coverage marks. */
  private otherClientAt(
    tokens: readonly Token[],
    i: number,
    clientId: string,
    own: ClientNames | undefined,
    ownUntil: number,
    otherUntil: number,
    out: Finding[],
  ): { own: number; other: number } {
    const matches = this.clientIndex.matchAt(tokens, i);
    let ownEnd = ownUntil;
    for (const m of matches) if (m.entry.payload.clientId === clientId) ownEnd = Math.max(ownEnd, m.last);
    let otherEnd = otherUntil;
    for (const m of matches) {
      const p = m.entry.payload;
      if (p.clientId === clientId || i <= ownEnd || i <= otherEnd) continue;
      const t = tokens[i]!;
      if (p.commonWord && (t.sentenceStart || !isUpperChar(t.text.charAt(0)))) continue;
      if (m.first === m.last && own?.exact.has(stripPossessive(t.norm))) continue;
      const written = tokensSpan(tokens, m.first, m.last);
      out.push({
        rule: 'other_client',
        severity: 'error',
        start: m.start,
        end: m.end,
        message: `“${written}” is another client (${p.display}); this message is for ${own?.display ?? 'a different client'}.`,
        suggestion: own ? `Did you mean “${own.display}”?` : 'Remove the other client’s name.',
        ...(own && { replacement: own.display }),
      });
      otherEnd = m.last;
      break;
    }
    return { own: ownEnd, other: otherEnd };
  }

  /** contact_name at a capitalised word token; true when it pushed a finding. */
  private contactNameAt(tokens: readonly Token[], i: number, own: ClientNames, out: Finding[]): boolean {
    const t = tokens[i]!;
    const norm = stripPossessive(t.norm);
    if (
      norm.length < 3 ||
      own.exact.has(norm) ||
      this.vocabulary.has(norm) ||
      isMonthWord(norm) ||
      isWeekdayWord(norm) ||
      isHonorificWord(norm)
    )
      return false;
    // A word that is also an ordinary word or a common name ("Call", "John") counts only in a
    // name position: after a greeting or honorific, beside a contact's name, or alone before a comma.
    // (Tested first: it is cheap, and most capitalised words are ordinary words out of position.)
    if (this.dictionary(norm) && !this.nameContext(tokens, i, own)) return false;
    const near = nearNamePart(norm, own);
    if (!near) return false;
    const right = near.part.canonical;
    const replacement = matchCase(t.text, right) + t.text.slice(norm.length);
    out.push({
      rule: 'contact_name',
      severity: 'warning',
      start: t.start,
      end: t.end,
      message: `“${t.text}” looks like a misspelling of ${near.part.contact.name}’s ${near.part.role === 'last' ? 'surname' : 'name'} (“${right}”).`,
      suggestion: `Did you mean “${right}”?`,
      replacement,
    });
    return true;
  }

  /** The word at `i` is in a name position: after a greeting or honorific, or beside a contact's name. */
  private nameContext(tokens: readonly Token[], i: number, own: ClientNames): boolean {
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (
      prev &&
      prev.kind === 'word' &&
      (GREETINGS.has(prev.norm) || isHonorificWord(prev.norm) || own.exact.has(prev.norm))
    )
      return true;
    if (prev && prev.text === '.' && isHonorificWord(tokens[i - 2]?.norm ?? '')) return true;
    if (next && next.kind === 'word' && own.surnames.has(stripPossessive(next.norm))) return true;
    if (next && next.kind === 'punct' && next.text === ',' && (i === 0 || tokens[i]!.newlines > 0)) return true;
    return false;
  }
}

const GREETINGS = new Set([
  'hi',
  'hello',
  'dear',
  'hey',
  'thanks',
  'morning',
  'afternoon',
  'evening',
  'cheers',
  'ok',
  'okay',
  'and',
  'cc',
  'attn',
  'to',
]);

function tokensSpan(tokens: readonly Token[], first: number, last: number): string {
  let s = '';
  for (let j = first; j <= last; j++) s += (j > first && tokens[j]!.spaceBefore ? ' ' : '') + tokens[j]!.text;
  return s;
}

/**
 * Sorts findings, drops duplicates, drops spelling/confusable findings that overlap a finding of
 * another rule, caps each rule and clamps spans into the text.
 */
function finish(findings: Finding[], length: number): Finding[] {
  for (const f of findings) {
    f.start = Math.max(0, Math.min(length, f.start));
    f.end = Math.max(f.start, Math.min(length, f.end));
  }
  findings.sort((a, b) => a.start - b.start || (PRIORITY[a.rule] ?? 99) - (PRIORITY[b.rule] ?? 99) || a.end - b.end);
  const kept: Finding[] = [];
  const perRule = new Map<string, number>();
  for (const f of findings) {
    const weak = f.rule === 'spelling' || f.rule === 'confusable';
    let drop = false;
    for (let k = kept.length - 1; k >= 0; k--) {
      const g = kept[k]!;
      if (g.end <= f.start && g.start < f.start - 200) break;
      const overlap = g.start < f.end && f.start < g.end;
      const same = g.start === f.start && g.end === f.end;
      if (same && g.rule === f.rule) {
        drop = true;
        break;
      }
      if (overlap && weak && g.rule !== f.rule) {
        drop = true;
        break;
      }
    }
    if (drop) continue;
    const n = perRule.get(f.rule) ?? 0;
    if (n >= MAX_PER_RULE) continue;
    perRule.set(f.rule, n + 1);
    kept.push(f);
  }
  // A weak finding kept before a stronger overlapping one that starts at the same place is dropped.
  return kept.filter((f, idx) => {
    if (f.rule !== 'spelling' && f.rule !== 'confusable') return true;
    for (let k = idx + 1; k < kept.length && kept[k]!.start < f.end; k++)
      if (kept[k]!.rule !== f.rule && kept[k]!.rule !== 'spelling' && kept[k]!.rule !== 'confusable') return false;
    return true;
  });
}
