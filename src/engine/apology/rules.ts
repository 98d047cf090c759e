// The anti-pattern rules. Each finding names a span, says why it hurts the apology and what to
// write instead. Rule ids are part of the public contract (see RULE_IDS).
import type { Finding, FindingSeverity } from '../types.ts';
import type { ComponentResult } from './components.ts';
import {
  after,
  before,
  type Doc,
  findAll,
  type Hit,
  inConditional,
  negated,
  scan,
  sentenceAt,
  sentenceText,
} from './text.ts';

/** Every rule id the analyser can emit. */
export const RULE_IDS = [
  'conditional_apology',
  'feelings_deflection',
  'passive_evasion',
  'blame_shifting',
  'excuse',
  'minimization',
  'vagueness',
  'self_focus',
  'sorry_but',
  'arguing',
  'groveling',
  'too_long',
  'no_timeline',
  'no_prevention',
  'unnamed_mistake',
] as const;
export type ApologyRule = (typeof RULE_IDS)[number];

/** How serious each rule is: errors undo the apology, warnings weaken it, info is advice. */
export const RULE_SEVERITY: Record<ApologyRule, FindingSeverity> = {
  conditional_apology: 'error',
  feelings_deflection: 'error',
  blame_shifting: 'error',
  passive_evasion: 'warning',
  excuse: 'warning',
  minimization: 'warning',
  vagueness: 'warning',
  self_focus: 'warning',
  sorry_but: 'warning',
  arguing: 'warning',
  groveling: 'warning',
  unnamed_mistake: 'warning',
  no_timeline: 'warning',
  too_long: 'info',
  no_prevention: 'info',
};

/** Longest acknowledgment, in words, before it stops being brief (the seeds: "be brief"). */
export const MAX_WORDS = 250;

export interface RuleOptions {
  kind: 'acknowledgment' | 'general';
  mistake?: { title: string; description?: string } | undefined;
}

const g = (source: string): RegExp => new RegExp(source, 'g');
const APOLOGY_IN_SENTENCE = /\b(?:sorry|apologi[sz]\w*|apolog(?:y|ies)|regret\w*)\b/;

// conditional_apology --------------------------------------------------------------------
const COND_IF = g(
  `\\b(?:sorry|apologi[sz]e[sd]?|apologies|apologising|apologizing|regret)(?:,| for (?:that|this|it|the \\w+|any \\w+)| to you| again| about that| in advance)? if\\b`,
);
const COND_IF_CLAUSE = g(
  `\\bif (?:i|we|this|that|it|anything|anyone|our \\w+|my \\w+|your \\w+|something|any of (?:this|that|our \\w+|my \\w+|the \\w+))(?: \\w+){0,4}? (?:arrived (?:damaged|late|broken|wrong)|(?:was|were)(?:n't)? (?:rude|unhelpful|dismissive|abrupt|short with you)|upset|offended|inconvenienced|confused|caused|hurt|bothered|annoyed|frustrated|disappointed|was(?:n't)? (?:wrong|unclear|confusing|late|incorrect)|made (?:a|an|any) (?:mistake|error)|got (?:it|this|anything|something) wrong|missed|came across)\\b`,
);
const COND_MAY = g(
  `\\b(?:may|might|could) have (?:caused|created|led to|resulted in|upset|offended|inconvenienced|confused|frustrated|hurt|affected|been (?:confusing|upsetting|inconvenient|frustrating|unclear|wrong|incorrect|an error|a mistake|late|misleading|a problem))\\b|\\b(?:i|we) (?:may|might) have (?:\\w{3,}ed|sent|made|given|missed|used|forgotten|mixed|got|left|put|misread|overlooked|misunderstood|written|taken|built|run|been (?:wrong|late|mistaken|unclear|careless))\\b`,
);
const COND_ANYONE = g(
  `\\b(?:to )?(?:anyone|anybody|those|whoever|everyone|any of you|any clients?|any customers?)(?: (?:on|at|in|from) (?:your|the|our) \\w+)? (?:who|that|whom) (?:was|were|felt|feels|may|might|has|have|is|are|had)\\b|\\bto the extent that\\b|\\bif any\\b`,
);

// feelings_deflection --------------------------------------------------------------------
const FEELING_ADJ =
  '(?:upset|unhappy|disappointed|frustrated|annoyed|angry|offended|hurt|confused|bothered|dissatisfied|displeased|aggrieved|put out|concerned|let down|inconvenienced)';
const FEELINGS = g(
  `\\b(?:we|i) (?:understand|appreciate|realise|realize|recognise|recognize) (?:that |how )?you(?:'re| are| were| feel| felt)? (?:so |very |really )?${FEELING_ADJ}|\\b(?:sorry|apologi[sz]e|apologies|regret) (?:(?:for|about) )?(?:any|the|your) (?:frustration|upset|disappointment|distress|annoyance|anxiety|worry|stress)\\b|\\b(?:sorry|apologi[sz]e|apologies|regret) (?:that )?(?:the|your|our|this|it) (?:\\w+ ){0,2}(?:wasn't|weren't|was not|were not|didn't|did not) (?:what you (?:hoped|expected|wanted|had in mind)|meet your expectations|live up to your expectations|to your (?:liking|taste|satisfaction))|\\b(?:sorry|apologi[sz]e|apologies|regret)(?: \\w+){0,2}? (?:that |to hear(?: that)? )?(?:you|some of you|anyone|people|your team|you all|you both)(?: may| might)?(?: (?:feel|felt|think|thought|believe|perceived?|consider(?:ed)?|got the impression|are feeling|were left feeling|see (?:it|this|things)|saw (?:it|this|things)|took (?:it|this)|take (?:it|this)|found (?:it|this|the|our)|find (?:it|this|the|our)|had (?:a|an) (?:bad|poor|unpleasant|frustrating|negative|disappointing) experience)|(?:'re| are| were|'ve been| have been| feel| felt) (?:so |very |a (?:bit|little) )?${FEELING_ADJ})\\b|\\bsome (?:of you|people|clients|customers|readers)(?: may| might)? (?:feel|felt|have felt|think|thought|were upset|are upset|found)\\b|\\b(?:sorry|apologi[sz]e|apologies|regret) (?:for )?(?:how|the way) (?:you|this|that|it) (?:feel|felt|made you feel|came across|was (?:received|perceived|taken|read))\\b|\\bif you (?:felt|feel|were|are) (?:that |like )?(?:${FEELING_ADJ}|we|i|this|it)\\b`,
);

