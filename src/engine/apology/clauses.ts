// Clauses and their features, read from the parsed tokens: who the subject is, the verbs with
// their lemmas, tense, voice (passive, with or without a "by" agent), modality and negation, and
// the word that links the clause to the one before ("because", "if", "but", "that"…).
import { parse, type Parsed, type Token } from './nlp.ts';

export type Person = 'first' | 'client' | 'third' | 'it' | 'none';
export type Tense = 'past' | 'perfect' | 'present' | 'future';

export interface Clause {
  index: number;
  sentence: number;
  tokens: Token[];
  start: number;
  end: number;
  /** The linking word that opens the clause, lower case ('' for none). */
  link: string;
  /** Who the subject is. A subjectless clause opening with a past verb ("Fixed the link.") is `first`. */
  subject: Person;
  /** The subject was implicit (a report-style "Fixed …", "Sorry for …"). */
  implicitSubject: boolean;
  /** Lemmas of the clause's verbs (VERB tokens, and AUX used as a main verb). */
  verbs: string[];
  /** The first main verb's lemma ('' when none). */
  verb: string;
  tense: Tense;
  passive: boolean;
  /** Passive with a "by …" agent. */
  agent: boolean;
  /** The modal in the verb group (will, would, should, could, can, may, might, must, '' for none). */
  modal: string;
  /** A negation governs the verb group ("not", "n't", "never", "no longer"). */
  negated: boolean;
  /** "have" + participle in the group ("we have fixed", "I should have checked"). */
  perfect: boolean;
  /** Lower-case words and lemmas of the clause, for lexicon tests. */
  words: Set<string>;
  /** Space-joined lemmas (with a space at each end), for short phrase tests: " be my fault ". */
  phrase: string;
  /** The words' lemmas and POS tags, for sequence tests ("for VERB"). */
  lemmas: string[];
  tags: string[];
  /** The words as written, lower case. */
  lowers: string[];
}

export interface ClauseDoc extends Parsed {
  clauses: Clause[];
  /** Lower-case words of the whole text. */
  wordCount: number;
}

const LINKS = new Set([
  'because',
  'since',
  'as',
  'if',
  'unless',
  'when',
  'whenever',
  'while',
  'although',
  'though',
  'but',
  'however',
  'so',
  'and',
  'or',
  'that',
  'which',
  'who',
  'where',
  'after',
  'before',
  'until',
  'once',
  'whereas',
  'yet',
  'otherwise',
  'then',
]);
const COGNITION = new Set([
  'realize',
  'realise',
  'think',
  'know',
  'hope',
  'guess',
  'believe',
  'feel',
  'see',
  'notice',
  'understand',
  'say',
  'admit',
  'agree',
  'suspect',
  'assume',
  'find',
  'confirm',
  'acknowledge',
]);
const SUBJECT_PRONOUNS = new Set(['i', 'we', 'you', 'they', 'he', 'she']);
const CLAUSE_PUNCT = new Set([';', ':', '—', '–', '(', ')', '!', '?', '-', '...', '…']);
const FIRST = new Set(['i', 'we', 'me', 'us', 'myself', 'ourselves']);
const FIRST_POSS = new Set(['my', 'our']);
const CLIENT = new Set(['you', 'yourself', 'yourselves', 'u']);
const THIRD_PRON = new Set(['he', 'she', 'they', 'them', 'someone', 'somebody', 'nobody', 'everyone', 'anyone']);
const IT_PRON = new Set(['it', 'this', 'that', 'these', 'those', 'there', 'which', 'what', 'its']);
const MODALS = new Set(['will', 'would', 'should', 'could', 'can', 'may', 'might', 'must', 'shall', 'gonna']);
const BE = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', "'s", "'re", "'m", 'am']);
const GET = new Set(['get', 'got', 'gets', 'gotten', 'getting']);
const NEG = new Set(['not', 'never', "n't", 'no']);
/** "by mistake", "by accident": not an agent. */
const NOT_AGENT = new Set([
  'mistake',
  'accident',
  'error',
  'default',
  'design',
  'hand',
  'now',
  'then',
  'way',
  'time',
  'end',
  'deadline',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'tomorrow',
  'today',
  'noon',
  'email',
  'post',
  'phone',
  'far',
]);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'our', 'your', 'their', 'its', 'my']);
const PAST_AUX = new Set(['was', 'were', 'did', 'had', "'d"]);
/** Third parties even when "ours": "our host", "our provider". */
const HIRED = new Set([
  'intern',
  'colleague',
  'assistant',
  'employee',
  'driver',
  'temp',
  'freelancer',
  'subcontractor',
  'host',
  'provider',
  'vendor',
  'supplier',
  'carrier',
  'courier',
  'printer',
  'contractor',
  'partner',
  'bank',
  'isp',
  'landlord',
  'hosting',
]);
/** Nouns that stand for the writer's side ("our team", "the team", "my company"). */
const OWN_NOUNS = new Set([
  'team',
  'company',
  'staff',
  'office',
  'agency',
  'studio',
  'side',
  'end',
  'engineers',
  'developers',
  'support',
  'department',
]);

