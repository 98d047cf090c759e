// The six apology components of Lewicki, Polin & Lount (2016), each detected with evidence spans,
// plus the facts the rules and the verdict need (compensation, prevention step, timeline, whether
// the wrong is named). Patterns are lexicons of verbs and frames scoped to a clause: a first-person
// subject, not negated, not inside an "if".
import type { Span } from '../types.ts';
import {
  AUX,
  COMPENSATION,
  CONCRETE_WRONG,
  FAULT_NOUNS,
  FAULT_VERBS,
  FIRST_PERSON_SUBJECT,
  NEUTRAL_VERBS,
  REPAIR_BASE,
  REPAIR_PAST,
  WRONG_ADVERB,
  WRONG_MARKER,
} from './lexicon.ts';
import {
  after,
  before,
  type Doc,
  findAll,
  has,
  type Hit,
  inConditional,
  negated,
  scan,
  sentenceAt,
  sentenceText,
} from './text.ts';

export type ApologyComponent = 'responsibility' | 'repair' | 'regret' | 'explanation' | 'repentance' | 'forgiveness';

/** The component names in the order they are shown. */
export const COMPONENTS: readonly ApologyComponent[] = [
  'responsibility',
  'repair',
  'regret',
  'explanation',
  'repentance',
  'forgiveness',
];

/** What the component pass learned about a text. */
export interface ComponentResult {
  components: Record<ApologyComponent, boolean>;
  evidence: Record<ApologyComponent, Span[]>;
  /** Responsibility evidence as hits (with sentence index) for scoping the rules. */
  ownership: Hit[];
  /** Every apology word ("sorry", "apologise", "regret"…) whether or not it counted as regret. */
  apologyWords: Hit[];
  /** Concrete compensation offered and not negated (credit, refund, voucher, "at no charge"). */
  compensation: Hit[];
  /** A concrete repair (not only "we'll make it right"). */
  concreteRepair: boolean;
  /** Offers of repair that name no remedy ("make it right", "we'll look into it"). */
  vagueRemedy: Hit[];
  /** A prevention step (a changed process), as opposed to a bare promise. */
  preventionStep: boolean;
  /** A date or time for the fix, or a fix already done. */
  timeline: boolean;
  /** The text says what went wrong in concrete terms. */
  namesWrong: boolean;
  /** Sentences that contain an excuse (their cause counts as an explanation). */
  excuses: Hit[];
}

const g = (source: string): RegExp => new RegExp(source, 'g');
const FPS = FIRST_PERSON_SUBJECT;

// --- responsibility ------------------------------------------------------------------------
const OWN_STATEMENT = g(
  `\\b(?:that|this|it|which|the (?:mistake|error|fault|blame|oversight|responsibility|mix-?up|miss|delay|slip))(?: one| part| bit)?(?:'s| is| was| were| lies| lay| rests| sits| falls)(?: (?:entirely|completely|all|totally|fully|solely|squarely|wholly|clearly|100%|absolutely))? (?:on me|on us|mine|ours|(?:my|our) (?:own )?(?:fault|mistake|error|bad|oversight|responsibility|doing|miss|slip|blunder|failure|lapse)|down to (?:me|us|my team|our team)|with (?:me|us|my team|our team)|on my (?:side|end|part)|on our (?:side|end|part))\\b`,
);
const OWN_POSSESSIVE = g(
  `\\b(?:my|our) (?:own )?${FAULT_NOUNS}(?! rate| message| log| handling| page| code| report)\\b`,
);
const OWN_TAKE = g(
  `\\b(?:i|we)(?:'ll| will| do| must)? (?:take|accept|bear|claim|own)(?: (?:full|complete|total|sole|all|entire|100%|personal|the))? (?:responsibility|ownership|accountability|blame)\\b`,
);
const OWN_AM = g(
  `\\b(?:i|we)(?:'m|'re| am| are| was| were)(?: (?:fully|entirely|completely|solely|totally|wholly|squarely))? (?:responsible|accountable|to blame|at fault|in the wrong)\\b`,
);
const OWN_WRONG = g(
  `\\b(?:i|we)(?: was| were) (?:wrong|careless|sloppy|negligent|remiss|late|slow|mistaken|too hasty|hasty|too slow|too late|short with you|rude|abrupt|dismissive|unprofessional)\\b`,
);
const OWN_JOB = g(
  `\\b(?:was|is|were) (?:my|our) (?:job|responsibility|call|decision|duty)\\b(?! to (?:fix|sort|make|ensure|put|get|resolve|correct))`,
);
const OWN_IT = g(
  `\\b(?:i|we) own (?:it|this|that|the (?:mistake|error|miss|slip|failure)|this (?:mistake|error)|(?:my|our) (?:mistake|error|part))\\b|\\bmy bad\\b|\\bmea culpa\\b|\\bthe buck stops with (?:me|us)\\b|\\b(?:i|we) (?:hold|put) (?:my|our) hands? up\\b|\\b(?:unprofessional|rude|careless|thoughtless|unfair|sloppy|lazy|inconsiderate|wrong) of (?:me|us)\\b|\\bno one to blame but (?:myself|ourselves|me|us)\\b|\\bit was (?:me|us) who\\b|\\b(?:careless|sloppy|thoughtless|wrong) of (?:me|us)\\b|\\b(?:there(?:'s| is)|i have|we have|that(?:'s| is)) (?:absolutely |simply |really )?no excuse\\b`,
);
/** "Sorry for my late reply", "apologies for our delay": the act apologised for is the writer's. */
const OWN_APOLOGY_FOR_MY = g(
  `\\b(?:sorry|apologi[sz]e[sd]?|apologies|apologising|apologizing|regret(?:s|ted)?) (?:\\w+ ){0,2}?(?:for|about) (?:my|our) (?!(?:customers?|clients?|users?|members?|readers?|partners?|team's|company's)\\b)(?:\\w+ ){0,2}?(?:comments?|remarks?|behaviou?r|tone|words?|reply|replies|response|message|email|outburst|delay|delays|lateness|absence|silence|oversight|conduct|actions?|handling|mistake|mistakes|error|errors|late \\w+|slow \\w+|part)\\b`,
);
const OWN_MY_CONDUCT = g(
  `\\b(?:my|our) (?:\\w+ ){0,3}?(?:was|were) (?:inappropriate|unprofessional|unacceptable|out of line|insensitive|rude|careless|wrong|thoughtless|uncalled for)\\b`,
);
const OWN_PART = g(
  `\\b(?:${FAULT_NOUNS}|miss|failure)(?: \\w+){0,2} (?:(?:was|is) )?(?:entirely |completely |clearly |squarely |all )?on (?:my|our) (?:part|end|side)\\b`,
);
const OWN_SIDE_SHOULD = g(
  `\\b(?:our|my) (?!customers?\\b|clients?\\b)\\w+ (?:really |clearly )?should(?:n't| not)? have (?!been (?:told|informed|given|sent|notified))\\w+`,
);
/** "I packed it but didn't book the courier": matched from the rare negation, the subject checked before it. */
const OWN_BUT_DIDNT = g(`\\b(?:didn't|did not|forgot to|failed to|never) \\w+`);
const BUT_AFTER_SUBJECT = /\b(?:i|we) \w+(?: \w+){0,5} (?:but|and) (?:then )?$/;
const OWN_KNOW_BETTER = g(`\\b(?:i|we) should (?:have known|know) better\\b`);
const OWN_SHOULD_BARE = g(`\\b(?:i|we) (?:really |clearly )?should(?:n't| not)? have(?= *[.,;!?)]| *$)`);
const OWN_SHOULD = g(
  `\\b(?:${FPS}|and|but|which)(?: really| clearly| definitely| certainly| absolutely| obviously)? should(?:n't| not)? have (?!been (?:told|informed|given|sent|notified|warned|asked|consulted|included|copied|cc))\\w+`,
);
const OWN_FAULT_VERB = g(`\\b${FPS}${AUX} ${FAULT_VERBS}\\b`);
const OWN_NEUTRAL_VERB = g(`\\b${FPS}${AUX} ${NEUTRAL_VERBS}\\b`);
const OWN_BY_ME = g(
  `\\b(?:was|were|has been|have been|had been|got) (?:\\w+ ){0,3}?(?:[-,]\\s*)?by (?:me|us|myself|ourselves|my team|our team)\\b`,
);
const FAULT_GERUND =
  '(?:forgetting|missing|misspelling|misspelt|losing|deleting|overlooking|mixing up|double-?booking|over-?charging|under-?charging|failing|not \\\\w+ing|being (?:late|slow|careless)|breaking|misreading|misunderstanding|misquoting|mislabel(?:l)?ing|leaving (?:\\\\w+ ){0,3}(?:out|off)|ignoring|neglecting|dropping the ball|messing (?:up|this up)|letting (?:you|this|it) (?:down|slip))';