// passive_evasion ------------------------------------------------------------------------
const PASSIVE_AUX =
  "(?:was|were|has been|have been|had been|got|gets|(?<=')s been|should have been|may have been|might have been|was not|were not|wasn't|weren't|has not been|have not been|hasn't been|haven't been|had not been|hadn't been|was never|were never|is|are)";
const PASSIVE_ADV =
  '(?: (?:accidentally|mistakenly|inadvertently|wrongly|incorrectly|erroneously|unfortunately|somehow|apparently|also|then|never|not|all|both|just|originally|initially|actually|still|clearly|obviously|unintentionally|evidently|partly|partially|completely|entirely))*';
const ALWAYS_WRONG =
  '(?:deleted|lost|missed|overlooked|misspel(?:led|t)|mis(?:read|quoted|printed|label(?:l)?ed|filed|placed|handled|directed|addressed|calculated|understood|named|typed|routed|stated|reported|keyed|priced|dated|sent|pronounced|gendered|titled|configured|communicated|interpreted)|over-?charged|under-?charged|over-?billed|double-?(?:booked|charged|billed|invoiced|counted)|triple-?booked|dropped|omitted|left out|left off|forgotten|neglected|corrupted|overwritten|leaked|exposed|mixed up|ignored|skipped|wiped|botched|bungled|messed up|screwed up|mishandled)';
const NOT_DONE =
  '(?:sent|delivered|processed|handled|actioned|updated|checked|reviewed|proofread|caught|flagged|included|followed|met|completed|communicated|passed on|forwarded|applied|done|actioned|tested|saved|backed up|answered|replied to|approved|recorded|entered|honou?red|refunded|paid|corrected|fixed|informed|notified|told|contacted|invoiced|shipped|published|scheduled|confirmed|renewed|submitted|filed)';
const NEUTRAL_PARTICIPLE =
  '(?:sent|given|quoted|billed|charged|invoiced|printed|booked|cancell?ed|closed|suspended|terminated|rejected|declined|disconnected|blocked|scheduled|used|attached|shared|uploaded|published|posted|entered|typed|written|put|copied|pasted|added|included|listed|addressed|emailed|mailed|run|shipped|delivered|applied|set|pulled|linked|label(?:l)?ed|spelled|spelt|calculated|built|designed|translated|submitted|filed|ordered|shown|displayed|launched|released|deployed|pushed|configured|updated|changed|removed|processed|issued|forwarded|paid|transferred|imported|exported|assigned|reserved|told|loaded|inserted|priced|dated|stated|provided|recorded|made|cut|placed|routed|allocated|assumed|mentioned|named|called|referred to|printed on|set up)';