/** Irregular past participles wink tags VERB, for the passive test (the regular ones end in -ed). */
const IRREGULAR_PARTICIPLES = new Set(
  'made done sent taken given lost broken written shown known seen left put set cut hit let shut spent sold told held kept found built meant paid read said brought bought caught taught thought fought sought sung begun run won drawn driven forgotten forgiven hidden ridden risen spoken stolen chosen frozen woken worn torn sworn blown grown thrown flown shaken mistaken overlooked understood misunderstood undone overdone withdrawn rewritten redone resent rebuilt dealt felt heard led fed bled meant swept slept wept stuck struck hung spun split spread shed burst cast cost hurt quit upset'.split(
    ' ',
  ),
);

function isParticiple(t: Token): boolean {
  if (t.pos !== 'VERB' && t.pos !== 'ADJ') return false;
  const l = t.lower;
  if (l.endsWith('ing')) return false;
  if (l.endsWith('ed') || l.endsWith('en')) return t.pos === 'VERB' || t.lemma !== l;
  return IRREGULAR_PARTICIPLES.has(l);
}

/** Splits the text into clauses and reads each one's features. */
export function readClauses(text: string): ClauseDoc {
  const parsed = parse(text);
  const clauses: Clause[] = [];
  for (let s = 0; s < parsed.sentences.length; s++) {
    const sent = parsed.sentences[s]!;
    let cur: Token[] = [];
    let link = '';
    const flush = (): void => {
      const words = cur.filter((t) => t.pos !== 'PUNCT' && t.pos !== 'SYM');
      if (words.length > 0) clauses.push(makeClause(clauses.length, s, cur, link, cur[0]!.start === sent.start));
      cur = [];
      link = '';
    };
    for (let i = sent.from; i < sent.to; i++) {
      const t = parsed.tokens[i]!;
      if (t.pos === 'PUNCT' && (CLAUSE_PUNCT.has(t.lower) || t.lower === ',')) {
        // A comma splits only when a new subject-and-verb or a link follows ("…, we fixed it").
        if (t.lower === ',' && !opensClause(parsed.tokens, i + 1, sent.to)) {
          cur.push(t);
          continue;
        }
        flush();
        continue;
      }
      // "We are sorry you were charged twice", "I'm amazed I never noticed": a new subject and
      // verb after a complete verb group opens a clause even without a link word.
      if (
        t.pos === 'PRON' &&
        SUBJECT_PRONOUNS.has(t.lower) &&
        cur.some((c) => c.pos === 'VERB' || c.pos === 'AUX') &&
        (cur[cur.length - 1]!.pos === 'ADJ' ||
          (cur[cur.length - 1]!.pos === 'VERB' && cur[cur.length - 1]!.lower.endsWith('ed'))) &&
        startsVerbOrClause(parsed.tokens, i + 1, sent.to)
      ) {
        flush();
      }
      // "I now realize this joke was…", "I think the master needs…": a complement clause.
      if (
        (t.pos === 'DET' || t.pos === 'PRON') &&
        cur.length > 0 &&
        cur[cur.length - 1]!.pos === 'VERB' &&
        COGNITION.has(cur[cur.length - 1]!.lemma) &&
        opensClause(parsed.tokens, i, sent.to)
      ) {
        flush();
      }
      const isLink =
        LINKS.has(t.lower) &&
        (t.pos === 'SCONJ' ||
          t.pos === 'CCONJ' ||
          (t.pos === 'ADV' &&
            (t.lower === 'however' ||
              ((t.lower === 'so' || t.lower === 'then') && opensClause(parsed.tokens, i + 1, sent.to)))));
      // "that"/"which" open a clause only as a complementiser/relative, not as a determiner.
      const relative =
        (t.lower === 'that' || t.lower === 'which' || t.lower === 'who') &&
        (t.pos === 'SCONJ' || (t.pos === 'PRON' && startsVerbOrClause(parsed.tokens, i + 1, sent.to)));
      if ((isLink || relative) && cur.length > 0) {
        // "and"/"or" between two nouns do not split ("the file and the invoice").
        if ((t.lower === 'and' || t.lower === 'or') && !opensClause(parsed.tokens, i + 1, sent.to)) {
          cur.push(t);
          continue;
        }
        flush();
        link = t.lower;
        continue;
      }
      if ((isLink || relative) && cur.length === 0) {
        link = t.lower;
        continue;
      }
      cur.push(t);
    }
    flush();
    // A question asks; it does not state (its clauses carry a "?" word for the rules).
    if (parsed.tokens[sent.to - 1]?.lower === '?') for (const c of clauses) if (c.sentence === s) c.words.add('?');
  }
  return { ...parsed, clauses, wordCount: parsed.tokens.filter((t) => t.pos !== 'PUNCT' && t.pos !== 'SYM').length };
}