const NEUTRAL_GERUND =
  '(?:sending|giving|quoting|billing|charging|invoicing|printing|booking|scheduling|using|attaching|sharing|uploading|publishing|posting|entering|typing|writing|putting|copying|adding|including|listing|addressing|emailing|shipping|delivering|applying|setting|linking|labell?ing|spelling|calculating|submitting|ordering|showing|launching|releasing|deploying|pushing|changing|removing|processing|issuing|forwarding|telling|calling)';
const OWN_GERUND = g(
  `\\b(?:sorry|apologi[sz]e[sd]?|apologies|apologising|apologizing|regret(?:s|ted)?)(?: \\w+){0,2}? (?:for |about )?(?:my |our )?(?:(${FAULT_GERUND})|(${NEUTRAL_GERUND}))\\b`,
);
const GERUND_SCAN = OWN_GERUND;
const NOT_CLEANUP =
  /^ (?:for|of) (?:fixing|resolving|sorting|making|getting|ensuring|the fix|following|cleaning|handling|the follow|the clean|the next|the resolution|putting|correcting|rectifying|sorting|seeing|this going forward|the recovery|the remedy|making sure)/;
const WRONG_MARKER_RE = new RegExp(`\\b${WRONG_MARKER}\\b`);
const WRONG_ADVERB_RE = new RegExp(`\\b${WRONG_ADVERB}\\b`);
const CLAUSE_BREAK = /[,;:()]|\s(?:but|and then|so|which|because|although|though)\s/;

/** The words after a hit up to the next clause break (at most 90 characters). */
function clauseAfter(doc: Doc, hit: Hit): string {
  const rest = after(doc, hit).slice(0, 90);
  const m = CLAUSE_BREAK.exec(rest);
  return m ? rest.slice(0, m.index) : rest;
}