const PASSIVE = g(`\\b${PASSIVE_AUX}${PASSIVE_ADV} (${ALWAYS_WRONG}|${NOT_DONE}|${NEUTRAL_PARTICIPLE})\\b`);
const ALWAYS_WRONG_RE = new RegExp(`^${ALWAYS_WRONG}$`);
const NOT_DONE_RE = new RegExp(`^${NOT_DONE}$`);
const NEUTRAL_RE = new RegExp(`^${NEUTRAL_PARTICIPLE}$`);
const MISTAKES_MADE = g(
  `\\b(?:mistakes|errors|an error|a mistake|some mistakes|some errors|a few mistakes|a few errors|an oversight|a misstep|missteps|errors of judge?ment|bad (?:calls|decisions)|a bad call|a wrong decision)(?: \\w+)? (?:was|were|have been|has been|had been) made\\b`,
);
const PASSIVE_MARKER_AFTER =
  /^(?: \w+){0,3}? (?:with (?:an? |the |some )?(?:\w+ ){0,2}(?:errors?|discrepanc(?:y|ies)|mistakes?|typos?|inaccurac(?:y|ies))|in error|by mistake|by accident|incorrectly|inaccurately|wrongly|twice|two times|late|too (?:early|late|soon)|to the wrong|to (?:another|a different|the other|other) \w+|to someone else|without (?:checking|confirming|asking|testing|approval|your approval|reviewing|proofreading|double-checking)|instead of|rather than|with (?:the|an?) (?:wrong|old|outdated|incorrect|previous)|under the wrong|for the wrong|on the wrong|at the wrong|in the wrong|using (?:the|an?) (?:wrong|old|outdated|previous)|from (?:an? |the )?(?:old|outdated|previous|last year's)|before (?:it|they) (?:was|were) (?:ready|approved|signed off))\b/;
const PASSIVE_MARKER_SUBJECT =
  /\b(?:wrong|incorrect|inaccurate|outdated|old|previous|unapproved|unfinished|draft|duplicate|second|extra|test|internal|confidential|private|another client's|a different client's)\b[^,;]*$/;
const AGENT =
  /^(?: \w+){0,3}? by (?![$£€¥]|(?:only|a|an|one|two|three|some|about|around|nearly|almost|over|under|just|far|up to|more than|less than|at least)\b|mistake|accident|the (?:deadline|end|time|way)|\d|tomorrow|today|tonight|noon|email|hand|post|phone|mail|courier|then|now|monday|tuesday|wednesday|thursday|friday|saturday|sunday|next|close|end)/;
const AGENT_FIRST_PERSON =
  /^(?:[ ,-]+\w+){0,3}?[ ,-]+by (?:me|us|myself|ourselves|my team|our team|our staff|our office|my office)\b/;
const OWN_ACT_BEFORE =
  /\b(?:(?:i|we) (?!(?:apologi[sz]ed?|regretted|sincerely|deeply|truly|really|are|am|were|was)\b)(?:\w+ )?\w+ed|(?:our|my) (?!(?:apolog|sincere|deepest)\w*\b)\w+(?: \w+)? \w+ed)\b/;
const SUBJECT_FIRST_PERSON = /\b(?:i|we)\s+(?:\w+\s+)?$/;
const MODAL_BEFORE = /\b(?:will|would|won't|can|can't|cannot|could|must|to|shall|should|may|might)\s+$/;

// blame_shifting -------------------------------------------------------------------------
const BLAME_CLIENT = g(
  `\\b(?:you|your (?:team|office|staff|colleague|assistant|side|company|department|manager|it team)) (?:didn't|did not|never|failed to|forgot to|neglected to|omitted to)(?: \\w+)? (?:sent|gave|told|provided|replied|responded|confirmed|approved|send|tell|give|provide|mention|specify|let (?:us|me) know|confirm|approve|reply|respond|check|update|read|inform|notify|supply|share|flag|include|attach|sign|answer|clarify|say|ask)\\b|\\byour (?:brief|instructions?|emails?|spec|specs|specification|request|requirements?|team|files?|data|list|spreadsheet|copy|notes|feedback|message|artwork|assets?|colleague|assistant|office|it team|staff|sign-?off)(?: \\w+)? (?:was|were|is|are|had|contained|came|arrived|didn't|did not|said|listed|showed|gave|used)(?: \\w+)? (?:unclear|vague|confusing|incomplete|wrong|late|ambiguous|missing|incorrect|inaccurate|outdated|contradictory|conflicting|not clear|the wrong|an? (?:old|wrong|incorrect|outdated)|after the deadline)\\b|\\b(?:you|your (?:team|office|staff|colleague|assistant|company|department|manager|it team|accountant|designer|developer)) (?:gave|sent|provided|supplied|told|specified|asked for|requested|chose|picked|listed|entered|typed|wrote)(?: (?:us|me))?(?: \\w+){0,2}? (?:the |an? )?(?:wrong|incorrect|outdated|old|unclear|inaccurate)\\b|\\byou (?:approved|signed off on|signed off|okayed|ok'd|signed) (?:it|this|the (?:proof|draft|design|file|copy|artwork|version|invoice|quote|layout|brief|text|wording|list|data))\\b|\\b(?:had you|if you had|if you'd)(?: \\w+)? (?:told|sent|let|checked|replied|given|provided|specified|mentioned|confirmed|read|responded|informed|asked|clarified|flagged|been clearer|been|approved|signed|paid|booked|ordered|answered|returned|submitted|uploaded|called)\\b|\\byou (?:should|could|might) have (?:told|sent|let|checked|read|given|provided|specified|mentioned|confirmed|asked|replied|flagged|caught|noticed|been)\\b|\\b(?:error|mistake|problem|issue|fault)s? (?:was |is |seems to be |appears to be |lies |lay )?(?:on|at|with) your (?:end|side)\\b|\\byour (?:fault|mistake|error|responsibility)\\b|\\bif (?:the|your) (?:brief|spec|specs|instructions|requirements|email|files?|data|copy) had (?:included|mentioned|specified|said|listed|shown|asked for|been)\\b|\\b(?:because|since|as) (?:you|your (?:\\w+ )?(?:team|office|staff|department|colleague|manager|accountant|side)) (?:took (?:\\w+ ){0,2}(?:weeks|days|months|long|ages)|(?:were|was) late|didn't|did not|forgot|missed|changed (?:the|your) (?:brief|plan|scope|mind|dates?))\\b|\\b(?:you|your team) (?:were|was) (?:supposed|meant|expected|responsible) to\\b`,
);
const THIRD_PARTY =
  '(?:the|our|their|your|a|my|one of (?:our|the)) (?:(?:new|junior|temporary|other|external|outside|overseas|local) )?(?:printers?|print shop|print house|courier|couriers|vendors?|suppliers?|contractors?|subcontractors?|sub-contractors?|freelancers?|developer|designer|hosting (?:provider|company)|host|providers?|bank|payment (?:processor|provider|gateway|system)|platform|software vendor|intern|interns|junior|new hire|temp|trainee|assistant|colleague|accountant|bookkeeper|partners?|other agency|post office|postal service|carriers?|delivery (?:company|service|driver|partner)|shipping (?:company|partner)|it (?:team|department|guy|provider)|third[- ]party(?: \\w+)?|email provider|mail server|cloud provider|isp|data cent(?:re|er)|manufacturer|warehouse|venue|caterers?|photographer|translator|(?:other|previous) (?:team|agency|developer|designer|account manager)|team member|staff member|new (?:system|software|tool|platform|starter)|[a-z]+ (?:inc|ltd|llc))';
const BLAME_THIRD = g(
  `\\b${THIRD_PARTY}(?:'s)?,? (?:who|which|that) (?:\\w+ ){0,2}(?:shipped|sent|delivered|printed|made|missed|forgot|lost|failed|messed|mixed|dropped|used)\\b[^.!?\\n]{0,40}?\\b(?:late|wrong|twice|in error|by mistake)\\b|\\b(?:came|stemmed|resulted|arose) from ${THIRD_PARTY}\\b|\\b\\w+ (?:on|in|from) (?:our|my) (?:team|office|side|staff)(?: \\w+)? (?:sent|made|forgot|missed|used|typed|entered|deleted|lost|gave|put|booked|printed|mixed)\\b|\\b${THIRD_PARTY}(?:'s)? (?:processed|charged|billed|ran|shipped|delivered|sent|debited|took) \\w+(?: \\w+){0,3} (?:twice|two times|late|double)\\b|\\b(?:lost|damaged|delayed|misdelivered|mislaid|cancell?ed|dropped|broken|misplaced) (?:\\w+ )?by ${THIRD_PARTY}\\b|\\b(?:our|the) (?:systems?|software|servers?|platform|website|site|app|network|it) (?:has|have) been (?:a (?:bit|little) )?(?:temperamental|playing up|acting up|flaky|unstable|unreliable|glitchy|misbehaving)\\b|\\b${THIRD_PARTY}(?:'s)? (?:\\w+ ){0,3}(?:the )?wrong\\b|\\b${THIRD_PARTY}(?:'s)? (?:\\w+ ){0,1}(?:sent|shared|posted|emailed|forwarded|deleted|published|printed|booked)\\b[^.!?\\n]{0,50}?\\b(?:by mistake|by accident|in error|accidentally|to the wrong|the wrong)\\b|\\b${THIRD_PARTY}(?:'s)?(?: \\w+){0,2}? (?:made|caused|messed|mixed|dropped|failed|lost|deleted|didn't|did not|forgot|missed|misread|misprinted|misunderstood|never|double-?booked|over-?booked|cancell?ed|damaged|(?:sent|printed|gave us|provided|supplied|shipped|delivered|used) (?:us |you )?(?:the |an? )?(?:wrong|incorrect|outdated|old|damaged|late)|got (?:\\w+ )?wrong|delivered (?:late|it late)|was (?:late|responsible|to blame|at fault|down|slow)|were (?:late|responsible|to blame|at fault|down|slow)|is (?:to blame|at fault|responsible)|had (?:an? )?(?:outage|glitch|bug|error|problem|issue|fault|mix-?up|delay)|went down|crashed|broke|introduced|let us down|error|mistake|glitch|bug|outage|fault|mix-?up|screwed up|messed up)\\b|\\b(?:was|is|were)(?: entirely| completely| really| actually| all)? (?:the|their|a) (?:\\w+ )?\\w+'s? (?:fault|mistake|error|doing)\\b|\\b(?:the fault|the blame|the responsibility|the error|the mistake)(?: here)? (?:lies|lay|rests|rested|is|was|sits) (?:entirely |squarely |firmly )?(?:with|on) (?:the|their|your|a)\\b|\\bnot (?:really |entirely |strictly |technically )?(?:my|our) (?:fault|mistake|error|doing|responsibility)\\b|\\b(?:wasn't|was not|isn't|is not)(?: \\w+)? (?:my|our) (?:fault|mistake|error|doing)\\b|\\b(?:beyond|outside|out of) (?:our|my) (?:control|hands)\\b|\\bunforeseen (?:circumstances|events|issues|problems|delays)\\b|\\bforce majeure\\b|\\bact of god\\b|\\b(?:i|we) (?:was|were) (?:given|sent|told|provided|supplied|handed) (?:the |an? )?(?:wrong|incorrect|outdated|old|bad|inaccurate)\\b|\\b(?:a|an|the) (?:technical|system|computer|software|it|server|network) (?:glitch|error|issue|fault|problem|failure|hiccup|bug)\\b|\\b(?:glitch|bug|error|fault|outage) (?:in|with|on|at) (?:the|their) (?:system|software|platform|server|network|vendor|supplier|provider)\\b`,
);
const NOT_FAULT =
  /\bnot (?:really |entirely |strictly |technically )?(?:my|our) (?:fault|mistake|error|doing|responsibility)\b|\b(?:wasn't|was not|isn't|is not)(?: \w+)? (?:my|our) (?:fault|mistake|error|doing)\b/;

// excuse, minimization -------------------------------------------------------------------
const MINIMIZATION = g(
  `\\b(?:(?:any|the|this|that|some|slight|minor|small|little) inconveniences?(?: (?:this|it|that|we|i) (?:may|might) have caused| caused)?|(?:small|minor|slight|tiny|little|trivial|harmless|insignificant|teeny|wee) (?:\\w+ )?(?:hiccups?|glitch(?:es)?|issues?|errors?|mistakes?|mix-?ups?|oversights?|slips?|slip-ups?|typos?|problems?|blips?|snags?|hitch|bumps?|inaccurac(?:y|ies)|discrepanc(?:y|ies)|delays?|outages?|disruptions?|niggles?|misunderstandings?|mishaps?|gaffes?|inaccuracies)|only (?:down|offline|late|out|unavailable|affected) for\\b|(?:won't|wouldn't|will not|would not) have noticed|(?:barely|hardly) (?:anyone|anybody|noticed)|a (?:bit|little) (?:temperamental|flaky|slow|behind|glitchy|patchy)|hiccups?|blips?|(?:an? )?isolated (?:incident|case|issue|error|event|mistake|occurrence)|just (?:a|one|an|some) (?:\\w+ )?(?:typo|mistake|error|slip|glitch|small|minor|few|little|misunderstanding|oversight)|only (?:a few|a couple|a handful|a small number|one|two|minor|slightly|briefly|a minute|a little|a tiny|a small)|(?:no|not a) (?:big|huge|major|massive) deal|no harm done|no real harm|not (?:that|a|too) (?:big|serious|major|bad)|nothing (?:serious|major|significant|to worry about)|(?:minimal|limited|negligible|little) (?:impact|effect|disruption)|barely (?:noticeable|affected|a)|a (?:bit|little) (?:of a )?(?:mix-?up|delay|late|off|wrong|confusing|muddled)|slightly (?:off|wrong|late|incorrect|delayed|out)|(?:a )?tad (?:late|off)|happens? (?:from time to time|now and (?:then|again)|occasionally|every so often|to (?:the best of us|everyone)))\\b`,
);

// self_focus -----------------------------------------------------------------------------
const SELF_FOCUS = g(
  `\\b(?:(?:a|such a) (?:really |very |incredibly |so )?(?:nightmare|rough|tough|hard|stressful|terrible|awful|horrible|exhausting) (?:week|day|month|time|few days|few weeks|year) for (?:me|us|my team|our team|our whole team|the whole team|all of us|everyone here)|(?:i|we)(?:'ve| have)? (?:had|been having) (?:a |such a |the )?(?:rough|tough|hard|difficult|terrible|awful|stressful|horrible|long|nightmare|exhausting|draining|miserable)(?: \\w+)? (?:week|day|month|time|year|few (?:days|weeks)|couple of (?:days|weeks)|stretch|period)|(?:this|it|that|everything|(?:this|the) (?:whole |last |past )?(?:week|month|day|year|process|situation))(?: whole week)?(?: has been| was|'s been| is| has all been) (?:so |really |very |incredibly |extremely |quite )?(?:stressful|hard|difficult|upsetting|embarrassing|exhausting|painful|tough|awful|humiliating|draining|a nightmare) for (?:me|us|our team|my team|everyone here|all of us|me personally)|(?:i|we)(?:'ve| have)? (?:been )?(?:losing sleep|lost sleep|not slept|haven't slept|hardly slept|barely slept|beating (?:myself|ourselves) up|kicking (?:myself|ourselves)|been in tears|been crying|cried|could cry|had to work (?:all night|all weekend|late|through the night|overtime)|had to cancel (?:my|our)|been (?:under|dealing with) (?:a lot of|so much|huge|enormous) (?:stress|pressure))|(?:i'm|i am|we're|we are|i was|we were|i feel|we feel|i felt|we felt|i've been|we've been) (?:so |really |very |completely |absolutely |totally |just )?(?:stressed(?: out)?|exhausted|devastated|overwhelmed|drained|frazzled|burnt out|burned out|worn out|heartbroken|crushed|shattered|a wreck|in pieces)|you (?:have no idea|can't imagine|cannot imagine) how (?:\\w+ ){0,2}(?:bad|terrible|awful|hard|stressful|embarrassed|upset|guilty)|(?:cost|costs|costing) (?:me|us) (?:\\w+ ){0,3}(?:money|hours|days|sleep|weekend|evening|night|a fortune|dearly)|my (?:reputation|weekend|evening|stress|anxiety|health|nerves|sanity)|(?:i|we) (?:hate|can't stand) (?:that|when|myself)|(?:spare a thought|think) (?:for|of) (?:me|us|our team))\\b`,
);

// sorry_but ------------------------------------------------------------------------------
const SORRY_BUT = g(
  `\\b(?:sorry|apologi[sz]e[sd]?|apologies|apology|regret)\\b[^.!?\\n]{0,80}?(?:,|;|\\s)\\s*(but|however|although|though|that said|having said that)\\b`,
);
const BUT_REPAIR =
  /^\W*(?:but|however|although|though|that said|having said that)\W+(?:(?:it|they|this|the \w+) (?:went out|was sent|were sent|is on its way|are on their way|has shipped|have shipped|shipped|will be with you|arrives?|will arrive)\b.*|(?:the good news|good news|thankfully|happily|luckily)\b.*|(?:i|we)(?:'ve| have| had)? (?:already |now |since |just )?(?:fixed|corrected|re-?sent|re-?issued|refunded|credited|replaced|restored|attached|sent|updated)\b.*|(?:the )?(?:corrected|correct|revised|updated|fixed|right|new|replacement) .*|(?:it|this|everything)(?:'s| is| has been) (?:now )?(?:fixed|corrected|resolved|sorted|restored).*|also\b.*)$/;

// arguing --------------------------------------------------------------------------------
const ARGUING = g(
  `\\b(?:to be fair|in (?:all )?fairness|technically(?: speaking)?|strictly speaking|in (?:our|my) defen[cs]e|for the record|(?:as|like) (?:i|we) (?:mentioned|said|stated|explained|noted|pointed out|told you|clarified|have said|had said|made clear|flagged)(?: (?:before|previously|earlier|in (?:my|our) (?:last|previous) (?:email|message)|on the call))?|per (?:my|our) (?:last|previous|earlier) (?:email|message|note)|as per (?:my|our) (?:last|previous|earlier)|as you (?:may|will|might|should) (?:recall|remember|know)|if you (?:re-?read|look back at|check|read) (?:the|my|our|your) (?:email|contract|brief|agreement|thread|message|terms|proposal|quote|invoice)|(?:the|our) (?:contract|agreement|terms|brief|proposal|sow|statement of work|quote)(?: \\w+)? (?:clearly )?(?:states?|says|said|stated|specifies|specified|stipulates)|(?:it|this|that) (?:wasn't|was not|isn't|is not) (?:technically|strictly|really|actually) (?:a |an )?(?:mistake|error|wrong|late)|(?:we|i) did (?:actually |technically |in fact )?(?:deliver|send|meet|follow|do|tell|mention|reply|warn|flag|include)|actually|in fact|with respect|with all due respect|(?:under|per|in line with|in accordance with) (?:our|the) (?:terms|contract|agreement|policy|t&cs)|as per (?:our|the) (?:agreement|contract|terms|policy|quote|brief)|(?:we|i) (?:\\w+ed|did|made|built|shot|wrote|sent|gave) (?:you )?exactly what\\b|found no (?:error|mistake|fault|issue|problem)s?|(?:the|this) (?:charge|invoice|amount|price|fee|bill) (?:is|was) correct)\\b`,
);
const FAULT_NEAR =
  /^(?:\s+\w+){0,3}?\s+(?:wrong|mistake|error|missed|forgot|overlooked|misread|mixed|late|my fault|our fault)\b/;

// groveling ------------------------------------------------------------------------------
const GROVEL = g(
  `\\b(?:please,? please\\b|i beg you|(?:i'm|i am|i feel like|i feel|i was|i've been|i (?:honestly|really|just|truly) feel like) (?:such |a complete |an absolute |a total |so |completely |totally |utterly |truly )?(?:an? )?(?:idiot|fool|moron|useless|incompetent|hopeless|pathetic|failure|disgrace|disaster|embarrassment|the worst|terrible at (?:my|this) job|not good enough|unworthy|stupid|worthless)|(?:i|we) (?:do not|don't) deserve|i(?:'ll| will) never forgive myself|(?:i|we)(?: beg| am begging| are begging|'m begging|'re begging)|(?:on|down on) (?:my|our|bended) knees?|grovel\\w*|unforgivable|how (?:could|can) (?:i|we) (?:be|have been) so|i (?:can't|cannot) believe (?:i|we|how)|i hate myself|a (?:thousand|million|hundred) apologies|(?:i|we) (?:can(?:'t|not)|could never) apologi[sz]e enough|words cannot express|there are no words|please don't (?:fire|leave|hate|drop|sack) (?:me|us)|(?:so|very|really|truly|deeply),? (?:so|very|really|truly|deeply),? (?:so |very |really |truly |deeply )*sorry|sorry,? sorry|i'm the worst)\\b`,
);

// vagueness ------------------------------------------------------------------------------
const VAGUE_WRONG_NOUN = g(
  `\\b(?:sorry|apologi[sz]e[sd]?|apologies|apology|regret)(?: \\w+){0,3}? (?:for|about|over) ((?:the|this|that|these|those|any|all|our|my) (?:issues?|problems?|situation|matter|incident|trouble|confusion|mix-?up|errors?|mistakes?|hiccups?|oversight|mishap|inconvenience|mess|recent (?:\\w+ )?(?:issue|problem|events?|incident)|whole (?:thing|situation|affair))|what happened|everything|all (?:this|that|of this))\\b`,
);

const STOPWORDS = new Set(
  'the a an and or but of to in on at for with from by about as into over after before this that these those it its is was were be been being are has have had do does did not no yes we i you your our my me us they them their he she his her wrong mistake error issue problem incorrect sent send client clients customer mistakes errors issues problems which who what when where why how than then there here also just only very more most some any all one two new old via per etc'.split(
    ' ',
  ),
);

/** Crude stem so "invoices"/"invoiced"/"invoicing" meet "invoice". */
function stem(word: string): string {
  let w = word;
  for (const suffix of ['ings', 'ing', 'ed', 'es', 's', 'e']) {
    if (w.length > suffix.length + 3 && w.endsWith(suffix)) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  return w;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The distinctive words of the mistake (title and description), stemmed. */
function mistakeTerms(mistake: { title: string; description?: string | undefined }): Set<string> {
  const terms = new Set<string>();
  const text = `${mistake.title} ${mistake.description ?? ''}`.toLowerCase();
  for (const m of text.matchAll(WORD)) {
    const w = m[0];
    if (w.length < 3 || STOPWORDS.has(w) || /^\d+$/.test(w)) continue;
    terms.add(stem(w));
  }
  return terms;
}

function finding(
  rule: ApologyRule,
  span: { start: number; end: number },
  message: string,
  suggestion: string,
  replacement?: string,
): Finding {
  const f: Finding = { rule, severity: RULE_SEVERITY[rule], start: span.start, end: span.end, message, suggestion };
  if (replacement !== undefined) f.replacement = replacement;
  return f;
}

/**
 * A cause pinned on someone else is still an explanation (however badly offered): the blame hit
 * joins the explanation evidence. The only place rules feed back into the components.
 */
function blamedCause(comp: ComponentResult, h: Hit): void {
  comp.evidence.explanation.push({ start: h.start, end: h.end });
  comp.components.explanation = true;
}

function ownedNear(comp: ComponentResult, sentence: number): boolean {
  return comp.ownership.some((o) => Math.abs(o.sentence - sentence) <= 1);
}

/** Runs every rule and returns the findings in text order. */
export function runRules(doc: Doc, comp: ComponentResult, options: RuleOptions): Finding[] {
  const out: Finding[] = [];
  const text = doc.text;
  const lc = doc.lc;

  // conditional_apology
  const conditional: Hit[] = [];
  for (const h of findAll(doc, COND_IF)) conditional.push(h);
  for (const h of findAll(doc, COND_IF_CLAUSE))
    if (
      APOLOGY_IN_SENTENCE.test(sentenceText(doc, h.sentence)) ||
      /\bcame across\b|\b(?:not|never) (?:my|our) intent/.test(sentenceText(doc, h.sentence))
    )
      conditional.push(h);
  for (const h of findAll(doc, COND_MAY)) conditional.push(h);
  for (const h of findAll(doc, COND_ANYONE))
    if (APOLOGY_IN_SENTENCE.test(sentenceText(doc, h.sentence))) conditional.push(h);
  for (const h of dedupe(conditional)) {
    const t = lc.slice(h.start, h.end);
    const replacement = /^(?:may|might|could) have /.test(t)
      ? text
          .slice(h.start, h.end)
          .replace(/^(?:may|might|could) have /i, '')
          .replace(/^been /, 'was ')
      : undefined;
    out.push(
      finding(
        'conditional_apology',
        h,
        'A conditional apology ("if", "may have", "to anyone who") doubts that anything went wrong.',
        'Say plainly what happened and that you are sorry for it: "I\'m sorry I sent the wrong file."',
        replacement &&
          /^(?:caused|created|led to|resulted in|upset|offended|inconvenienced|confused|frustrated|hurt|affected) /.test(
            `${replacement} `,
          )
          ? replacement
          : undefined,
      ),
    );
  }

  // feelings_deflection
  const feelingsHits = findAll(doc, FEELINGS);
  const feelingsFired = feelingsHits.length > 0;
  for (const h of feelingsHits) {
    out.push(
      finding(
        'feelings_deflection',
        h,
        "This apologises for the client's feelings, not for what you did.",
        'Apologise for the act: "I\'m sorry I got your name wrong", not "sorry you feel upset".',
      ),
    );
  }

  // passive_evasion: an agentless passive about the wrong, with no first-person ownership nearby.
  const passives: Hit[] = [];
  const mistakesMadeHits = findAll(doc, MISTAKES_MADE).filter((h) => !inConditional(doc, h));
  const mistakesMade = mistakesMadeHits.length > 0;
  passives.push(...mistakesMadeHits);
  for (const m of scan(doc, PASSIVE)) {
    const participle = m[1] ?? '';
    const h: Hit = { start: m.index, end: m.index + m[0].length, sentence: 0 };
    h.sentence = sentenceAt(doc, h.start);
    const aux = m[0].slice(0, m[0].length - participle.length);
    const b = before(doc, h);
    const a = after(doc, h);
    if (SUBJECT_FIRST_PERSON.test(b) || MODAL_BEFORE.test(b) || inConditional(doc, h)) continue;
    if (AGENT.test(a)) continue; // an agent is named (first person = ownership, otherwise not agentless)
    const isNot = /\b(?:not|never)\b|n't\b/.test(aux);
    const always = ALWAYS_WRONG_RE.test(participle);
    const neutral = NEUTRAL_RE.test(participle);
    const notDone = isNot && NOT_DONE_RE.test(participle);
    const present = /^(?:is|are)\b/.test(aux);
    if (present && !/^mis/.test(participle)) continue;
    const clauseStart = Math.max(
      b.lastIndexOf(','),
      b.lastIndexOf(';'),
      b.lastIndexOf(' and '),
      b.lastIndexOf(' but '),
    );
    const subject = b.slice(clauseStart + 1);
    const marked = PASSIVE_MARKER_AFTER.test(a) || PASSIVE_MARKER_SUBJECT.test(subject);
    if (isNot ? !notDone && !(neutral && marked) : !always && !(neutral && marked)) continue;
    // The last few words of the subject (a cut at 12 characters must not make "some" into "me").
    const tail =
      subject.length > 12 && /\w/.test(subject.charAt(subject.length - 13))
        ? subject.slice(-12).replace(/^\w+/, '')
        : subject.slice(-12);
    if (/\b(?:i|we|me|us)\b/.test(tail) && !/\b(?:our|my)\b/.test(subject)) continue;
    // "the file you uploaded was corrupted" names another agent; "confirmed that it has been deleted" reports a remedy.
    if (/\b(?:you|they|the client) (?:\w+ed|sent|gave|made|wrote|took|brought)\b/.test(subject)) continue;
    if (/\b(?:confirmed|confirm|confirms|ensured|verified|checked|made sure)(?: that)?\b/.test(b)) continue;
    // "When we moved your records, our script matched by surname, so customers were merged": the
    // writer's own act, earlier in the sentence, is the agent.
    if (OWN_ACT_BEFORE.test(lc.slice(doc.sentences[h.sentence]?.start ?? 0, h.start))) continue;
    passives.push(h);
  }
  for (const h of dedupe(passives)) {
    if (ownedNear(comp, h.sentence) || AGENT_FIRST_PERSON.test(after(doc, h))) continue;
    out.push(
      finding(
        'passive_evasion',
        h,
        'An agentless passive about the mistake hides who made it.',
        'Say who did it: "I sent the wrong file", not "the wrong file was sent".',
      ),
    );
  }

  // blame_shifting: the client, a vendor, a colleague or circumstances carry the fault.
  for (const h of findAll(doc, BLAME_CLIENT)) {
    const t = lc.slice(h.start, h.end);
    if (/your (?:fault|mistake|error|responsibility)$/.test(t) && negated(doc, h)) continue;
    if (
      /^(?:you (?:approved|signed|okayed|ok'd))/.test(t) &&
      /\b(?:once|when|after|as soon as|if|until|before)\s+$/.test(before(doc, h))
    )
      continue;
    blamedCause(comp, h);
    out.push(
      finding(
        'blame_shifting',
        h,
        'This puts the fault on the client.',
        'Own your part without pointing at the client, even if they contributed.',
      ),
    );
  }
  for (const h of findAll(doc, BLAME_THIRD)) {
    const t = lc.slice(h.start, h.end);
    const denial = NOT_FAULT.test(t);
    if (!denial && comp.ownership.some((o) => o.sentence === h.sentence)) continue;
    if (!denial && (inConditional(doc, h) || negated(doc, h))) continue;
    if (!denial && !/\b(?:control|hands)$/.test(t)) blamedCause(comp, h);
    out.push(
      finding(
        'blame_shifting',
        h,
        denial
          ? '"Not our fault" moves the fault elsewhere.'
          : 'This puts the fault on someone else (a vendor, a colleague, a system, circumstances).',
        'The client hired you, not your vendor: own the outcome ("I didn\'t catch it"), then explain briefly if it helps.',
      ),
    );
  }

  // excuse
  for (const h of comp.excuses) {
    // "I was off sick and didn't hand it over, which I should have": owned in the same sentence,
    // the circumstance is an explanation, not an excuse.
    if (
      comp.ownership.some(
        (o) => o.sentence === h.sentence && /\bshould(?:n't| not)? have\b/.test(lc.slice(o.start, o.end)),
      )
    )
      continue;
    out.push(
      finding(
        'excuse',
        h,
        'An excuse (workload, circumstances) reads as a reason it was acceptable.',
        'Drop the excuse; say what you are doing about it.',
      ),
    );
  }

  // minimization
  for (const h of findAll(doc, MINIMIZATION)) {
    if (negated(doc, h) && !/^(?:no|not a) /.test(lc.slice(h.start, h.end))) continue;
    out.push(
      finding(
        'minimization',
        h,
        'This makes the mistake sound smaller than it was for the client.',
        'Name the real impact ("you had to resend the invoice to your board") instead of "any inconvenience" or "a small hiccup".',
      ),
    );
  }

  // vagueness: the wrong or the remedy left unnamed.
  const apologises =
    comp.components.regret ||
    comp.components.responsibility ||
    comp.components.forgiveness ||
    conditional.length > 0 ||
    feelingsFired ||
    mistakesMade;
  if (apologises && !comp.namesWrong && !options.mistake) {
    const vague = findAll(doc, VAGUE_WRONG_NOUN, 1)[0];
    const anchor =
      vague ??
      comp.evidence.regret[0] ??
      comp.ownership[0] ??
      mistakesMadeHits[0] ??
      conditional[0] ??
      feelingsHits[0] ??
      comp.evidence.forgiveness[0] ??
      firstSentence(doc);
    if (anchor) {
      out.push(
        finding(
          'vagueness',
          anchor,
          'The apology never says what went wrong.',
          'Name the mistake in one plain sentence: what was wrong, where, and for whom.',
        ),
      );
    }
  }
  if (!comp.concreteRepair && comp.vagueRemedy.length > 0) {
    const h = comp.vagueRemedy[0]!;
    out.push(
      finding(
        'vagueness',
        h,
        'The remedy is vague: it does not say what you will do.',
        'Say the concrete fix: "I\'ll send the corrected invoice by 3 pm today."',
      ),
    );
  }

  // self_focus
  for (const h of findAll(doc, SELF_FOCUS)) {
    if (negated(doc, h)) continue;
    out.push(
      finding(
        'self_focus',
        h,
        "This is about the writer's own plight, not the client's.",
        'Keep the message about the client and the fix.',
      ),
    );
  }

  // sorry_but
  for (const m of scan(doc, SORRY_BUT)) {
    const butWord = m[1] ?? 'but';
    const butStart = m.index + m[0].length - butWord.length;
    const h: Hit = { start: m.index, end: m.index + m[0].length, sentence: sentenceAt(doc, m.index) };
    const rest = lc.slice(butStart, doc.sentences[h.sentence]?.end ?? lc.length);
    if (BUT_REPAIR.test(rest) || /^but also\b/.test(rest) || /^though\s*(?:[;,.!?]|$)/.test(rest)) continue;
    if (
      /^(?:sorry|apolog\w*|regret\w*) to (?:bother|trouble|disturb|chase|nag|pester|interrupt)/.test(lc.slice(m.index))
    )
      continue;
    out.push(
      finding(
        'sorry_but',
        { start: butStart, end: butStart + butWord.length },
        '"Sorry, but…" takes the apology back.',
        'End the apology with a full stop; put any context in its own sentence, without defending yourself.',
      ),
    );
  }

  // arguing
  for (const h of findAll(doc, ARGUING)) {
    const t = lc.slice(h.start, h.end);
    if ((t === 'actually' || t === 'in fact') && FAULT_NEAR.test(after(doc, h))) continue;
    // "For the record, I take full responsibility" is not arguing.
    if (comp.ownership.some((o) => o.start >= h.end && o.start - h.end <= 3)) continue;
    out.push(
      finding(
        'arguing',
        h,
        'This argues the point ("actually", "to be fair", "as I said") instead of owning it.',
        'Leave the argument out of the apology.',
        t === 'actually' ? '' : undefined,
      ),
    );
  }

  // groveling: repeated apologies or self-abasement.
  for (const h of findAll(doc, GROVEL)) {
    out.push(
      finding(
        'groveling',
        h,
        'Self-abasement makes the client comfort you.',
        'One clear apology is enough; spend the words on the fix.',
      ),
    );
  }
  const regretWords = comp.apologyWords;
  if (regretWords.length >= 3 && regretWords.length * 40 > doc.wordStarts.length) {
    const third = regretWords[2]!;
    out.push(
      finding(
        'groveling',
        third,
        `The apology is repeated ${regretWords.length} times.`,
        'Apologise once, clearly; spend the rest on the fix and the prevention.',
      ),
    );
  }

  // too_long
  if (doc.wordStarts.length > MAX_WORDS) {
    const start = doc.wordStarts[MAX_WORDS] ?? 0;
    out.push(
      finding(
        'too_long',
        { start, end: text.length },
        `At ${doc.wordStarts.length} words this is longer than an apology needs (${MAX_WORDS}).`,
        'Be brief: what went wrong, that you are sorry, the fix and when, the prevention.',
      ),
    );
  }

  // Acknowledgments: a time for the fix and a prevention step.
  if (options.kind === 'acknowledgment') {
    if (!comp.timeline) {
      const anchor = comp.evidence.repair[0] ?? firstSentence(doc);
      out.push(
        finding(
          'no_timeline',
          anchor,
          'No date or time for the fix.',
          'Give a time: "The corrected invoice will be with you by 3 pm today."',
        ),
      );
    }
    if (!comp.preventionStep) {
      const anchor = comp.evidence.repentance[0] ?? lastSentence(doc);
      out.push(
        finding(
          'no_prevention',
          anchor,
          'No step that stops this from happening again.',
          'Say what changes: "Every invoice now gets a second check before it goes out."',
        ),
      );
    }
  }

  // unnamed_mistake: with the mistake as context, the text must say what went wrong.
  if (options.mistake) {
    const terms = mistakeTerms(options.mistake);
    let named = false;
    if (terms.size === 0) named = comp.namesWrong;
    else {
      for (const m of lc.matchAll(WORD)) {
        if (terms.has(stem(m[0]))) {
          named = true;
          break;
        }
      }
    }
    if (!named) {
      const anchor = findAll(doc, VAGUE_WRONG_NOUN, 1)[0] ?? comp.evidence.regret[0] ?? firstSentence(doc);
      out.push(
        finding(
          'unnamed_mistake',
          anchor,
          `The acknowledgment never says what went wrong ("${options.mistake.title.slice(0, 80)}").`,
          "Name the mistake in the client's terms: what was wrong and where.",
        ),
      );
    }
  }

  out.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
  // A pathological text (the same phrase thousands of times) gets at most MAX_PER_RULE findings per rule.
  const perRule = new Map<string, number>();
  return out.filter((f) => {
    const n = (perRule.get(f.rule) ?? 0) + 1;
    perRule.set(f.rule, n);
    return n <= MAX_PER_RULE;
  });
}

/** Most findings reported for one rule in one text. */
export const MAX_PER_RULE = 50;

function dedupe(hits: Hit[]): Hit[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Hit[] = [];
  for (const h of sorted) {
    const last = out[out.length - 1];
    if (last && h.start < last.end) continue; // overlapping: keep the first, longest
    out.push(h);
  }
  return out;
}

function firstSentence(doc: Doc): { start: number; end: number } {
  const s = doc.sentences[0];
  return s ? { start: s.start, end: s.end } : { start: 0, end: doc.text.length };
}

function lastSentence(doc: Doc): { start: number; end: number } {
  const s = doc.sentences[doc.sentences.length - 1];
  return s ? { start: s.start, end: s.end } : { start: 0, end: doc.text.length };
}