/** Whether the tokens from i look like the start of a clause (a subject then a verb, or a link). */
function opensClause(tokens: readonly Token[], i: number, to: number): boolean {
  const limit = Math.min(to, i + 5);
  for (let k = i; k < limit; k++) {
    const t = tokens[k]!;
    if (k === i && LINKS.has(t.lower) && t.pos !== 'DET') return true;
    if (t.pos === 'VERB' || t.pos === 'AUX') return k > i && isSubjectish(tokens[k - 1]!);
    if (t.pos === 'PUNCT') return false;
  }
  return false;
}

/** A verb next (a relative: "the sentence that went out") or a subject and a verb. */
function startsVerbOrClause(tokens: readonly Token[], i: number, to: number): boolean {
  const t = tokens[i];
  if (!t || i >= to) return false;
  if (t.pos === 'VERB' || t.pos === 'AUX') return true;
  return opensClause(tokens, i, to);
}

function isSubjectish(t: Token): boolean {
  return t.pos === 'PRON' || t.pos === 'NOUN' || t.pos === 'PROPN';
}

function makeClause(index: number, sentence: number, tokens: Token[], link: string, opensSentence: boolean): Clause {
  const words = tokens.filter((t) => t.pos !== 'PUNCT' && t.pos !== 'SYM');
  // The tagger sometimes reads a rarer verb after a modal or "to" as a noun ("I will resend the…"):
  // a word in that place is the verb.
  for (let k = 1; k < words.length; k++) {
    const prev = words[k - 1]!;
    const t = words[k]!;
    const afterModal = MODALS.has(prev.lemma) || (prev.lower === 'to' && prev.pos === 'PART');
    if (
      afterModal &&
      (t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'PROPN') &&
      /^[a-z-]+$/.test(t.lower) &&
      t.lower.length > 2
    )
      words[k] = { ...t, pos: 'VERB' };
  }
  const set = new Set<string>();
  for (const t of words) {
    set.add(t.lower);
    set.add(t.lemma);
  }
  if (link) set.add(link);
  // The verb group: the first run of AUX/VERB/PART/ADV that contains a verb.
  let firstVerb = -1;
  for (let k = 0; k < words.length; k++) {
    if (words[k]!.pos === 'VERB' || words[k]!.pos === 'AUX') {
      firstVerb = k;
      break;
    }
  }
  // Subject: the nominal nearest before the verb group.
  let subject: Person = 'none';
  let implicit = false;
  if (firstVerb > 0) {
    for (let k = firstVerb - 1; k >= 0; k--) {
      const t = words[k]!;
      if (t.pos === 'PRON' || t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'NUM') {
        subject = personOf(words, k);
        break;
      }
    }
  } else if (firstVerb === 0 && opensSentence) {
    // "Fixed the link.", "Reverted in #12": a report in the first person with the subject dropped.
    const v = words[0]!;
    if (v.pos === 'VERB' && v.lower !== v.lemma && !v.lower.endsWith('ing')) {
      subject = 'first';
      implicit = true;
    }
  }
  // Verbs, tense, voice, modality, negation.
  const verbs: string[] = [];
  let tense: Tense = 'present';
  let modal = '';
  let passive = false;
  let negated = false;
  let haveAux = false;
  let perfect = false;
  let pastSeen = false;
  let sawBe = false;
  let going = false;
  let agent = false;
  let verb = '';
  for (let k = 0; k < words.length; k++) {
    const t = words[k]!;
    if (NEG.has(t.lower) || t.lower === 'not' || t.lemma === 'not') {
      if (firstVerb >= 0 && k <= firstVerb + 4) negated = true;
    }
    if (t.pos === 'AUX' || (t.pos === 'VERB' && (MODALS.has(t.lower) || MODALS.has(t.lemma)))) {
      if (MODALS.has(t.lower) || MODALS.has(t.lemma)) modal ||= t.lemma === 'gonna' ? 'will' : t.lemma;
      if (t.lemma === 'have' || t.lower === "'ve") haveAux = true;
      if (PAST_AUX.has(t.lower)) pastSeen = true;
      if (BE.has(t.lower) || t.lemma === 'be') sawBe = true;
      if (t.lower === 'been' && haveAux) perfect = true;
      if (GET.has(t.lower) && k + 1 < words.length && isParticiple(words[k + 1]!)) sawBe = true;
      continue;
    }
    if (t.pos === 'VERB') {
      if (t.lower === 'going' && words[k + 1]?.lower === 'to') {
        going = true;
        continue;
      }
      if (GET.has(t.lower) && k + 1 < words.length && isParticiple(words[k + 1]!)) {
        sawBe = true;
        continue;
      }
      verbs.push(t.lemma);
      if (!verb) {
        verb = t.lemma;
        if (sawBe && isParticiple(t)) passive = true;
        if (
          !sawBe &&
          !haveAux &&
          (t.lower !== t.lemma || t.lower.endsWith('ed')) &&
          !t.lower.endsWith('ing') &&
          !t.lower.endsWith('s')
        )
          pastSeen = true;
        if (haveAux) perfect = true;
      } else if (sawBe && isParticiple(t) && !passive && words[k - 1]?.pos === 'AUX') passive = true;
    }
    if (t.lower === 'by' && passive && k + 1 < words.length) {
      const next = words[k + 1]!;
      const head = DETERMINERS.has(next.lower) ? words[k + 2] : next;
      if (head && !NOT_AGENT.has(head.lemma) && head.pos !== 'NUM') agent = true;
    }
  }
  if (!verb) {
    // "It was my mistake": the copula is the verb.
    const aux = words.find((t) => t.pos === 'AUX' && !MODALS.has(t.lemma));
    if (aux) {
      verb = aux.lemma;
      verbs.push(aux.lemma);
    }
  }
  if (haveAux && !perfect) {
    // "have" as the main verb ("our host has servers offline"), not an auxiliary.
    haveAux = false;
  }
  if (modal === 'will' || modal === 'shall' || going) tense = 'future';
  else if (haveAux && !modal) tense = 'perfect';
  else if (pastSeen) tense = 'past';
  if (t0IsNegWord(words)) negated = true;
  return {
    index,
    sentence,
    tokens,
    start: tokens[0]!.start,
    end: tokens[tokens.length - 1]!.end,
    link,
    subject,
    implicitSubject: implicit,
    verbs,
    verb,
    tense,
    passive,
    agent,
    modal,
    negated,
    perfect: haveAux,
    words: set,
    // The link opens the phrase ("because you…", "if you need…").
    phrase: ` ${link ? `${link} ` : ''}${words.map((t) => t.lemma).join(' ')} `,
    lemmas: words.map((t) => t.lemma),
    tags: words.map((t) => t.pos),
    lowers: words.map((t) => t.lower),
  };
}