function responsibilityHits(doc: Doc): Hit[] {
  const hits: Hit[] = [];
  const keep = (list: Hit[], test: (h: Hit) => boolean = () => true): void => {
    for (const h of list) if (!inConditional(doc, h) && !negated(doc, h) && test(h)) hits.push(h);
  };
  keep(findAll(doc, OWN_STATEMENT));
  keep(findAll(doc, OWN_POSSESSIVE), (h) => !/\b(?:any|some|if|possible|potential)\s+$/.test(before(doc, h)));
  keep(findAll(doc, OWN_TAKE), (h) => !NOT_CLEANUP.test(after(doc, h)));
  keep(findAll(doc, OWN_AM), (h) => !NOT_CLEANUP.test(after(doc, h)));
  keep(findAll(doc, OWN_WRONG));
  keep(findAll(doc, OWN_JOB));
  keep(findAll(doc, OWN_APOLOGY_FOR_MY));
  keep(findAll(doc, OWN_MY_CONDUCT));
  keep(findAll(doc, OWN_IT));
  keep(findAll(doc, OWN_PART), (h) => !/\b(?:any|if)\s+$/.test(before(doc, h)));
  keep(
    findAll(doc, OWN_SHOULD),
    (h) => /^(?:i|we|my|our)\b/.test(doc.lc.slice(h.start, h.end)) || /\b(?:i|we)\b/.test(before(doc, h)),
  );
  keep(findAll(doc, OWN_FAULT_VERB), (h) => {
    // "we did not check" is an admission; "we did not send the wrong file" is a denial.
    const text = doc.lc.slice(h.start, h.end);
    if (/(?:did not|didn't|never) /.test(text) && WRONG_MARKER_RE.test(clauseAfter(doc, h))) return false;
    // "we lost no data" is good news, not an admission.
    return !/^\s*(?:no|nothing|none|zero|any)\b/.test(after(doc, h));
  });
  keep(
    findAll(doc, OWN_NEUTRAL_VERB),
    (h) =>
      // "Jake on our team sent…" names a colleague, not the writer.
      !/\b(?:on|in|from|of|at|with)\s+$/.test(before(doc, h)) &&
      (WRONG_ADVERB_RE.test(doc.lc.slice(h.start, h.end)) ||
        WRONG_MARKER_RE.test(clauseAfter(doc, h)) ||
        // "I wrote 'Dr Ali'; it should have been 'Prof Ali'"
        /^[^.!?]{0,80}\b(?:it|that|this|they|which) should have been\b/.test(after(doc, h))),
  );
  keep(findAll(doc, OWN_BY_ME));
  keep(findAll(doc, OWN_SHOULD_BARE));
  keep(findAll(doc, OWN_KNOW_BETTER));
  keep(findAll(doc, OWN_SIDE_SHOULD));
  keep(
    findAll(doc, OWN_BUT_DIDNT),
    (h) => BUT_AFTER_SUBJECT.test(before(doc, h)) && !WRONG_MARKER_RE.test(clauseAfter(doc, h)),
  );
  for (const m of scan(doc, GERUND_SCAN)) {
    const h: Hit = { start: m.index, end: m.index + m[0].length, sentence: sentenceAt(doc, m.index) };
    if (inConditional(doc, h)) continue;
    // A neutral act ("sorry for sending…") is an admission only with a marker of the wrong.
    if (m[2] !== undefined && !WRONG_MARKER_RE.test(clauseAfter(doc, h))) continue;
    hits.push(h);
  }
  return hits;
}

// --- repair --------------------------------------------------------------------------------
const WILL = `(?:'ll| will| shall| am going to| are going to|'m going to|'re going to| can| could| would like to|'d like to| want to| plan to| intend to| have arranged to|'ve arranged to| are happy to|'re happy to| am happy to|'m happy to| would be happy to|'d be happy to| would love to|'d love to| are| am|'m|'re| offer to| have asked| promise to)`;
const REPAIR_FUTURE = g(
  `\\b(?:(?:${FPS}|let me|let us|allow me to|allow us to|happy to)${WILL}?|and${WILL})(?: (?:also|now|immediately|personally|happily|gladly|of course|today|right away|promptly|quickly|then|be|already|currently|first|like to|going to|to|get))* (?:${REPAIR_BASE}|fixing|correcting|redoing|refunding|crediting|replacing|restoring|reprinting|rebooking|reissuing|re-?sending|covering|waiving|updating|amending|revising|re-?running|rebuilding|re-?doing|re-?scheduling|reversing|cancel(?:l)?ing|removing|recovering|rectifying|working on (?:a |the )?(?:fix|correct|corrected|revised|replacement|new))\\b`,
);
const REPAIR_DONE = g(
  `\\b${FPS}${AUX}(?: now| already| since| just)? (?:${REPAIR_PAST}|\\w+ed (?:you |over |across )?(?:the|a|an|your) (?:correct(?:ed)?|right|revised|updated|fixed|replacement|proper|accurate|final|new)\\b)\\b`,
);
const REPAIR_PASSIVE = g(
  `\\b(?:is|are|(?<=')s|(?<=')re|has(?: now| since| already| just)? been|have(?: now| since| already| just)? been|was|were|(?<=')s been|will be|(?<=')ll be|should be|now)(?: now| already| since| fully| all| completely| just| been)* (?:withdrawn|recalled|reset|re-?opened|rolled back|fixed|corrected|resolved|restored|refunded|credited|reissued|re-?issued|re-?sent|replaced|reversed|voided|updated|amended|back up|back online|live again|working again|sorted|rectified|reprinted|rebooked|re-?done|reimbursed|waived|renewed|redirected|rerouted|reactivated|re-?enabled|unblocked|reinstated|recovered)\\b`,
);
const REPAIR_ATTACHED = g(
  `\\b(?:please find|find|attached (?:is|are)|here is|here's|here are|enclosed (?:is|are)|i've attached|we've attached|i have attached|we have attached|i attach|we attach|i'm attaching|we're attaching|attaching|below is|below are)(?: (?:\\w+))?(?: (?:\\w+))? (?:the |a |an |your )?(?:correct(?:ed)?|revised|updated|new|right|fixed|amended|accurate|final|replacement|proper|reissued)\\b|\\b(?:the|a|an|your) (?:correct(?:ed)?|revised|updated|amended|fixed|replacement|reissued|right) (?:\\w+ ){0,3}(?:is|are|has been|have been|was|were)(?: now)? (?:attached|on (?:its|their) way|ready|live|up|in your inbox|below|enclosed|with you|uploaded|sent|going out|printing|being printed)\\b`,
);
const REPAIR_DELIVERY = g(
  `\\b(?:you'll have|you will have|you'll get|you will get|you'll receive|you will receive)\\b|\\b(?:will|(?<=')ll|should) be (?:with (?:you|the \\w+|your \\w+)|in your (?:inbox|hands|folder|shared folder)|back (?:up|online))\\b|\\b(?:asked|told|got) (?:them|him|her|the \\w+) to (?:delete|remove|destroy|disregard|ignore|return|shred)\\b|\\b(?:can|could|shall) we (?:talk|meet|speak|reschedule|rebook|catch up)\\b[^.?!]{0,40}\\binstead\\b|\\b(?:getting|sending|arranging|organi[sz]ing|shipping) (?:you )?(?:a|the|your) (?:replacement|refund|new (?:one|copy|set)|corrected|correct)\\b|\\b(?:confirmed|ensured|verified|made sure)(?: \\w+){0,5}? (?:that )?(?:the|it|they|all|your) (?:\\w+ )?(?:has|have|had|was|were) (?:been )?(?:deleted|removed|taken down|destroyed|recalled|withdrawn|fixed|corrected)\\b|\\b(?:i'll|i will|we'll|we will) (?:have (?:it|this|that|them|everything|the \\w+) (?:sorted|fixed|corrected|done|ready|redone|updated|replaced))\\b`,
);
const REPAIR_NEW_THING = g(
  `\\b(?:other|new|corrected|correct|replacement|revised|fresh|updated|right|remaining|reprinted|amended|fixed|correction|second|missing|outstanding|owed|unpaid) (?:\\w+ ){0,5}?(?:will be|are being|is being|have been|has been|was|were|are|is|go|goes|went|leave|leaves|ship|ships|shipped|are going|is going|will go|will arrive|arrive|arrives|may arrive|should arrive|will reach|are on|is on)(?: now| already| also| all)? (?:\\w+ed|sent|made|paid|on (?:its|their|the) way|attached|below|here|out|to|today|tomorrow|with you|you|in the post|in your|ready|printed|being|before|by|on|this|next)\\b|\\b(?:correct(?:ed)?|right|revised|updated|fixed|new|final|replacement) (?:\\w+ ){0,2}?(?:is |are )?(?:now )?(?:attached|below|enclosed)\\b|\\b(?:it's|it is|they're|they are|this is|that is) (?:now )?attached\\b|\\b(?:is|are) (?:now )?(?:answered|addressed|covered) below\\b|\\bhere it is\\b`,
);
/** More ways a fix is reported or promised ("signed copy attached now", "the site will go live on Friday"). */
const REPAIR_MORE = g(
  `\\b(?:attached now|now attached)\\b|\\ball (?:sorted|fixed|done|resolved|corrected)(?: now)?\\b|\\b(?:sorted|fixed|resolved) now\\b|(?<=(?:^|[.!?]\\s+|\\n|[-\\u2014] ))(?:fixed|corrected|updated|sorted|resent|re-sent|refunded|replaced) (?=in|on|now|and|too|already)|\\b(?:i|we)(?:'ll| will) (?:send|deliver|get|email|post) (?:you )?(?:the|your) \\w+(?: \\w+)? (?:today|tonight|tomorrow|by|on (?:monday|tuesday|wednesday|thursday|friday)|first thing|this (?:morning|afternoon|evening))\\b|(?<=\\n[ \\t]*[-*\\u2022][ \\t]*)(?:re-?\\w+|fixed|corrected|refunded|credited|replaced|restored|emailed|sent|called|updated|reissued|resent|removed|reversed|cancell?ed|asked|arranged|issued|booked|moved)\\b|\\b(?:it|they|this|that|everything)'ll be (?:ready|live|done|finished|back|with you)\\b|\\bwill (?:go live|be live|be ready|be finished|be complete|be done|be back)\\b|\\b(?:they're|they are|it's|it is) on (?:the|its|their) (?:way|van|truck|lorry)\\b|\\b(?:will )?arrives? (?:today|tomorrow|by|on|before|first thing|this|early)\\b|\\b(?:the )?answers? (?:is|are) below\\b|\\b(?:corrected|revised|updated|replacement|fixed|amended|reprinted|reissued) (?:\\w+ ){0,2}(?:is|are) (?:now )?(?:in|on|at|with|ready|live|up)\\b|\\bre-?(?:label(?:l)?ed|printed|issued|sent|booked|done|shipped|delivered|uploaded|published|submitted|run|calculated|generated|exported|rendered|designed|drafted|written|recorded|shot|made|built) (?:\\w+ ){0,2}(?:go|goes|will|are|is|ship|ships|went|arrive|arrives|have|has)\\b|\\b(?:i|we)(?:'ve| have) now (?!(?:realised|realized|learned|learnt|added|introduced|set|put|built|created|changed|updated|moved|switched|started|implemented|adopted|automated|made|required|scheduled|assigned|trained|documented)\\b)\\w+ed (?:it|them|this|that|the|your)\\b`,
);
const REPAIR_PERFECT = g(
  `\\b(?<!(?:could|would|should|might|may|must) )(?:has|have|had)(?: now| already| just| since)? ${REPAIR_PAST}\\b`,
);
const VAGUE_REPAIR = g(
  `\\b(?:make (?:it|this|that|things) (?:right|up to you)|make amends|make good on (?:this|it)|do (?:whatever|everything|all) (?:it takes|we can|i can|in (?:my|our) power))\\b`,
);
const VAGUE_REMEDY = g(
  `\\b(?:i|we)(?:'ll| will| are going to|'re going to|'m going to| am going to| shall| are| am|'re|'m)(?: [\\w-]+){0,3}? (?:look(?:ing)? into|look(?:ing)? at (?:it|this|that|the matter|what happened)|get to the bottom of (?:it|this|that)|investigat(?:e|ing)|tak(?:e|ing) a look|check(?:ing)? (?:on|into) (?:it|this)|see (?:what (?:we|i) can do|about)|get back to you|review(?:ing)? (?:it|this|the matter|things|the situation)|sort (?:something|things) out|handl(?:e|ing) (?:it|this)|deal(?:ing)? with (?:it|this)|address(?:ing)? (?:it|this|the issue|the problem|your concerns?|the matter)|take care of (?:it|this|that)|tr(?:y|ying) (?:to|our best|my best)|do (?:our|my) best|keep you (?:posted|updated|informed))\\b|\\b(?:working|looking)(?: hard| closely| diligently| urgently)? (?:to (?:resolve|fix|address|sort|rectify)|on (?:a fix|a solution|it|this|the issue|the problem|a resolution))\\b|\\btak(?:e|ing) (?:this|the matter|this matter|your feedback|it) (?:very )?seriously\\b|\\b(?:are|is) (?:currently |still )?investigating\\b|\\b(?:share|send|provide|give) (?:you )?(?:an|more|further) (?:update|information|details)s?\\b`,
);
const COMPENSATION_RE = g(`\\b${COMPENSATION}\\b`);
const COMP_NEGATED =
  /(?:\b(?:not|no|never|unable|cannot|without|forgot|forgotten|missed|omitted|failed|left)|n't)\b(?:\s+\S+){0,4}\s*$/;
/** "The discount wasn't applied": the compensation word names the mistake. */
const COMP_NOT_GIVEN =
  /^\s*(?:\S+\s+){0,2}?(?:wasn't|was not|weren't|were not|hasn't been|haven't been|isn't|didn't|never|was missing|is missing)\b/;
const ONGOING_REPAIR = g(
  `\\b(?:i'm|i am|we're|we are)(?: already| now| currently)? (?:working on|fixing|correcting|redoing|re-?doing|reprinting|rebuilding|restoring|rebooking|preparing|re-?running|re-?issuing|re-?sending) (?:a |the |your |it\\b|this\\b|that\\b)`,
);

// --- regret --------------------------------------------------------------------------------
const APOLOGY_WORD = g(
  `\\b(?:sorry|apologi[sz](?:e[sd]?|ing)|apolog(?:y|ies)|regret(?:s|ted|ful|fully|table)?|remorse(?:ful)?)\\b|\\bhow (?:bad|terrible|awful|dreadful|sorry|guilty) (?:i|we) (?:feel|felt)\\b|\\b(?:i|we) (?:feel|felt) (?:so |really |very |truly |just )?(?:terrible|awful|horrible|bad|dreadful|sick|gutted)(?= about| that| for|\\.|,| to)|\\b(?:i'm|i am|we're|we are|i was|we were|i feel|i felt) (?:so |really |very |truly |deeply |thoroughly )?(?:mortified|embarrassed|ashamed)\\b`,
);
/** Uses of an apology word that are not regret for the act. */
const NOT_REGRET_AFTER =
  /^(?:,)?\s*(?:(?:(?:for|about) )?(?:any|the|your) (?:frustration|upset|disappointment|distress|annoyance|anxiety|worry|stress)\b|(?:that )?(?:the|your|our|this|it) (?:\w+ ){0,2}(?:wasn't|weren't|was not|were not|didn't|did not) (?:what you|meet your|live up|to your)|to (?:hear|bother|trouble|disturb|chase|nag|pester|interrupt|say goodbye|see)\b|if\b|(?:that )?(?:you|some of you|anyone)(?: may| might)?(?:'re| are| were| feel| felt| think| thought| see| saw| took| take| found| find| perceived| perceive| believe| had a)\b|to (?:inform|say|tell|announce|advise|report|confirm|let you know)\b|to (?:anyone|those|whoever|everyone)\b)/;
const NOT_REGRET_BEFORE =
  /\b(?:no|not|don't|never|no need to|no need for|nothing to|without|won't|will not|need not|needn't)\s+(?:\w+\s+)?$/;

// --- forgiveness ---------------------------------------------------------------------------
const FORGIVENESS = g(
  `\\b(?:please |kindly )?forgive (?:me|us|my|our|the|this)\\b|\\bforgiveness\\b|\\b(?:hope|ask|asking|beg|request)(?: that)?(?: you)?(?: can| will| could|'ll| might| would| may)? (?:forgive|pardon)\\b|\\b(?:another|a second|one more|a fresh) chance\\b|\\b(?:earn(?:ing)?|win(?:ning)?|rebuild(?:ing)?|regain(?:ing)?|restor(?:e|ing)|keep(?:ing)?|re-?earn(?:ing)?|retain(?:ing)?|deserve|repair(?:ing)?|merit|win back|earn back) (?:back )?(?:your|the) (?:trust|confidence|faith)\\b|\\b(?:trust|confidence|faith) (?:in (?:me|us) )?back\\b|\\bhope (?:you(?:'ll| will| can| could)? )?(?:accept|can accept) (?:my|our|this) apolog|\\bhope (?:this|it) (?:won't|doesn't|does not|will not) (?:damage|affect|harm|change|hurt|sour) (?:our|the|your) (?:relationship|partnership|working relationship|trust)\\b|\\bplease (?:pardon|excuse) (?:me|us|my|our|the)\\b|\\bhope (?:you(?:'ll| will| can| could)? )?(?:still |continue to )?trust (?:me|us)\\b|\\bgive (?:me|us) (?:the|a|another|one more) chance\\b|\\blet (?:this|it|that)(?: one)? (?:go|slide)\\b|\\bhope (?:we|you) can (?:move (?:past|on from|forward from)|put) (?:this|it)\\b|\\b(?:another|the|an) (?:chance|opportunity) to (?:earn|regain|win back|rebuild|restore|make (?:this|it|things) right|prove (?:ourselves|myself))\\b`,
);

// --- explanation ---------------------------------------------------------------------------
const EXPLANATION = g(
  `\\b(?:because|due to|owing to|caused by|(?:was|were) (?:triggered|caused|introduced) by|the (?:root )?(?:cause|reason)(?: for (?:this|the \\w+|it)| of (?:this|it)| behind (?:this|it))? (?:was|is|were)|(?:this|it|that|the \\w+) happened (?:because|when|after|as|since)|what happened (?:was|is)|it turned out|turned out (?:that|to be)|it turns out|stemmed from|came from|traced (?:it |this |the \\w+ )?(?:back )?to|the (?:problem|issue|error|mistake|bug|fault) (?:was|is) (?:that|in|with|a)|resulted from|as a result of|the culprit|was down to|is down to|comes down to|came down to|(?:arose|occurred|happened|started|began) (?:when|because|after)|(?:the )?(?:issue|problem|error|fault|outage|delay) (?:arose|occurred|was triggered) (?:when|because|after|by))\\b`,
);
const EXPLAIN_PAST_PERFECT = g(
  `\\b(?:i|we)(?:'d| had) (?!(?:agreed|promised|planned|hoped|asked|been asked|said|told you|discussed|arranged|offered)\\b)(?:\\w+ )?(?:\\w{2,}ed|\\w+en|sent|left|kept|built|set|put|read|made|taken|forgotten|done|spent|got|brought|written|misread|misunderstood|mixed|assumed|thought|saved|copied|used)\\b`,
);
const EXPLAIN_HOW = g(
  `\\b(?:instead of|rather than) \\w+ing\\b|\\bwithout (?:first |properly |ever |actually )?(?:checking|testing|comparing|reviewing|confirming|asking|verifying|proofreading|double-checking|reading|looking|updating|re-?running|running|noticing|realising|realizing)\\b|\\bwithout (?:a|any|the) (?:\\w+ )?(?:test|check|review|proofread|filter|approval|sign-off|safeguard)\\b|\\bfrom (?:the |an? |our |my |your )?(?:old|previous|preliminary|draft|wrong|outdated|earlier|early|original|first|last (?:year|month|week|quarter)'s)\\b|\\b(?:i|we) (?:read|took|understood|interpreted|heard|saw) (?:\\W?[\\w']+\\W?\\s){1,5}as\\b|\\b(?:i|we) (?:used|picked|selected|chose|grabbed|copied|pulled|took|applied|loaded) (?:the |an? |our |my )?(?:old|outdated|previous|draft|preliminary|earlier|original|wrong|last (?:year|month|week)'s)\\b|\\b(?:i|we) had (?:\\w+ ){1,3}wrong\\b|\\bby hand\\b|\\b(?:which|that|this) (?:is|was|'s) why\\b|\\bthat's why\\b|\\bwhich (?:caused|meant|held|led to|resulted in|is what)\\b|(?<=, )so (?:the|your|our) \\w+(?: \\w+)? (?:went|came|got|was|were|didn't|did not|don't|doesn't|had|missed|showed)\\b|\\b(?:i|we) (?:underestimated|overestimated|misjudged|miscounted)\\b|\\b(?:i|we) (?:misread|misheard|misunderstood) (?:\\w+ ){1,3}and\\b|\\bstill (?:had|pointed|showed|used|contained|listed|referenced|linked|carried|held)\\b|\\b(?:the|your|our) (?:brief|specs?|specification|requirements?|scope|plan|timeline|schedule|date|dates|figures|numbers|data) (?:changed|shifted|moved|grew|expanded)\\b`,
);
const EXPLAIN_WHEN = g(
  `\\b(?:when|while|after) (?:i|we) (?:was |were |had )?(?!(?:sorted|fixed|resolved|investigated|looked|worked|dealt|handled|corrected|restored|fixing|sorting|resolving|investigating|looking|working|dealing|handling|correcting|restoring)\\b)(?:\\w{3,}ed|\\w+ing|sent|set|ran|built|put|copied|moved|pulled|made)\\b(?! you)`,
);
const EXPLAIN_MISTOOK = g(
  `\\b(?:i|we) (?:mistook|confused|mixed up|misread|misheard|misunderstood|assumed|thought|took) (?:\\S+ ){0,8}(?:for|with|meant|was|were|would|as)\\b|\\b(?:that|which) caused (?:it|this|the \\w+)\\b|\\bthe (?:bug|error|glitch|fault|setting|rule|script|template) that (?:let|made|caused|sent|kept|allowed|put|dropped)\\b|\\b(?:i|we) (?:was|were) (?:frustrated|stressed|tired|distracted|rushing|in a rush|annoyed|upset) (?:with|about|by|because)\\b|\\bduring (?:a|the|our|your) (?:\\w+ )?(?:update|migration|upgrade|move|transfer|import|sync|maintenance|deploy(?:ment)?|rebuild|redesign|switchover|handover)\\b`,
);
const EXPLAIN_TECH = g(
  `\\b(?:the|our|my) (?:template|spreadsheet|script|form|filter|macro|automation|export|import|integration|sync|formula|setting|settings|field|database|merge field|mail merge|autocomplete|auto-?fill|default|cache|config(?:uration)?|feed|rule|calendar invite|booking system|report|query|update|migration|plugin|theme|system|software|tool|platform|app|process|checkout|till|sync)s? (?:still |kept |had |(?:was|were) (?:still |set |configured |pointing |using |missing |broken |outdated |out of date |wrong |cached |left )|used |pulled |picked |didn't |did not |defaulted |showed |contained |kept |wasn't |was not |overwrote |reverted |duplicated |had been |hadn't |hasn't |skipped |dropped |mapped |referenced |pointed )`,
);

// --- repentance ----------------------------------------------------------------------------
const REPENT_PROMISE = g(
  `\\b(?:(?:this|it|that|the same (?:\\w+ )?(?:mistake|error|thing|problem))(?: will|'ll)? (?:won't|will not|will never|shall not|should not|shouldn't|can't|cannot|never|isn't going to|is not going to) (?:ever )?(?:happen|occur|recur|be repeated|repeat)(?: again)?|(?:won't|will not|never) (?:let (?:this|it|that) )?happen again|(?:make sure|ensure|ensuring|making sure|to ensure|to make sure|guarantee)(?: that)? (?:this|it|that|the same|nothing like this|a mistake like this|a repeat|no)(?: \\w+){0,5} (?:doesn't|does not|won't|will not|never|can't|cannot|isn't|is not|can never)(?: \\w+){0,2} (?:happen|occur|recur|repeat|again|be repeated)|(?:to |so as to |in order to |help |helps )?(?:prevent|avoid|stop)(?:s|ing)? (?:this|it|that|a repeat|a recurrence|repeats|recurrence|the same|similar|future|any future|further|a repetition|it from|this from|that from)|(?:won't|will not|never) (?:make|repeat) (?:this|that|the same) (?:mistake|error)(?: again)?|(?:i|we)(?:'ll| will| are going to|'re going to|'m going to)(?: \\w+)? (?:be )?(?:more careful|more thorough|more vigilant|more diligent|do better|learn from)|lessons? (?:learned|learnt)|never again|so (?:that )?(?:this|it|nothing|no \\w+)(?: \\w+){0,5} (?:again|twice))\\b`,
);
const STEP_VERBS =
  '(?:added|introduced|put in place|put|set up|set|built|strengthened|improved|revised|overhauled|retrained|reinforced|created|implemented|started|changed|updated|adopted|automated|switched|moved|installed|made|instituted|scheduled|assigned|required?|introduce|add|implement|create|build|set up|change|adopt|automate|switch|institute|reviewed|audited|retrained|trained|documented|rewritten|rewrote|redesigned|tightened|locked|blocked|fixed the|update|lock|block|tighten|enforce|enforced|configured|turned on|enabled|reorganised|reorganized|split|brought in|hired|booked)';
const STEP_NOUNS =
  '(?:records?|(?:spelling|check|style|contact|word|block|allow|exclusion) list|checker|spell-?check|dictionary|filters?|settings?|checks?|checklists?|steps?|reviews?|process(?:es)?|procedures?|safeguards?|second (?:pair of eyes|person|check|review|reader)|validations?|verifications?|tests?|sign-?offs?|approvals?|alerts?|alarms?|reminders?|rules?|locks?|guards?|controls?|fields?|templates?|workflows?|audits?|training|peer reviews?|qa|quality checks?|proof(?:ing|reading)?|double-?checks?|rota|handover|calendar|monitoring|backups?|permissions?|limits?|warnings?|read-?back|cross-?checks?|automation|policy|policies|script)';
const PREVENT_STEP = g(
  `\\b(?:${FPS}|i've|we've)(?:'ve| have| has)?(?: now| since| also| already| just| today| this week)? ${STEP_VERBS}\\b[^.!?\\n]{0,70}?\\b${STEP_NOUNS}\\b|\\b(?:from now on|going forward|in future(?=[,.;]| i | we )|in the future(?=[,.;]| i | we )|moving forward|from today|henceforth|next time|from this (?:week|month|point) on)\\b[^.!?\\n]{0,90}?\\b(?:i|we|every|each|all|nothing|no \\w+|a second|two people|someone)\\b|\\b(?:i|we)(?:'ll| will) [^.!?\\n]{0,90}?(?:from now on|going forward|in future|moving forward|from today)\\b|\\b(?:i|we)(?:'ll| will)? (?:now )?always (?:\\w+)\\b|\\b(?:i|we) now (?:always |also )?\\w+ (?:every|each|all|both|the client's|your|any)\\b|\\b(?:the|our|my) (?:\\w+ ){0,2}now (?:asks|checks|requires|blocks|warns|flags|fills|shows|uses|needs|prompts|runs|pulls|locks|compares|validates|refuses|stops|includes|sends)\\b|\\bnow (?:needs?|requires?|go(?:es)? through|gets?|has|have|includes?|ends? with|starts? with|must (?:have|get|pass)) (?:an? )?(?:[\\w']+ ){0,3}${STEP_NOUNS}\\b|\\b(?:every|each|all) (?:\\w+ ){0,3}now (?:go|goes|get|gets|need|needs|require|requires|must|pass|passes|run|runs|end|ends|start|starts|include|includes|has|have)\\b|\\b(?:i|we)(?:'ll| will)(?: now| always| from now on| also)? (?:always |now |personally |also )?(?:double-?check|triple-?check|check|verify|confirm|proofread|proof|test|review|read back|compare|cross-check|run|get|have|ask|send)\\b[^.!?\\n]{0,60}?\\b(?:before|every|each|against|prior to|ahead of|sign(?:s|ed)? off|second)\\b|\\b(?:every|each|all) (?:\\w+ ){0,3}(?:now |will |must |then )?(?:goes?|go|gets?|is|are|will be|now be|must be|needs to be|need to be)(?: \\w+){0,2} (?:checked|reviewed|verified|proofread|tested|approved|signed off|double-checked|compared|confirmed|read back|reconciled|validated|matched|generated|locked|filled|cross-checked)\\b|\\b(?:a|an) (?:new |extra |additional |second |mandatory |automated |automatic |required |formal )(?:check|checklist|step|review|sign-?off|approval|safeguard|test|validation|reminder|alert|rule|lock|verification|process|control)\\b|\\b(?:i|we) now (?:check|verify|confirm|require|run|use|have|keep|send|compare|review|proofread|test|double-check|read|get|ask|book|set|lock|reconcile|schedule|put|include|add|name|label|copy|save|fill|match|back up|scan|store)\\b|\\b(?:i|we) now [^.!?\\n]{0,40}?\\bbefore (?:any|every|each|sending|publishing|printing|booking|invoicing)\\b|\\b(?:i|we)(?:'ve| have) (?:now |since )\\w+ed (?:every|each|all|any)\\b`,
);

/** More prevention steps: a habit now in place ("I now paste names from the record", "renewals now run early"). */
const PREVENT_MORE = g(
  `\\b(?:i|we) now (?!(?:realise|realize|understand|see|know|think|believe|feel|hope|wish|want|owe|regret|apologi[sz]e|have to|need to|can|will|are|am|is|do)\\b)[a-z]{3,}\\b|\\b(?:is|are) now (?:\\w+ed|required|mandatory|automatic|compulsory)\\b[^.!?\\n]{0,40}?\\b(?:every|each|before|whenever|any|always|automatically|until|the moment|as soon as|on arrival|each time)\\b|\\b(?:i|we) (?:always |now |also |personally )?(?:check|test|review|verify|proofread|compare|confirm|copy|paste|double-check|cross-check)\\b[^.!?\\n]{0,60}?\\b(?:before|every|each|against)\\b|\\b(?:from now on|going forward|from today|moving forward)\\b,? (?:the|our|my|your) (?:\\w+ ){0,2}(?:receives|gets|goes|checks|reviews|signs|approves|sees|uses|needs|requires|runs|includes|has|only)\\b|\\bso (?:that )?(?:\\w+ ){0,4}(?:can't|cannot|can no longer|will no longer|won't) be\\b|\\b(?:asked|told|instructed|briefed|trained) (?:our|my|the) (?:\\w+ ){0,2}(?:team|staff|colleagues|department|office|engineers|drivers) to (?:check|verify|confirm|review|compare|double-check|read back)\\b|\\bfixed the (?:bug|error|fault|setting|rule|template|script|form|filter) that (?:let|caused|made|allowed|sent|kept|put|dropped)\\b|\\b(?:i|we)(?:'ll| will) (?:make sure to |be sure to |always )?\\w+ [^.!?\\n]{0,50}?\\bfrom here on\\b|\\band (?:have |'ve )?(?:now )?(?:added|introduced|set up|set|put in place|built|created|implemented|enabled|turned on) (?:a|an) (?:\\w+ ){0,3}(?:check|checklist|step|review|sign-?off|approval|safeguard|test|validation|reminder|alert|rule|lock|verification|control)\\b|\\b(?:i|we) (?!(?:apologi[sz]e|am|are|was|were|hope|want|promise)\\b)[a-z]+ [^.!?\\n]{0,60}?\\b(?:from now on|going forward|from today on)\\b`,
);
/**
 * "Renewals now run early", "our staff now check the tariff": a habit of the writer's side. Matched
 * from the rare word "now"; the subject (a plural noun, or "the/our/my …") is checked before it.
 */
const PREVENT_NOW = g(
  `\\bnow (?:go|get|run|need|require|pass|check|come|include|land|flow|start|trigger|sync|have|use|send|block|flag|show|ask|update|review|confirm|read|keep|sign|approve|verify|compare|test)\\b`,
);
const NOW_SUBJECT =
  /(?:\b(?:the|our|my) (?:\S+ ){0,2}|\b(?!(?:this|is|was|has|its|us|always|thanks|yes|perhaps)\b)[a-z]{3,}s )$/;
/** A promise of more care is not a changed process. */
const VAGUE_STEP =
  /\b(?:be (?:more|extra) (?:careful|thorough|vigilant|diligent|attentive)|do better|try harder|pay (?:more|closer) attention|be better)\b/;

// --- timeline ------------------------------------------------------------------------------
const WEEKDAY =
  '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)';
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*';
const NUMBER =
  '(?:\\d+|an?|one|two|three|four|five|six|seven|ten|twelve|twenty-four|forty-eight|a few|a couple of|the next|the)';
const TIME_EXPR = g(
  `\\b(?:today|tonight|tomorrow|this (?:morning|afternoon|evening|week|weekend|month)|(?:by |before )?(?:the )?(?:end|close) of (?:the )?(?:day|week|business|today|tomorrow|month)|eod|cob|eow|(?:by|before|on|until|this|next|from|first thing|early) ${WEEKDAY}|${WEEKDAY}(?: (?:morning|afternoon|evening|noon))?|next week|within (?:the )?(?:next )?${NUMBER}(?: business| working)? (?:minutes?|hours?|days?|weeks?|hrs?|mins?)|within the hour|in the next (?:\\d+ |few |couple of |two |24 |48 )?(?:minutes|hours|days|weeks)|in (?:\\d+|two|three|an?) (?:minutes?|hours?|days?)|(?:by|before|at|around|until) \\d{1,2}(?:[:.]\\d{2})? ?(?:am|pm|a\\.m|p\\.m)?|\\d{1,2}(?::\\d{2})? ?(?:am|pm)|by (?:noon|midday|midnight|the morning|the afternoon|lunch(?:time)?|close)|${MONTH} \\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}(?:st|nd|rd|th)? (?:of )?${MONTH}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?|right away|immediately|straight away|right now|as we speak|already)\\b`,
);
const FUTURE_OR_FIX =
  /\b(?:will|'ll|shall|going to|instead|can we|shall we|could we|expect|scheduled|should (?:arrive|be|reach|land)|arrives?|lands?|(?<!(?:caused|affected|hit|triggered|disrupted|made|delayed) )by|before|until|is being|are being|back up|fixed|corrected|resent|re-sent|reissued|credited|refunded|restored|live|on its way|ready|sent|attached|done)\b/;
const PAST_TIME = /\b(?:last|ago|yesterday|earlier|previous|on (?:the )?)\s*$/;

// --- excuses (also count as a stated cause) ----------------------------------------------
/** Excuses that state a cause: workload, volume, illness, holidays, weather, a tight deadline. */
export const EXCUSE_CAUSE = g(
  `\\b(?:(?:i|we)(?:'ve| have)? been (?:so |very |extremely |incredibly |really |completely |absolutely |just )?(?:swamped|slammed|overwhelmed|snowed under|buried|inundated|stretched(?: thin)?|flat out|run off (?:my|our) feet|up to (?:my|our) (?:eyes|ears|neck)|short-?staffed|understaffed|short-?handed|under (?:a lot of |huge |so much |enormous )?pressure|juggling)|(?:i|we)(?:'ve| have|'re| are|'m| am| was| were)(?: been)?(?: so| very| extremely| incredibly| really| quite| rather| crazy| super| insanely)? busy(?! (?:fixing|correcting|working on (?:it|this|the fix)|making))|(?:a |it's been a |it has been a |it was a |what a )?(?:busy|hectic|crazy|mad|chaotic|manic|frantic) (?:week|month|day|time|period|season|few weeks|few days|quarter|year|schedule)|due to (?:a |the |an )?(?:high|heavy|unusual|unusually high|unprecedented|increased|large|huge|higher than (?:usual|normal|expected)|record|overwhelming|the (?:high|heavy|large))(?: \\w+)? (?:volume|volumes|demand|workload|number|numbers|traffic|orders|influx)|(?:high|heavy|unusually high|unprecedented) (?:call |order |ticket |email |request )?(?:volumes?|demand)|(?:heavy|huge|enormous|crazy|overwhelming|busy|hectic|full|packed|overloaded) (?:workload|schedule|calendar|plate|caseload|writing schedule)|(?:so much|too much|a lot|lots) (?:on (?:my|our) plate|going on)|traffic (?:is|was|has been) (?:mad|terrible|awful|bad|horrendous|crazy|a nightmare)|because of (?:the )?(?:traffic|weather|bank holiday|public holiday|holidays?|snow|strike|storm)|(?:i|we)(?: was| were|'ve been| have been) (?:sick|ill|unwell|travelling|traveling|on holiday|in holiday|on holidays|in vacation|on vacation|away|out of (?:the )?office|off sick|on leave)|(?:the )?(?:holiday|holidays|christmas|summer|end-of-year|year-end) (?:rush|period|season|break|crunch)|due to (?:the )?(?:weather|traffic|snow|storm|heatwave|strike|holidays?)|teething (?:problems|issues|troubles)|staff(?:ing)? shortages?|(?:we|i)(?: were| was| are| am|'re|'m) (?:a (?:bit|little) )?(?:understaffed|short-?staffed|stretched|short-?handed)|(?:a|the) (?:new|recent) (?:system|software|starter|hire|team member) (?:was|is) (?:still )?(?:bedding in|being rolled out|learning|settling in)|(?:the )?(?:deadline|timeline|schedule|turnaround|timeframe|time frame|window) (?:was|is|were) (?:very |really |so |extremely |quite |a bit |rather |pretty )?(?:tight|short|ambitious|unrealistic|aggressive|rushed)|(?:always|often|usually|inevitably) take(?:s)? longer|(?:the |our |a )?(?:van|truck|car|lorry|vehicle|train|flight|delivery van) (?:broke down|was delayed|was cancell?ed|got stuck|had a flat))\\b`,
);
/** Excuses that state no cause: "only human", "these things happen", "an honest mistake". */
export const EXCUSE_PLEA = g(
  `\\b(?:(?:i|we)(?:'re| are|'m| am) only human|(?:it was|it's|it is|this was|that was) (?:just )?an honest mistake|(?:these things|mistakes|errors|stuff|it|things) (?:happens?|do happen|can happen)(?! again)|nobody's perfect|no one(?:'s| is) perfect|(?:i|we) didn't mean (?:to|for)|(?:it )?(?:wasn't|was not) (?:intentional|deliberate|on purpose))\\b`,
);

/** Runs every component detector once. */
export function detectComponents(doc: Doc): ComponentResult {
  const ownership = responsibilityHits(doc);

  // Regret: apology words aimed at the act (not "sorry to hear", "sorry if", "regret to inform").
  const apologyWords = findAll(doc, APOLOGY_WORD);
  const regretHits = apologyWords.filter(
    (h) => !NOT_REGRET_AFTER.test(after(doc, h)) && !NOT_REGRET_BEFORE.test(before(doc, h)) && !inConditional(doc, h),
  );

  // Repentance: a promise it won't recur, or a prevention step (a changed process).
  const steps = [
    ...findAll(doc, PREVENT_STEP),
    ...findAll(doc, PREVENT_MORE),
    ...findAll(doc, PREVENT_NOW).filter((h) => NOW_SUBJECT.test(before(doc, h).slice(-40))),
  ].filter((h) => !inConditional(doc, h) && !negated(doc, h) && !VAGUE_STEP.test(doc.lc.slice(h.start, h.end)));
  const promises = findAll(doc, REPENT_PROMISE).filter(
    (h) => !inConditional(doc, h) && !/\b(?:can't|cannot|couldn't|not|no)\s+(?:\w+\s+){0,2}$/.test(before(doc, h)),
  );

  // Repair: concrete (a named fix, done or promised, or compensation) or vague ("make it right").
  // A changed process is prevention, not repair; and with no wrong in sight, "I'll send the revised
  // layout" is ordinary work, not a repair.
  const wrongInSight =
    apologyWords.length > 0 || ownership.length > 0 || has(doc, CONCRETE_WRONG_G) || has(doc, WRONG_SIGNAL);
  const compensation = findAll(doc, COMPENSATION_RE).filter(
    (h) => !COMP_NEGATED.test(before(doc, h)) && !COMP_NOT_GIVEN.test(after(doc, h)) && !inConditional(doc, h),
  );
  const concrete: Hit[] = [];
  const keepRepair = (list: Hit[]): void => {
    for (const h of list) {
      if (!wrongInSight || inConditional(doc, h) || negated(doc, h)) continue;
      // Inside a prevention step it is the step; "I'll correct it … and double-check … going forward" is both.
      if (steps.some((s) => s.start < h.end && h.start < s.end && !/ and /.test(doc.lc.slice(h.end, s.end)))) continue;
      concrete.push(h);
    }
  };
  const vagueRepair = findAll(doc, VAGUE_REPAIR).filter((h) => !inConditional(doc, h));
  keepRepair(
    findAll(doc, REPAIR_FUTURE).filter(
      (h) =>
        !/\b(?:make (?:it|this|that|things) (?:right|up to you)|make amends|make good)\b/.test(
          doc.lc.slice(h.start, h.end),
        ),
    ),
  );
  const isMistakeItself = (h: Hit): boolean =>
    WRONG_ADVERB_RE.test(doc.lc.slice(h.start, h.end)) ||
    /^\s*(?:\w+\s+){0,6}(?:by mistake|in error|by accident)\b/.test(after(doc, h));
  keepRepair(findAll(doc, REPAIR_DONE).filter((h) => !isMistakeItself(h)));
  keepRepair(findAll(doc, REPAIR_PERFECT).filter((h) => !isMistakeItself(h)));
  keepRepair(findAll(doc, REPAIR_DELIVERY));
  keepRepair(findAll(doc, REPAIR_MORE).filter((h) => !isMistakeItself(h)));
  keepRepair(findAll(doc, REPAIR_NEW_THING));
  keepRepair(
    findAll(doc, REPAIR_PASSIVE).filter(
      (h) => !/\b(?:can't|cannot|couldn't|won't|not)\b\s*\S*\s*$/.test(before(doc, h)),
    ),
  );
  keepRepair(findAll(doc, REPAIR_ATTACHED));
  keepRepair(findAll(doc, ONGOING_REPAIR));
  const repairDone = concrete.some(
    (h) =>
      /(?:ed|sent|done|run|rebuilt|attached|is|are|up|online|live|again|here|find|below|enclosed|way|ready|inbox|with you|right|reset|withdrawn)\b/.test(
        doc.lc.slice(h.start, h.end),
      ) &&
      !/\b(?:will|'ll|going to|shall|can|could|would|want|plan|intend|happy|love|let|allow|offer|promise)\b/.test(
        doc.lc.slice(h.start, h.end),
      ),
  );
  concrete.push(...compensation);
  const vagueRemedy = [
    ...vagueRepair,
    ...findAll(doc, VAGUE_REMEDY).filter((h) => !inConditional(doc, h) && !negated(doc, h)),
  ];

  // Explanation: a stated cause (including an excuse, which is a cause offered as a defence).
  const excuses = [...findAll(doc, EXCUSE_CAUSE), ...findAll(doc, EXCUSE_PLEA)].filter(
    (h) => !negated(doc, h) || /^(?:it|this|that)/.test(doc.lc.slice(h.start, h.end)),
  );
  const explanation = [
    ...findAll(doc, EXPLANATION).filter(
      // "any inconvenience caused by the outage" names the harm, not a cause of the mistake.
      (h) =>
        !/^caused by/.test(doc.lc.slice(h.start, h.end)) ||
        !/\b(?:inconveniences?|disruptions?|confusion|distress|upset|frustration|trouble|difficult(?:y|ies)|stress|hassle)\s+$/.test(
          before(doc, h),
        ),
    ),
    ...findAll(doc, EXPLAIN_PAST_PERFECT),
    ...findAll(doc, EXPLAIN_WHEN),
    ...findAll(doc, EXPLAIN_MISTOOK),
    ...findAll(doc, EXPLAIN_TECH),
    ...findAll(doc, EXPLAIN_HOW),
    ...findAll(doc, EXCUSE_CAUSE).filter((h) => !negated(doc, h)),
  ].filter((h) => !inConditional(doc, h));

  const forgiveness = findAll(doc, FORGIVENESS).filter((h) => !negated(doc, h));

  // Timeline: a time in a sentence about the fix, or a fix already done.
  let timeline = repairDone;
  if (!timeline) {
    for (const h of findAll(doc, TIME_EXPR)) {
      if (PAST_TIME.test(before(doc, h).slice(-12))) continue;
      const sentence = sentenceText(doc, h.sentence);
      const repairHere = concrete.some((r) => r.sentence === h.sentence);
      // "We sent your texts at 3 am": the time of the mistake itself, not of the fix.
      if (!repairHere && ownership.some((o) => o.sentence === h.sentence)) continue;
      if (FUTURE_OR_FIX.test(sentence) || repairHere) {
        timeline = true;
        break;
      }
    }
  }

  const namesWrong =
    // "If I got anything wrong…" names nothing; "if your delivery arrived damaged" does.
    findAll(doc, CONCRETE_WRONG_G).some(
      (h) => !/^(?:wrong|incorrect(?:ly)?|inaccurate)$/.test(doc.lc.slice(h.start, h.end)) || !inConditional(doc, h),
    ) ||
    has(doc, CAME_ACROSS) ||
    concrete.some((h) =>
      /\b(?:right|correct(?:ed)?|revised|replacement|missing) \w{3,}/.test(doc.lc.slice(h.start, h.end)),
    ) ||
    has(doc, NAMED_FAULT_OBJECT) ||
    has(doc, WRONG_NAME_QUOTED) ||
    ownership.some((h) => OWN_SPECIFIC.test(doc.lc.slice(h.start, h.end))) ||
    ownership.some(
      (h) =>
        SPECIFIC_OWNERSHIP.test(doc.lc.slice(h.start, h.end)) ||
        SPECIFIC_OWNERSHIP.test(clauseAfter(doc, h)) ||
        WRONG_MARKER_RE.test(clauseAfter(doc, h)),
    );

  const evidence: Record<ApologyComponent, Span[]> = {
    responsibility: ownership,
    repair: [...concrete, ...vagueRepair],
    regret: regretHits,
    explanation,
    repentance: [...steps, ...promises],
    forgiveness,
  };
  const components = {} as Record<ApologyComponent, boolean>;
  for (const c of COMPONENTS) components[c] = evidence[c].length > 0;

  return {
    components,
    evidence,
    ownership,
    apologyWords,
    compensation,
    concreteRepair: concrete.length > 0,
    vagueRemedy,
    preventionStep: steps.length > 0,
    timeline,
    namesWrong,
    excuses,
  };
}

const CONCRETE_WRONG_G = g(`\\b${CONCRETE_WRONG}\\b`);
/** "a mistake with your invoice", "my error in the totals": the fault's object is named. */
const NAMED_FAULT_OBJECT = g(
  `\\b(?:${FAULT_NOUNS}|mix-?ups?|problems?|issues?|hiccups?|glitch(?:es)?|bugs?|delays?|trouble) (?:with|in|on) (?:the|your|our|my|this|that) (?!end\\b|side\\b|part\\b)\\w+`,
);
/** A name or word quoted after a naming verb: "I called you 'Mark'", "printed as 'Pattel'". */
const WRONG_NAME_QUOTED = g(
  `\\b(?:called|addressed|spelled|spelt|named|printed|wrote|written|listed|label(?:l)?ed|said|typed|put)\\b[^.!?\\n]{0,40}["'](?=\\w)`,
);
const CAME_ACROSS = g(`\\bcame across as \\w+`);
/** Owning a named act ("my tone", "I was short with you", "my late reply"). */
const OWN_SPECIFIC =
  /\b(?:tone|reply|replies|response|comments?|remarks?|behaviou?r|words?|outburst|lateness|absence|silence|late \w+|slow \w+|short with you|rude|abrupt|dismissive|late|slow|careless|sloppy)\b/;
/** Words that say something went wrong even when the wrong itself is not named. */
const WRONG_SIGNAL = g(
  `\\b(?:${FAULT_NOUNS}|issues?|problems?|discrepanc(?:y|ies)|inaccurac(?:y|ies)|bugs?|glitch(?:es)?|outages?|correct(?:ed|ion)|replacement|re-?print\\w*|re-?issu\\w*|re-?sen[dt]\\w*|re-?do(?:ne|ing)?|complaint)\\b`,
);
const SPECIFIC_OWNERSHIP = new RegExp(
  `\\bshould(?:n't| not)? have \\w+ (?:the|your|my|our|a|an|it|them|before|with|which|what|whether|for|about)\\b|\\b(?:${NEUTRAL_VERBS}|mis(?!take)\\w+|forgetting|missing|losing|deleting|breaking|leaving|ignoring|neglecting|overlooking|double-?\\w+ing|over-?charging|mixed|confused|over-?charged|under-?charged|double-?\\w+|deleted|lost|forgot|missed|overlooked|left|omitted|leaked|exposed|wiped|corrupted|caused)\\b`,
);