function t0IsNegWord(words: Token[]): boolean {
  return words[0]?.lower === 'never' || words[0]?.lower === 'no';
}

function personOf(words: Token[], k: number): Person {
  const t = words[k]!;
  const l = t.lower;
  if (FIRST.has(l)) return 'first';
  if (CLIENT.has(l)) return 'client';
  if (IT_PRON.has(l)) return 'it';
  if (THIRD_PRON.has(l)) return 'third';
  // A noun: whose is it? "our team", "my PR", "your browser", "the host" ("our host" is still a third party).
  if (HIRED.has(t.lemma)) return 'third';
  for (let j = k - 1; j >= 0 && j >= k - 3; j--) {
    const d = words[j]!.lower;
    if (FIRST_POSS.has(d)) return 'first';
    if (d === 'your') return 'client';
    if (words[j]!.pos === 'DET' || words[j]!.pos === 'ADJ' || words[j]!.pos === 'NOUN' || words[j]!.pos === 'PROPN')
      continue;
    break;
  }
  if (OWN_NOUNS.has(l) && words[k - 1]?.lower === 'the' && l === 'team') return 'first';
  return 'third';
}

/** The clauses of one sentence. */
export function clausesOf(doc: ClauseDoc, sentence: number): Clause[] {
  return doc.clauses.filter((c) => c.sentence === sentence);
}
