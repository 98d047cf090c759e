// The labelled apology set for `npm run eval` and the floors in src/engine/apology/eval.test.ts.
// Every text was written for makegood (freelancers, agencies and support teams writing to clients
// about a wrong invoice, a missed deadline, a wrong name, wrong data printed, a misunderstood
// brief, a wrong file, an outage, a late delivery, overbilling…), in US and UK spelling, terse and
// long. Labels are a careful reader's judgment, not the analyser's output:
//
//   components (letters): R responsibility · F fix (offer of repair) · S sorry (regret) ·
//                         E explanation · N never again (repentance) · P pardon (forgiveness)
//   rules: the anti-patterns a reader would point at (see src/engine/apology/rules.ts for ids).
//   verdict: written by hand; eval.test.ts checks it agrees with decideVerdict on the labels.
//
// Conventions of the labels: an apology that is conditional ("sorry if…") or aimed at the client's
// feelings ("sorry you feel…") does not count as regret; owning only the clean-up is not
// responsibility; a bare promise ("it won't happen again") is repentance but not a prevention step
// (so an acknowledgment with only a promise still gets no_prevention); a fix already done needs no
// timeline; "make it right" is an offer of repair, but a vague one (vagueness).
//
// `apologyHoldout` was written after the rules and is never used to tune them.
import type { ApologyComponent, ApologyRule, ApologyVerdict } from '../../src/engine/apology/index.ts';

/** One labelled text. */
export interface ApologyCase {
  id: string;
  text: string;
  /** `acknowledgment`: a message about a mistake (adds no_timeline / no_prevention). */
  kind: 'acknowledgment' | 'general';
  /** The mistake being acknowledged, when the text is written against one (unnamed_mistake). */
  mistake?: { title: string; description?: string };
  verdict: ApologyVerdict;
  components: Record<ApologyComponent, boolean>;
  rules: ApologyRule[];
  /** Concrete compensation is offered (a refund, a credit, "at no charge"). */
  compensation?: boolean;
}

const LETTERS: Record<string, ApologyComponent> = {
  R: 'responsibility',
  F: 'repair',
  S: 'regret',
  E: 'explanation',
  N: 'repentance',
  P: 'forgiveness',
};

function comps(letters: string): Record<ApologyComponent, boolean> {
  const out: Record<ApologyComponent, boolean> = {
    responsibility: false,
    repair: false,
    regret: false,
    explanation: false,
    repentance: false,
    forgiveness: false,
  };
  for (const l of letters) {
    const c = LETTERS[l];
    if (!c) throw new Error(`unknown component letter ${l}`);
    out[c] = true;
  }
  return out;
}

interface Extra {
  mistake?: { title: string; description?: string };
  compensation?: boolean;
}

function make(
  kind: ApologyCase['kind'],
  id: string,
  verdict: ApologyVerdict,
  letters: string,
  rules: ApologyRule[],
  text: string,
  extra: Extra = {},
): ApologyCase {
  return {
    id,
    text,
    kind,
    verdict,
    components: comps(letters),
    rules,
    ...(extra.mistake && { mistake: extra.mistake }),
    ...(extra.compensation && { compensation: true }),
  };
}

/** An acknowledgment of a mistake to a client. */
const ack = (
  id: string,
  verdict: ApologyVerdict,
  letters: string,
  rules: ApologyRule[],
  text: string,
  extra?: Extra,
): ApologyCase => make('acknowledgment', id, verdict, letters, rules, text, extra);
/** Any other client-facing text. */
const gen = (
  id: string,
  verdict: ApologyVerdict,
  letters: string,
  rules: ApologyRule[],
  text: string,
  extra?: Extra,
): ApologyCase => make('general', id, verdict, letters, rules, text, extra);

export const apologySet: ApologyCase[] = [
  // --- complete acknowledgments -------------------------------------------------------------
  ack(
    'a001',
    'good',
    'RFSN',
    [],
    "Hi Dana, the invoice I sent on Monday billed you for 32 hours instead of 23. I'm sorry, that's my error. The corrected invoice is attached, and from now on I check every invoice total against the timesheet before it goes out.",
  ),
  ack(
    'a002',
    'good',
    'RFSEN',
    [],
    "Dear Mrs Patel, I'm sorry: we printed your daughter's surname as 'Pattel' on all 120 wedding invitations. I copied it from an old order form instead of your approved proof. We are reprinting the whole run at our cost and it will be couriered to you by Thursday. Every job now goes to press only from the signed-off proof.",
    { compensation: true },
  ),
  ack(
    'a003',
    'good',
    'RFSN',
    [],
    "Sorry — we charged your card twice for the March plan. That was our billing error. The duplicate $49 has been refunded today; you'll see it in 3–5 days. We've added a check that blocks a second charge on the same day.",
    { compensation: true },
  ),
  ack(
    'a004',
    'good',
    'RFSEN',
    [],
    "Hi Tom, apologies — the homepage banner went live with last season's prices because we published the wrong draft. That one is on us. We've replaced it with the approved version (live since 10:40 this morning) and we've added a sign-off step so nothing is published without your written approval.",
  ),
  ack(
    'a005',
    'good',
    'RFSNP',
    [],
    "Priya, I missed Friday's deadline for the brand guidelines and didn't tell you until you chased me. I'm sorry — that's not the standard you hired me for. The full document will be in your inbox by 5 pm tomorrow. I've since put every deliverable in a shared calendar with a reminder two days before it's due, so you'll hear from me early if anything slips. I hope you'll give me the chance to make it up to you.",
  ),
  ack(
    'a006',
    'good',
    'RFSN',
    [],
    "We're sorry. Our outage on Tuesday took your booking page offline for about four hours, and your customers couldn't book. That's on us. Service has been restored, and we've credited your account with one month's fee. We've also set up a monitoring alert that pages an engineer within five minutes of any outage.",
    { compensation: true },
  ),
  ack(
    'a007',
    'good',
    'RFSEN',
    [],
    "Hi Marco, I'm sorry I called you 'Mark' in this morning's email and in the proposal header. I'd typed it from memory rather than from your signature. The proposal has been corrected and re-sent, and I now paste names straight from the contact record.",
  ),
  ack(
    'a008',
    'good',
    'RFSN',
    [],
    'Dear Ms Okafor, I apologise for sending your quarterly report to the wrong address. It went to a former contact at your firm; I asked them to delete it and they confirmed this afternoon that it has been deleted. I have now removed old contacts from our mailing list, and we check the recipient against your file before every send.',
  ),
  ack(
    'a009',
    'good',
    'RFSEN',
    [],
    "Hello Aisha, you asked for a landing page for the spring sale, and I built a page for the whole spring collection instead. I misunderstood the brief and didn't check with you before I started, which cost you a week. I'm sorry. I'll have the sale page ready for review by Wednesday noon, at no extra charge, and from now on I'll send a one-paragraph summary of every brief for you to confirm before I begin.",
    { compensation: true },
  ),
  ack(
    'a010',
    'good',
    'RFSN',
    [],
    "Sorry, Ines — I attached the draft contract, not the signed one. Signed copy attached now. I've renamed our folders so drafts can't be picked by mistake.",
  ),
  ack(
    'a011',
    'good',
    'RFSENP',
    [],
    'Dear Mr Haddad, we are sorry that your order of 40 chairs arrived a week late and that nobody told you. We booked the delivery for the wrong week when we rescheduled it. That mistake is ours. We have refunded the delivery charge in full today, and our scheduling system now sends the customer a confirmation whenever a delivery date changes. We hope we can keep your trust.',
    { compensation: true },
  ),
  ack(
    'a012',
    'good',
    'RFSEN',
    [],
    "Hi Leah, sorry for the slow reply — your ticket sat unanswered for six days because I didn't assign it. That's my fault. I've answered your questions below, and our queue now flags any ticket older than 24 hours.",
  ),
  ack(
    'a013',
    'good',
    'RFSN',
    [],
    "Hi Jonas, we sent this morning's newsletter to your full list instead of the test segment. I'm sorry, that was my mistake. A short correction will go to the list at 2 pm today, and test sends now need a second person to approve the segment.",
  ),
  ack(
    'a014',
    'good',
    'RFSEN',
    [],
    'Hi Freya, I owe you an apology. I quoted you £1,200 for the logo refresh but invoiced £1,500, because I used our old rate card. I have cancelled that invoice and reissued it at the quoted £1,200. I now generate every invoice from the signed quote, not the rate card.',
  ),
  ack(
    'a015',
    'good',
    'RFSN',
    [],
    'Sorry, Owen. I double-booked your photo shoot with another client on the 14th. I have moved the other booking, so your slot at 10 am on the 14th stands. Our calendar now blocks overlapping bookings automatically.',
  ),
  ack(
    'a016',
    'good',
    'RFSENP',
    [],
    "Hello Grace, we lost the files from your first session when we migrated our storage — entirely our fault, and I'm truly sorry. We recovered 80% of them from backups and they're in your shared folder now; we'll reshoot the rest free of charge on a date that suits you. Every migration now runs against a full backup that we verify first. Please forgive us.",
    { compensation: true },
  ),
  ack(
    'a017',
    'mixed',
    'RFN',
    [],
    "My mistake — wrong attachment. Here's the correct deck. I'll double-check attachments before sending from now on.",
  ),
  ack(
    'a018',
    'good',
    'RFSN',
    [],
    "Hi Chen, the ad campaign ran on Saturday with a 50% discount code that should have been 15%. I entered the wrong value in the ad platform, and I'm very sorry. The ads were paused at 9:15 on Saturday, the code has been corrected, and we'll cover the cost of the extra discount on the 37 orders that used it. Promo codes now get read back by a second person before launch.",
    { compensation: true },
  ),
  ack(
    'a019',
    'good',
    'RFSN',
    [],
    "Dear Dr Mensah, please accept my apologies: I addressed your letter to 'Mr Mensah'. That was careless of me. A corrected copy is attached, and I've added your title to our contact record so every letter uses it.",
  ),
  ack(
    'a020',
    'good',
    'RFSEN',
    [],
    "Hi all at Cedar Ridge, an apology for Thursday's report. I pulled the sales figures from the preliminary export, so the regional totals were wrong by about 8%. I'm sorry. Corrected figures are attached; I'll walk you through them on Monday at 10. Going forward, every report is built from the final monthly export, and I compare the totals with finance before sending.",
  ),

  // --- acknowledgments missing a time or a prevention step ----------------------------------
  ack(
    'a021',
    'mixed',
    'RS',
    ['no_timeline', 'no_prevention'],
    "Hi Amara, I'm sorry, I sent you the wrong version of the menu PDF. My mistake.",
  ),
  ack(
    'a022',
    'good',
    'RFS',
    ['no_timeline', 'no_prevention'],
    "Apologies, Lucas — I forgot to add the discount we agreed to your invoice. I'll send a corrected one.",
  ),
  ack(
    'a023',
    'good',
    'RFSEN',
    ['no_prevention'],
    "Sorry about the late delivery of your banners, Zara; we missed the courier cut-off. They're on the van today and will arrive tomorrow morning. It won't happen again.",
  ),
  ack(
    'a024',
    'good',
    'RSN',
    ['no_timeline', 'no_prevention'],
    "I'm sorry I got your company name wrong in the proposal. I will be more careful in future.",
  ),
  ack(
    'a025',
    'good',
    'RFS',
    ['no_timeline', 'no_prevention'],
    "We're sorry — we shipped the blue mugs instead of the green ones. We'll send the right ones as soon as we can.",
  ),
  ack('a026', 'mixed', 'FS', ['no_prevention'], 'Sorry for the delay with your order. The replacement ships tomorrow.'),
  ack(
    'a027',
    'mixed',
    'S',
    ['vagueness', 'no_timeline', 'no_prevention'],
    'We apologise for the issue. We are looking into it and will keep you updated.',
  ),
  ack(
    'a028',
    'good',
    'RFSN',
    ['unnamed_mistake'],
    "Hi Sam, sorry about this one — our mistake. It's been sorted and you should see the update in your account today. We've added an extra check to our process.",
    { mistake: { title: 'Wrong VAT rate on March invoice' } },
  ),
  ack(
    'a029',
    'good',
    'RFSEN',
    [],
    "Hi Rosa, I'm sorry we missed the 3 May launch. That's on me: I underestimated the content migration. The site will go live on Friday 10 May at 9 am, and I now plan migrations with a 30% buffer.",
    { mistake: { title: 'Missed launch deadline', description: 'Site launch slipped from 3 May to 10 May' } },
  ),
  ack(
    'a030',
    'mixed',
    'SN',
    ['unnamed_mistake', 'vagueness', 'no_timeline', 'no_prevention'],
    'Dear Mr Walsh, we sincerely apologise for the recent incident. We take this matter very seriously and have taken steps to ensure it does not happen again.',
    { mistake: { title: 'Client data exposed in shared folder', description: 'Shared drive link was public for two days' } },
  ),

  // --- conditional apologies -----------------------------------------------------------------
  gen('a031', 'non_apology', '', ['conditional_apology', 'vagueness'], "I'm sorry if the invoice caused any confusion."),
  gen(
    'a032',
    'non_apology',
    'S',
    ['conditional_apology', 'minimization', 'vagueness'],
    'We apologise for any inconvenience this may have caused.',
  ),
  gen(
    'a033',
    'non_apology',
    '',
    ['conditional_apology', 'vagueness'],
    "If I got anything wrong in the report, I apologise — let me know and I'll look at it.",
  ),
  ack(
    'a034',
    'non_apology',
    'FS',
    ['conditional_apology', 'no_prevention'],
    "To anyone on your team who was affected by Monday's outage, we apologise. The service is back online.",
  ),
  gen(
    'a035',
    'non_apology',
    'S',
    ['conditional_apology'],
    'We may have sent some customers the wrong renewal date. Sorry about that.',
  ),
  ack(
    'a036',
    'non_apology',
    'E',
    ['conditional_apology', 'self_focus', 'excuse', 'no_timeline', 'no_prevention'],
    "Apologies if my email yesterday came across as rude. I've been under a lot of pressure this week.",
  ),
  gen(
    'a037',
    'non_apology',
    '',
    ['conditional_apology', 'vagueness'],
    'Sorry if there was a misunderstanding about the scope.',
  ),
  gen(
    'a038',
    'mixed',
    'RFE',
    ['conditional_apology'],
    "I'm sorry if the wrong logo on the flyers caused problems — I used an old file. I'll send you corrected flyers by Friday.",
  ),

  // --- feelings deflection ----------------------------------------------------------------------
  gen(
    'a039',
    'non_apology',
    '',
    ['feelings_deflection', 'vagueness'],
    "I'm sorry you feel the project didn't meet your expectations.",
  ),
  gen(
    'a040',
    'non_apology',
    '',
    ['feelings_deflection', 'vagueness'],
    "We're sorry you were disappointed with the photos.",
  ),
  ack(
    'a041',
    'non_apology',
    'E',
    ['feelings_deflection', 'excuse', 'no_timeline', 'no_prevention'],
    "Sorry that you're frustrated about the delay. We've been incredibly busy this month.",
  ),
  gen(
    'a042',
    'non_apology',
    '',
    ['feelings_deflection'],
    'I apologise that some of you felt the webinar ran over time.',
  ),
  gen(
    'a043',
    'mixed',
    'RF',
    ['feelings_deflection'],
    "I'm sorry you were upset by the misspelt headline — that was my error, and a corrected version is live now.",
  ),
  ack(
    'a044',
    'non_apology',
    '',
    ['feelings_deflection', 'vagueness', 'no_timeline', 'no_prevention'],
    'We regret that you had a poor experience with our support team. Your feedback has been passed on.',
  ),

  // --- passive evasion -----------------------------------------------------------------------
  ack(
    'a045',
    'non_apology',
    'FS',
    ['passive_evasion', 'no_prevention'],
    'The wrong file was sent to you yesterday. The correct file is attached. Apologies.',
  ),
  gen(
    'a046',
    'non_apology',
    'S',
    ['passive_evasion', 'vagueness'],
    'Mistakes were made in how your account was handled, and we regret them.',
  ),
  ack(
    'a047',
    'mixed',
    'F',
    ['passive_evasion', 'no_prevention'],
    'Your invoice was overcharged by $300. A credit note has been issued and will appear on your statement by Friday.',
    { compensation: true },
  ),
  gen(
    'a048',
    'non_apology',
    'S',
    ['passive_evasion'],
    'Unfortunately your order was shipped to the wrong address. Sorry for the trouble.',
  ),
  ack(
    'a049',
    'non_apology',
    'FSE',
    ['passive_evasion', 'no_prevention'],
    "Hi Nora, it appears your booking was accidentally deleted during a system update. We're sorry. We've restored it, and your appointment on the 12th at 3 pm stands.",
  ),
  gen(
    'a050',
    'non_apology',
    'S',
    ['passive_evasion'],
    'Your payment reminder was sent in error after you had already paid. Apologies for the confusion.',
  ),
  ack(
    'a051',
    'non_apology',
    'FS',
    ['passive_evasion', 'no_prevention'],
    'Some of the data in your Q2 dashboard was calculated incorrectly. This has now been corrected. We apologise.',
  ),
  gen(
    'a052',
    'non_apology',
    'SE',
    ['passive_evasion'],
    "Your email was overlooked, which is why you hadn't heard back. Sorry!",
  ),
  ack(
    'a053',
    'good',
    'RFSN',
    [],
    "The wrong file was sent by me, not by your team — I'm sorry. The correct file is attached, and I've added a file-name check to my sending routine.",
  ),
  ack(
    'a054',
    'good',
    'RFSN',
    [],
    "I'm sorry I overlooked your email on Tuesday. Your questions are answered below, and all client emails are now flagged in my inbox until they're answered.",
  ),
  gen(
    'a055',
    'non_apology',
    'S',
    ['passive_evasion'],
    'The deadline was missed and the report was delivered late. We apologise.',
  ),
  ack(
    'a056',
    'non_apology',
    'F',
    ['passive_evasion', 'no_prevention'],
    'Your name was misspelled on the certificate. A new certificate will be printed and posted to you on Monday.',
  ),

  // --- blame shifting ------------------------------------------------------------------------
  gen(
    'a057',
    'non_apology',
    'SE',
    ['blame_shifting'],
    'Sorry the brochures came out wrong — the printer used an old file.',
  ),
  ack(
    'a058',
    'non_apology',
    'SE',
    ['blame_shifting', 'excuse', 'no_timeline', 'no_prevention'],
    'We apologise for the late delivery. Our courier had a backlog over the holiday period and the delay was beyond our control.',
  ),
  gen(
    'a059',
    'non_apology',
    'FE',
    ['blame_shifting'],
    "Your brief was unclear about the sizes, so the designs don't fit. We can redo them once you send the right dimensions.",
  ),
  gen(
    'a060',
    'non_apology',
    'SE',
    ['blame_shifting'],
    'Sorry about the outage — our hosting provider went down and it was beyond our control.',
  ),
  gen(
    'a061',
    'non_apology',
    'E',
    ['blame_shifting'],
    "You didn't tell us the event had moved to Saturday, so the flowers went to the old venue.",
  ),
  ack(
    'a062',
    'non_apology',
    'SE',
    ['blame_shifting', 'no_timeline', 'no_prevention'],
    'Apologies — a technical glitch sent your invoice twice. Please ignore the duplicate.',
  ),
  ack(
    'a063',
    'good',
    'RFSN',
    [],
    "I'm sorry the submit button on your contact form was broken for two days. Our contractor built the form, and testing it before launch was my job; I didn't. It's fixed now, and I test every form myself before it goes live.",
  ),
  gen(
    'a064',
    'non_apology',
    'E',
    ['blame_shifting', 'arguing'],
    "With respect, the error came from your accountant's spreadsheet, not our software.",
  ),
  ack(
    'a065',
    'non_apology',
    'SE',
    ['blame_shifting', 'no_timeline', 'no_prevention'],
    "We're sorry your parcel was late. The delay was caused by unforeseen circumstances at the depot.",
  ),
  gen(
    'a066',
    'non_apology',
    'E',
    ['blame_shifting'],
    'If you had approved the proof on time, the cards would have arrived before the launch.',
  ),
  gen('a067', 'non_apology', 'SE', ['blame_shifting'], 'Our new intern sent the wrong price list, sorry about that.'),

  // --- excuses --------------------------------------------------------------------------------
  ack(
    'a068',
    'mixed',
    'RSE',
    ['excuse', 'no_timeline', 'no_prevention'],
    "Sorry I haven't sent the edits yet, Hugo — it's been a hectic week with the trade show.",
  ),
  gen(
    'a069',
    'non_apology',
    'SE',
    ['excuse'],
    "Apologies for the slow turnaround; we're short-staffed at the moment.",
  ),
  ack(
    'a070',
    'non_apology',
    'SE',
    ['excuse', 'minimization', 'no_timeline', 'no_prevention'],
    "Due to unusually high demand we're running behind, and your order will be late. We apologise for any inconvenience.",
  ),
  gen(
    'a071',
    'good',
    'RFSE',
    ['excuse'],
    "I'm sorry I missed our call this morning. I was travelling and lost track of time. Can we talk at 4 pm instead?",
  ),
  gen('a072', 'non_apology', 'SE', ['excuse'], 'The deadline was tight, so a few typos slipped into the copy. Sorry!'),
  ack(
    'a073',
    'good',
    'RFSEN',
    [],
    "Hi Felix, I'm sorry the audit report reached you two days late. I was off sick on Wednesday and didn't hand it over to a colleague, which I should have. It's attached now, and I've set up a handover checklist for any absence.",
  ),
  gen(
    'a074',
    'non_apology',
    'SE',
    ['excuse'],
    "We've been completely swamped since the launch, so replies are slow. Sorry for the wait.",
  ),

  // --- minimization ---------------------------------------------------------------------------
  gen(
    'a075',
    'mixed',
    'FS',
    ['minimization'],
    "Sorry for the small hiccup with your login yesterday — we've reset your password and you can sign in again.",
  ),
  ack(
    'a076',
    'non_apology',
    'S',
    ['minimization', 'no_timeline', 'no_prevention'],
    'It was only a minor typo in the footer, but apologies anyway.',
  ),
  gen(
    'a077',
    'mixed',
    'FS',
    ['minimization'],
    "Just a quick note to apologise for the slight delay on your artwork — it'll be with you tomorrow.",
  ),
  ack(
    'a078',
    'good',
    'RFSN',
    [],
    "I'm sorry: I left two of your products out of the catalogue. It's a small catalogue, so I know the gap was obvious to your customers. Both pages are added and the updated file is attached, and I now check the page list against your product sheet before export.",
  ),
  gen(
    'a079',
    'non_apology',
    '',
    ['minimization'],
    'No harm done, I hope — the wrong date was only on the draft for an hour.',
  ),
  ack(
    'a080',
    'non_apology',
    'S',
    ['minimization', 'no_timeline', 'no_prevention'],
    'We apologise for any inconvenience caused by the brief outage on Tuesday night.',
  ),

  // --- vagueness ------------------------------------------------------------------------------
  gen('a081', 'mixed', 'S', ['vagueness'], 'Sorry about everything that happened last week.'),
  gen('a082', 'mixed', 'S', ['vagueness'], 'We apologise for the situation and are working to resolve it.'),
  gen('a083', 'mixed', 'FS', ['vagueness'], "My apologies for the mix-up. I'll make it right."),
  ack(
    'a084',
    'mixed',
    'FS',
    ['unnamed_mistake', 'no_prevention'],
    'Hi Yusuf, apologies for the error in our last message. The right details are below: 1Z 999 AA1 0123 4567 84.',
    { mistake: { title: 'Wrong tracking number sent', description: 'Parcel tracking code belonged to another order' } },
  ),
  gen('a085', 'mixed', '', ['vagueness'], "We're aware of the problem and we take it very seriously."),

  // --- self focus -------------------------------------------------------------------------------
  gen(
    'a086',
    'non_apology',
    'S',
    ['self_focus'],
    "I'm so sorry about the missed deadline. This whole week has been incredibly stressful for me, and I've barely slept.",
  ),
  ack(
    'a087',
    'good',
    'RFS',
    ['self_focus', 'no_prevention'],
    "I messed up your order, I'm really sorry. Honestly I've been exhausted, and this has been so embarrassing for me. I'll send the right sizes tomorrow.",
  ),
  gen(
    'a088',
    'non_apology',
    'S',
    ['self_focus'],
    'You have no idea how bad I feel about the invoice mix-up.',
  ),

  // --- sorry, but ---------------------------------------------------------------------------------
  gen(
    'a089',
    'non_apology',
    'SE',
    ['sorry_but', 'arguing', 'excuse'],
    'Sorry for the late reply, but we did warn you that the holidays would slow things down.',
  ),
  gen(
    'a090',
    'mixed',
    'RSE',
    ['sorry_but', 'blame_shifting'],
    'I apologise for my tone on the phone, but your team had changed the plan three times that week.',
  ),
  ack(
    'a091',
    'mixed',
    'RFSE',
    ['sorry_but', 'arguing', 'blame_shifting', 'no_prevention'],
    "Sorry we sent the wrong colour, though in our defence the swatch you picked was very close to it. We'll ship the right one on Monday.",
  ),
  gen(
    'a092',
    'good',
    'RFS',
    [],
    "I'm sorry I double-charged you, but I've already refunded the second payment.",
    { compensation: true },
  ),
  gen(
    'a093',
    'mixed',
    'S',
    ['sorry_but', 'arguing', 'vagueness'],
    'We apologise; however, our terms clearly state that refunds take 14 days.',
  ),

  // --- arguing ---------------------------------------------------------------------------------
  gen(
    'a094',
    'mixed',
    '',
    ['arguing'],
    'As I mentioned in my last email, the files were due on the 3rd. Technically we delivered on time.',
  ),
  gen(
    'a095',
    'good',
    'RFS',
    ['arguing'],
    "To be fair, the proof did show the old date. Still, I should have caught it, and I'm sorry. Corrected proofs are attached.",
  ),
  gen('a096', 'mixed', '', ['arguing'], 'For the record, we never promised a Friday delivery.'),
  ack(
    'a097',
    'mixed',
    'FS',
    ['arguing', 'minimization', 'no_prevention'],
    "Sorry about the mistake on your invoice — actually, it was only $12 out, so nothing to worry about, but I've corrected it.",
  ),
  gen(
    'a098',
    'mixed',
    '',
    ['arguing'],
    "If you re-read the contract, you'll see the revisions were capped at two rounds.",
  ),

  // --- groveling --------------------------------------------------------------------------------
  gen(
    'a099',
    'mixed',
    'RS',
    ['groveling'],
    "I am so, so sorry. I'm an absolute idiot — I sent the invoice to the wrong client. I can't apologise enough.",
  ),
  ack(
    'a100',
    'good',
    'RFSN',
    ['groveling'],
    "A thousand apologies, Maya. I forgot to book your venue for the 22nd. I've now booked it (confirmation attached) and I'll never forgive myself. Every booking now goes into the shared calendar the same day.",
  ),
  gen('a101', 'mixed', 'RS', ['groveling'], "Sorry. Sorry. I really am sorry I missed the meeting. I'm useless."),
  gen(
    'a102',
    'good',
    'RFS',
    ['groveling'],
    "I'm sorry I mislabelled your samples, I really am sorry, and I'm sorry it held up your lab. Relabelled samples go out today.",
  ),

  // --- too long -----------------------------------------------------------------------------------
  ack(
    'a103',
    'good',
    'RFSENP',
    ['too_long'],
    `Dear Ms Larsen,

I am writing to apologise properly for what happened with your customer database during last weekend's migration to the new CRM. When we moved your records across, our import script matched contacts by surname only, so customers who share a surname were merged into one record. About 340 of your customers ended up with someone else's phone number or order history attached to them, and on Monday two of your staff called the wrong person about an overdue payment. That must have been embarrassing for your team, and it is entirely our fault.

We should have tested the import on a copy of your data and compared the record counts before and after; we did neither, because we were confident the script had worked for other clients. That confidence was misplaced and I am sorry.

Here is what we have done and will do. We restored the pre-migration backup on Tuesday evening, so nothing has been lost. We are re-running the import with matching on email address and customer number, and the corrected database will be live by 9 am on Friday. I will personally check a sample of 100 records against the backup before we switch over, and I will send you the comparison.

For the future, every migration we run now starts with a test import on a copy of the data, and a second engineer signs off the record counts before anything goes live. We will not charge you for the migration. I know we have to earn back your confidence, and I hope you will give us the chance to do that.

With my apologies,
Dan`,
  ),
  gen(
    'a104',
    'mixed',
    'RSE',
    ['too_long', 'excuse', 'self_focus'],
    `Hi Naomi,

I just wanted to reach out about the website copy, which I know I promised you for the end of last month. I'm really sorry it still isn't done. Honestly, it has been one of those months. I took on two other projects that both turned out to be much bigger than their briefs suggested, and then my laptop died in the middle of everything, which meant a lot of evenings rebuilding my setup instead of writing. On top of that I've been swamped with admin for my tax return, and I've had a cold for most of the past two weeks that just won't shift. It has been so stressful for me, and I've been losing sleep over the fact that your project has been sitting there.

I know none of that is your problem, and I should have let you know sooner that I was behind instead of going quiet. I think part of me kept hoping I would catch up over a weekend and you would never notice, which was not a fair way to treat you. I also realise you have a launch coming, and that my being late puts pressure on your developer and on your own team.

I've started on the About page and the Services page, and I'm fairly happy with the direction, although I want to spend a bit more time on the tone. I'll keep going on it as much as I can around the other projects. I really value working with you and I hope the finished copy will be worth the wait when it arrives. Thanks so much for your patience and understanding with all of this.

Best,
Jess`,
  ),
  ack(
    'a105',
    'good',
    'RFSEN',
    ['too_long'],
    `Hello Mr Byrne,

Thank you for your call this morning, and I'm sorry you had to chase us. You were right: the maintenance invoice we sent on 2 March charged you for twelve months of the premium support plan, when you moved to the standard plan in January. The difference is £420.

This was our mistake. When you changed plans, our account manager updated your contract but not the billing record, and the annual invoice is generated from the billing record. Nobody compared the two before the invoice went out. I've looked back through your account history and this is the only invoice affected, but I wanted to be sure before I wrote to you, which is why this reply comes in the afternoon rather than straight after your call.

We have cancelled invoice 20417 and issued a corrected invoice for the standard plan, which is attached. As you had already paid the original, we have refunded the £420 difference to the card you used; it was processed at 2:15 pm today and your bank should show it within three working days. If it hasn't appeared by Monday, please let me know directly and I will chase it myself.

To stop this happening again, plan changes now update the contract and the billing record in one step, and every annual invoice is checked against the signed contract by a second person in our finance team before it is sent. We have also run that check across all of our other customers' renewals this month.

Again, I'm sorry for the error and for the time it has cost you.

Kind regards,
Alison Reyes
Customer Accounts`,
    { compensation: true },
  ),
  gen(
    'a106',
    'non_apology',
    'FSE',
    ['too_long', 'conditional_apology', 'passive_evasion', 'minimization', 'blame_shifting'],
    `Dear valued customer,

We are writing to inform you about a service disruption that affected a number of accounts earlier this week. On Tuesday afternoon, some customers were unable to access their dashboards for a period of time, and in a small number of cases scheduled reports were delivered late or not at all. We understand how important reliable access is to your business.

The disruption was caused by a technical issue with one of our third-party infrastructure providers, which experienced an unexpected failure in one of its data centres. Our engineering teams worked closely with the provider throughout the afternoon, and normal service was restored later that evening. A number of scheduled reports were not sent during this window, and these will be regenerated automatically over the coming days.

We would like to reassure you that the security of your data was not affected at any point, and that the vast majority of our customers experienced only minimal disruption. Our status page was updated regularly throughout the incident, and we encourage all customers to subscribe to status updates so that they are informed promptly in the event of any future disruption.

We take the reliability of our platform extremely seriously and continue to invest in the resilience of our systems. We are reviewing this incident with our provider to understand what lessons can be learned, and we will share further information where appropriate.

We apologise for any inconvenience this may have caused and thank you for your continued patience and loyalty. If you have any questions, please do not hesitate to contact our support team, who will be happy to help.

Yours faithfully,
The Customer Experience Team`,
  ),

  // --- assorted passive, conditional, feelings ---------------------------------------------------
  gen(
    'a107',
    'non_apology',
    'F',
    ['passive_evasion'],
    'An incorrect figure was included in the proposal you received. It has since been updated.',
  ),
  ack(
    'a108',
    'non_apology',
    'F',
    ['passive_evasion', 'no_prevention'],
    'Regrettably, the meeting invitation was sent to the wrong distribution list. The invitation has now been withdrawn.',
  ),
  gen('a109', 'non_apology', 'F', ['passive_evasion'], 'Your account was suspended by mistake. Access has been restored.'),
  gen(
    'a110',
    'mixed',
    '',
    [],
    'We sent your samples by courier on Monday, and they were delivered to reception this morning.',
  ),
  ack(
    'a111',
    'good',
    'RFSEN',
    [],
    "I'm sorry the welcome pack was sent to your old office. I didn't update your address after your move. A new pack was couriered this morning, and address changes now go straight into our CRM the day we hear of them.",
  ),
  gen(
    'a112',
    'non_apology',
    'S',
    ['passive_evasion'],
    "It seems the discount wasn't applied at checkout. Apologies for that.",
  ),
  gen(
    'a113',
    'non_apology',
    'S',
    ['conditional_apology', 'passive_evasion'],
    'We apologise to any customers who were charged twice for their March order.',
  ),
  ack(
    'a114',
    'mixed',
    'F',
    ['conditional_apology', 'no_timeline', 'no_prevention'],
    "If your delivery arrived damaged, we're sorry and will replace it free of charge.",
    { compensation: true },
  ),
  gen(
    'a115',
    'non_apology',
    'S',
    ['conditional_apology'],
    'I might have given you the wrong date for the workshop — sorry!',
  ),
  gen('a116', 'non_apology', '', ['conditional_apology'], 'If this came across as dismissive, that was not my intention.'),

  // --- complete general apologies ------------------------------------------------------------------
  gen(
    'a117',
    'good',
    'RFSN',
    [],
    'Hey Kofi — I pushed the staging site to production by mistake last night. My fault, sorry. I rolled it back within 20 minutes, and deploys now need a manual approval.',
  ),
  gen(
    'a118',
    'good',
    'RFS',
    [],
    "Hi Imogen, apologies — I spelt your colleague's name wrong in the minutes. I've corrected it and re-sent them to the group.",
  ),
  gen(
    'a119',
    'good',
    'RFSE',
    [],
    "Hi Ravi, you're right, and I'm sorry. We closed your ticket without fixing the sync error because the agent misread your last message. I've reopened it and an engineer will call you at 2 pm today.",
  ),
  gen(
    'a120',
    'good',
    'RFSNP',
    [],
    "Elena, I'm sorry. I promised the revised floor plan for Monday and it's now Thursday. I should have told you as soon as I knew it would slip. It's attached, and from now on I'll tell you the same day if a date is at risk. I hope you'll accept my apology.",
  ),
  gen(
    'a121',
    'good',
    'RFS',
    [],
    "Hi Callum, I was short with you on the phone this afternoon, and that was unfair of me. I'm sorry. I've looked into the question you raised and the answer is below.",
  ),
  gen('a122', 'mixed', 'RS', ['vagueness'], "That was my mistake — I'm sorry, Ruth."),
  gen('a123', 'good', 'RSN', [], "We overbilled you for storage in April and May. I'm sorry. It will not happen again."),
  ack(
    'a124',
    'good',
    'RFSEN',
    [],
    'Dear Mr Lindqvist, we overcharged you for parking on your last three visits because our system still held your old tariff. I am very sorry. We have refunded the £36 difference to your card today, and our staff now check the tariff at every check-in.',
    { compensation: true },
  ),
  gen(
    'a125',
    'mixed',
    'FS',
    [],
    "Apologies for the wrong link in today's newsletter — it pointed to last year's sale. I've fixed it on the web version and sent a correction at 3 pm.",
  ),

  // --- written against a mistake --------------------------------------------------------------------
  ack(
    'a126',
    'good',
    'RFSN',
    ['unnamed_mistake'],
    "Dear Ms Achebe, I'm sorry for our error last week. I have resent it to the right person today, and our contact list is now reviewed every month.",
    { mistake: { title: 'Invoice sent to wrong contact', description: 'Invoice INV-2207 emailed to the former finance manager' } },
  ),
  ack(
    'a127',
    'good',
    'RFSN',
    [],
    "Hi Tessa, I booked two clients into your 10:00 slot on 4 June — I'm sorry. I've moved the other client to 11:30, so your consultation goes ahead as planned, and the booking tool now refuses a second booking in a taken slot.",
    { mistake: { title: 'Double-booked consultation', description: 'Two clients booked into the 10:00 slot on 4 June' } },
  ),
  ack(
    'a128',
    'mixed',
    'FSN',
    ['unnamed_mistake', 'no_prevention'],
    "Sorry for the trouble, Victor. We have put it right and it won't happen again.",
    { mistake: { title: 'Wrong product photos on website' } },
  ),
  ack(
    'a129',
    'good',
    'RFSEN',
    [],
    "Dear Omar, I'm sorry we processed your staff payroll a day late. I set the run for the wrong date. All 48 payments landed this morning, and we've added a reminder two days before each payroll date.",
    { mistake: { title: 'Missed payroll deadline', description: 'Payroll for 48 staff processed a day late' } },
  ),

  // --- not really apologies -------------------------------------------------------------------------
  gen('a130', 'mixed', '', [], 'Thanks for flagging this. We have passed it on to the relevant team.'),
  gen('a131', 'mixed', '', [], 'We regret to inform you that the event has been cancelled.'),
  gen('a132', 'mixed', '', [], 'Sorry to hear about the storm at your warehouse — let us know if we can help.'),
  gen('a133', 'mixed', '', [], 'Please note that the prices in the old brochure are no longer valid.'),
  gen('a134', 'mixed', 'F', ['excuse'], "Mistakes happen! We'll get the right version over to you."),
  gen('a135', 'non_apology', '', ['self_focus'], "Honestly, it's been a nightmare week for us too."),
  gen('a136', 'mixed', 'F', [], 'The issue has been resolved. Thank you for your patience.'),
  gen('a137', 'mixed', 'S', [], "We're sorry you had to wait on hold for so long today."),

  // --- more complete and near-complete ones -----------------------------------------------------------
  ack(
    'a138',
    'good',
    'RFSNP',
    [],
    "Hi Jade, we let your domain renewal lapse even though you'd asked us to renew it, and your site was down for a day. I'm sorry — that's on us. It's back up, the domain is renewed for two years at no extra cost, and renewals now run automatically 30 days early. We'd like the chance to win back your trust.",
    { compensation: true },
  ),
  gen('a139', 'good', 'RFS', [], "Apologies, Clara — I put last month's figures in the deck. Updated deck attached."),
  gen('a140', 'mixed', 'S', ['vagueness'], 'Sorry about that!'),
  gen(
    'a141',
    'non_apology',
    'S',
    ['conditional_apology', 'vagueness'],
    'We are sorry for any confusion our previous email may have caused.',
  ),
  ack(
    'a142',
    'good',
    'RFSEN',
    [],
    "Hi Harriet, the event programme we printed listed your keynote speaker at 11:00 instead of 14:00. We took the time from an early draft of the running order, and I'm sorry. We're reprinting 500 programmes overnight at our cost, delivered to the venue by 8 am, and from now on the printer receives only the version you've signed off.",
    { compensation: true },
  ),
  gen('a143', 'good', 'RFS', [], "I'm sorry — I missed your 9 o'clock call. I'll ring you back at 11."),
  gen(
    'a144',
    'non_apology',
    '',
    ['conditional_apology', 'vagueness'],
    "Apologies if my invoice was wrong; I'll double check and get back to you.",
  ),
  ack(
    'a145',
    'good',
    'RSEN',
    ['no_timeline'],
    'We sent your reminder texts at 3 am because we set the wrong time zone. Sorry. We now test every scheduled send with a dummy number first.',
  ),
  gen('a146', 'mixed', 'S', [], 'Regret the delay on this one.'),
  gen(
    'a147',
    'non_apology',
    'F',
    ['passive_evasion', 'minimization'],
    'Your order got lost in transit, which happens from time to time. We can send another.',
  ),
  gen(
    'a148',
    'good',
    'RFS',
    [],
    "Our mistake: the order confirmation said 'collection' when you'd chosen delivery. Sorry! Your driver is booked for Thursday between 9 and 12.",
  ),
  gen('a149', 'mixed', 'S', ['vagueness'], 'We are deeply sorry for the pain this has caused.'),
  gen(
    'a150',
    'mixed',
    'FSE',
    ['excuse'],
    "Sorry for the delay on your logo — we've had so much on our plate. It'll be ready on Monday.",
  ),
  gen(
    'a151',
    'mixed',
    'R',
    ['feelings_deflection'],
    "I'm sorry you felt ignored. I didn't reply to your last two emails, and I should have.",
  ),
  ack(
    'a152',
    'good',
    'RFSEN',
    [],
    'Sorry, Ivan. Our script emailed your customers twice last night; I launched it without the duplicate filter. A short apology went to them at 8 am, and the filter is now required before any send.',
  ),
  gen('a153', 'mixed', '', ['arguing'], 'With all due respect, the colours match the brand guide you sent us.'),
  gen(
    'a154',
    'non_apology',
    'SE',
    ['blame_shifting'],
    'Our apologies — the shuttle bus was cancelled by the operator at short notice, which was out of our hands.',
  ),
  gen('a155', 'non_apology', 'S', ['passive_evasion'], 'We sincerely apologise that your data was exposed.'),
  ack(
    'a156',
    'good',
    'RFSN',
    [],
    "Hola Mateo — I spelled your surname 'Fernandes' on the contract instead of 'Fernández'. I'm sorry. The corrected contract is in DocuSign for you now, and I copy names from the signed form from now on.",
  ),
  ack(
    'a157',
    'good',
    'RFSENP',
    [],
    "Hi Sienna, I sent the draft press release to the journalists on your list before you had approved it, and it went out with the wrong launch price. I'm so sorry. I misread your 'looks good' on the earlier version as sign-off for this one. I've sent a correction to all 14 journalists this morning and spoken to the two who replied. From now on, nothing goes to press contacts without a written 'approved' on the final file. I hope you can forgive me.",
  ),
  gen(
    'a158',
    'non_apology',
    'SE',
    ['excuse', 'minimization'],
    "Apologies, we're a bit short-handed this week, so there might be a little delay on your order.",
  ),
  ack(
    'a159',
    'mixed',
    'RSE',
    ['sorry_but', 'excuse', 'no_timeline', 'no_prevention'],
    'I know I missed the deadline and I am sorry, but the timeline was extremely tight from the start.',
  ),
  gen(
    'a160',
    'good',
    'RFSN',
    [],
    "We quoted you the wrong delivery fee on the phone — it's £35, not £15. Sorry about that. We'll honour the £15 we quoted, and our staff now read fees from the price list, not from memory.",
    { compensation: true },
  ),

  // --- a second batch, written after the first round of tuning (its first score is in the report) ---
  ack(
    'a161',
    'good',
    'RFSEN',
    [],
    `Hi Ahmed,

Quick one, and an apology: yesterday's payroll export had the wrong tax code for three of your staff. That was my mistake — I applied last year's code table.

What I've done:
- re-run the export with this year's codes (attached)
- emailed the three employees a short note this morning

What changes: the code table is now checked against HMRC's list every April before the first run.

Sorry for the extra work this caused.
Tom`,
  ),
  gen('a162', 'good', 'RFS', [], 'ugh sorry!! totally my bad, i put the wrong hex code in the header css. pushed a fix just now 🙏'),
  ack(
    'a163',
    'mixed',
    '',
    ['arguing', 'no_timeline', 'no_prevention'],
    'We acknowledge receipt of your complaint regarding the delayed shipment. Please be advised that delivery times are estimates and are not guaranteed under our terms and conditions.',
  ),
  gen('a164', 'non_apology', '', ['feelings_deflection'], "We're sorry to hear you found our invoice confusing."),
  ack(
    'a165',
    'good',
    'RFSN',
    [],
    'Dear Mrs Kowalski, thank you for letting us know that the dining table delivered on Saturday has a deep scratch across the top. I am very sorry; our driver should have inspected it with you before leaving, and he did not. A replacement table will be delivered on Thursday 14 March between 8 and 10 am, and our driver will collect the damaged one at the same visit. Every delivery now ends with a joint inspection and a signature from the customer. With apologies, Mark Delgado, Customer Care',
  ),
  gen(
    'a166',
    'non_apology',
    'F',
    ['passive_evasion', 'minimization'],
    'Some invoices were issued with a minor rounding discrepancy. This has since been rectified.',
  ),
  ack(
    'a167',
    'good',
    'RFSN',
    [],
    "Hi Lena — we printed the old logo on your banner. Sorry, that's on us. A new banner is being printed today and will be at the venue by 9 am tomorrow; logo files now come only from your brand folder.",
    { mistake: { title: 'Wrong logo on event banner', description: 'Old logo printed on the 3 m banner' } },
  ),
  gen(
    'a168',
    'non_apology',
    'E',
    ['blame_shifting'],
    'Just so you know, the delay happened because your finance team took three weeks to approve the purchase order.',
  ),
  gen(
    'a169',
    'mixed',
    'RS',
    ['groveling', 'self_focus'],
    "I honestly feel like the worst freelancer alive. I missed your deadline and I've been crying about it all morning. I'm so sorry.",
  ),
  ack(
    'a170',
    'good',
    'RFSEN',
    [],
    "Apologies for the late report, Sophie. We were short-staffed last week and I should have warned you it would slip. It's attached now, and I've added a weekly capacity check to our Monday meeting so we can flag slips early.",
  ),
  gen('a171', 'non_apology', '', ['conditional_apology'], "Apologies if the timings on the run sheet weren't clear."),
  gen(
    'a172',
    'non_apology',
    '',
    ['feelings_deflection', 'sorry_but', 'arguing', 'vagueness'],
    "I'm sorry the photos weren't what you hoped for, but we shot exactly what was in the brief.",
  ),
  ack(
    'a173',
    'good',
    'RFSEN',
    [],
    "Hi Marcus, you were billed $89 for the Pro plan after you downgraded in May — our system kept the old plan on file, and that's our fault. I'm sorry. We've refunded the $89 (you'll see it within 5 business days) and added a check that confirms the plan before each renewal charge.",
    { compensation: true },
  ),
  gen(
    'a174',
    'mixed',
    'S',
    ['vagueness'],
    "Sorry for the mix-up with your booking. We're looking into what happened and will be in touch.",
  ),
  gen('a175', 'non_apology', 'S', ['passive_evasion'], "Your order got mixed up with another customer's, apologies."),
  ack(
    'a176',
    'mixed',
    'SN',
    ['unnamed_mistake', 'no_timeline', 'no_prevention'],
    'Dear Ravi, please accept our sincere apologies. This will not happen again.',
    { mistake: { title: 'Meeting notes sent to wrong client' } },
  ),
  gen(
    'a177',
    'mixed',
    'RFNP',
    [],
    "Hi Noor, I forgot to send the signed NDA to your legal team before the kickoff, and they had to postpone. My fault entirely. It's with them now. I've added NDAs to my kickoff checklist. Thank you for bearing with me — I hope I can earn back your confidence.",
  ),
  gen(
    'a178',
    'non_apology',
    '',
    ['minimization'],
    "The site was only down for twenty minutes, so most customers won't have noticed.",
  ),
  ack(
    'a179',
    'mixed',
    'FSEN',
    [],
    'The wrong prices appeared on your menu board because the sync between the till and the board failed overnight. The prices have been corrected, and the sync now sends an alert if it fails. Sorry for the trouble this morning.',
  ),
  gen('a180', 'mixed', '', ['arguing'], 'As per our agreement, revisions after sign-off are billable, so the invoice stands.'),
  gen(
    'a181',
    'good',
    'RFSN',
    [],
    "Hey Tamsin — we double-booked the studio for your shoot on the 9th. That's on us and I'm sorry. We've secured a second studio two blocks away at no cost to you, and our booking calendar now blocks overlapping slots.",
    { compensation: true },
  ),
  ack(
    'a182',
    'mixed',
    'FE',
    ['blame_shifting', 'no_prevention'],
    'Unfortunately our payment provider processed your subscription twice. They have refunded the duplicate charge.',
    { compensation: true },
  ),
  gen('a183', 'mixed', 'S', [], 'Our apologies to those of you who received the test email this morning.'),
  gen('a184', 'good', 'RFS', [], 'Apologies, Gemma — I quoted the old day rate. Corrected quote attached.'),
  ack(
    'a185',
    'mixed',
    'RFEN',
    [],
    "Your contract was sent to the wrong email address. That was my error — I picked the wrong contact from the list. I've resent it to you directly this morning, and I now confirm the address with clients before sending contracts.",
  ),
  gen(
    'a186',
    'non_apology',
    'SE',
    ['blame_shifting', 'minimization', 'vagueness'],
    'Sorry, our systems have been a bit temperamental this week.',
  ),
  gen(
    'a187',
    'mixed',
    'RP',
    ['groveling', 'vagueness'],
    'Please, please forgive me. I know I let you down badly on the launch.',
  ),
  ack(
    'a188',
    'good',
    'RFSN',
    [],
    "Hello Pieter, we sent your campaign report with another client's logo on the cover. Sorry — that was careless of us. The corrected report will be in your inbox by end of day, and covers are now generated from each client's own folder.",
  ),
  gen(
    'a189',
    'non_apology',
    '',
    ['feelings_deflection', 'vagueness'],
    "We're sorry for any frustration this has caused.",
  ),
  gen(
    'a190',
    'good',
    'RFSN',
    [],
    "Mr Osei, I'm sorry — we cashed your deposit cheque twice. I've returned the second payment by bank transfer today, and our deposits are now logged the moment they arrive.",
    { compensation: true },
  ),
  gen('a191', 'mixed', 'F', [], 'Thanks for your patience while we sorted out the login issue.'),
  gen(
    'a192',
    'non_apology',
    'S',
    ['sorry_but', 'excuse'],
    'Sorry for the short notice, though these things happen in events.',
  ),
  gen('a193', 'mixed', 'F', [], "I've attached the revised proposal with the corrected headcount."),
  ack(
    'a194',
    'mixed',
    '',
    ['arguing', 'no_timeline', 'no_prevention'],
    'We have reviewed your complaint and found no error on our part. The charge is correct.',
  ),
  gen('a195', 'non_apology', 'E', ['blame_shifting'], 'Unfortunately your parcel has been lost by the courier.'),
  gen(
    'a196',
    'good',
    'RFS',
    [],
    "Sorry, Ines — I wrote 'Dr Ali' on the place cards; it should have been 'Prof Ali'. New cards are printed and on the tables.",
  ),
  ack(
    'a197',
    'mixed',
    'S',
    ['vagueness', 'no_timeline', 'no_prevention'],
    'We apologise for the outage on 3 March. Our engineers are investigating the root cause and we will share an update.',
  ),
  gen(
    'a198',
    'good',
    'RFSE',
    [],
    "Hi Kat, I'm sorry your order went out late. I packed it on Friday but didn't book the courier because I thought Monday was fine. It's with them now and arrives tomorrow.",
  ),
  gen('a199', 'non_apology', 'S', ['conditional_apology'], "Our reminder might have confused a few customers. We're sorry."),

  // --- a third batch, written after the second round of tuning (its first score is in the report) ---
  gen(
    'a200',
    'good',
    'RFSN',
    [],
    'Dear Mr Abebe, please accept my sincere apologies for the error on your statement. We applied the March direct debit twice. I have arranged for the duplicate £120 to be refunded to your account today, and I have asked our collections team to check all direct debits against the schedule before they are taken. Yours sincerely, Helen Price',
    { compensation: true },
  ),
  gen(
    'a201',
    'non_apology',
    'S',
    ['minimization', 'vagueness'],
    'We sincerely apologize for any inconvenience. Your satisfaction is our top priority, and we value you as a customer.',
  ),
  gen('a202', 'mixed', 'FSE', ['excuse'], 'Sorry for late answer, I was in holiday. I will send you the files tomorrow morning.'),
  gen('a203', 'non_apology', 'SE', ['excuse'], 'so sorry running 15 min late, traffic is mad. be there by 10:20'),
  ack(
    'a204',
    'good',
    'RFSEN',
    [],
    "Update on ticket #4471: the export bug that dropped the last row from your CSV files is fixed as of 11:30 today. The cause was an off-by-one error in our code, which I introduced in last week's release — my mistake, and I'm sorry for the missing data. I've re-run your exports for the past seven days (links below), and our release checklist now includes a row-count test on a sample export.",
  ),
  gen(
    'a205',
    'non_apology',
    'F',
    ['passive_evasion'],
    'It has come to our attention that some customer addresses were displayed to other users. This issue has now been resolved.',
  ),
  gen(
    'a206',
    'good',
    'RFSNP',
    [],
    "Hi Ruth, I owe you an apology. I promised the illustrations by the 1st and delivered them on the 9th without telling you they were running late. That was unprofessional of me. I've knocked 20% off the invoice, and from now on I'll send you a progress note every Friday. I hope you'll give me another chance on the next book.",
    { compensation: true },
  ),
  gen(
    'a207',
    'non_apology',
    'E',
    ['blame_shifting'],
    'To be honest, if the brief had included the mobile layout, we would have designed it.',
  ),
  ack(
    'a208',
    'mixed',
    'FS',
    ['no_prevention'],
    'Sorry the delivery came without the stands, but they went out this morning and will be with you tomorrow.',
  ),
  gen(
    'a209',
    'non_apology',
    '',
    ['self_focus'],
    "This has been a really tough week for our whole team, and we're doing our best.",
  ),
  gen(
    'a210',
    'non_apology',
    '',
    ['conditional_apology'],
    'We apologise if any of our staff were rude to you during your visit.',
  ),
  ack(
    'a211',
    'good',
    'RFSEN',
    [],
    "Hi Gabriel, the spec sheets we printed for your trade show list the battery life as 12 hours; it's 21. I swapped the digits when I typed up the table. We're reprinting all 400 sheets tonight and overnighting them to the convention center, and every spec sheet now gets checked against your product data before it goes to print. Sorry for the scramble.",
  ),
  gen('a212', 'non_apology', '', ['minimization'], 'It was just a small formatting thing, nothing serious.'),
  gen(
    'a213',
    'good',
    'RFS',
    [],
    'Apologies, Siobhan, not Sinead — I should know better by now. Fixed in the minutes too.',
  ),
  ack(
    'a214',
    'non_apology',
    '',
    ['feelings_deflection', 'no_timeline', 'no_prevention'],
    'We understand that you are upset about the cancellation, and we regret any distress caused.',
  ),
  gen(
    'a215',
    'good',
    'RFSEN',
    [],
    "Hi Omar, I'm sorry your site was slow all morning. It turned out the image cache I set up last week was filling the disk. I've cleared it, moved the cache to its own drive, and set an alert for when the disk is 80% full.",
  ),
  ack(
    'a216',
    'good',
    'RFSN',
    [],
    "Sorry about last month's billing error — my mistake. I'll correct it on this month's invoice and double-check the rates going forward.",
    { mistake: { title: 'Overcharged hourly rate on February invoice' } },
  ),
  gen('a217', 'non_apology', 'SE', ['blame_shifting'], 'Sorry — Jake on our team sent you the unedited version by mistake.'),
  gen(
    'a218',
    'mixed',
    'RFEN',
    [],
    "Morning Callum — you're quite right, we've charged you VAT twice on the April invoice. Our error entirely. Credit note attached, and I've fixed the template that caused it so it can't recur.",
    { compensation: true },
  ),
  gen(
    'a219',
    'mixed',
    '',
    [],
    "At Brightline, we're always striving to improve. Thank you for your feedback, which helps us grow.",
  ),
  gen('a220', 'mixed', 'FS', ['groveling'], 'Sorry, sorry, sorry! Wrong file. Right one attached.'),
  ack(
    'a221',
    'good',
    'RFSN',
    [],
    'Dear Mrs Visser, we have made a mistake in your order: we delivered 20 boxes in place of 200. Our apologies. The other 180 boxes leave our warehouse today and arrive on Thursday. We now count every pallet twice before loading.',
  ),
  gen(
    'a222',
    'non_apology',
    '',
    ['passive_evasion'],
    'The change in opening hours was not communicated to customers in time.',
  ),
  gen(
    'a223',
    'mixed',
    'SP',
    ['vagueness'],
    'We deeply regret the recent service issues and are committed to restoring your confidence in us.',
  ),
  ack(
    'a224',
    'good',
    'RFSN',
    [],
    "Hannah, I'm sorry I spelled your name wrong in the proposal. A corrected copy is attached, and I now copy names from your email signature.",
    { mistake: { title: 'Client name misspelled in proposal', description: 'Proposal addressed to "Hanna" instead of "Hannah"' } },
  ),
  gen(
    'a225',
    'non_apology',
    '',
    ['feelings_deflection', 'vagueness'],
    "We hear you, and we're sorry you feel let down.",
  ),
  gen(
    'a226',
    'non_apology',
    'E',
    ['minimization', 'excuse'],
    'Just a heads-up that a couple of orders went out a day late because of the bank holiday — nothing major.',
  ),
  gen(
    'a227',
    'good',
    'RSEN',
    [],
    "I'm sorry I snapped at you in the meeting, Dev. I was frustrated with the timeline, but that's no excuse for taking it out on you. I'll make sure to raise concerns calmly from here on.",
  ),
  ack(
    'a228',
    'mixed',
    'FS',
    ['unnamed_mistake', 'no_prevention'],
    'Hi Ana, so sorry for the hassle! All sorted now 🙂',
    { mistake: { title: 'Double charge on card', description: 'Customer charged twice for order 5521' } },
  ),
  ack(
    'a229',
    'good',
    'RFSEN',
    [],
    `Hi Priya,

You're right — we shipped your order to your old address even though you'd updated it in your account. That's on us, and I'm sorry.

Here's what we've done:
• cancelled the first shipment and asked the carrier to return it
• sent a new order to your current address by 2-day shipping, at no cost

We've also fixed the bug that let old addresses stay on open orders.

— Dana, Customer Support`,
    { compensation: true },
  ),
];

/** Written after the rules were tuned; never used to tune them. */
export const apologyHoldout: ApologyCase[] = [
  ack(
    'h01',
    'good',
    'RFSN',
    [],
    "Hi Bethany, I entered your order as 500 leaflets instead of 5,000. I'm sorry — my error. The other 4,500 are printing now and will be delivered by Wednesday at noon, and every order now gets a quantity check against the signed quote.",
  ),
  ack(
    'h02',
    'mixed',
    'RS',
    ['no_timeline', 'no_prevention'],
    "Apologies, Idris. I left your logo off the sponsor slide at the conference. That's on me.",
  ),
  gen('h03', 'non_apology', '', ['feelings_deflection', 'vagueness'], "We're sorry you feel let down by our service."),
  gen(
    'h04',
    'non_apology',
    'S',
    ['passive_evasion'],
    'Your appointment was cancelled in error. We apologise for this.',
  ),
  gen(
    'h05',
    'non_apology',
    'SE',
    ['blame_shifting'],
    'Sorry for the delay — our supplier sent us the wrong fabric.',
  ),
  ack(
    'h06',
    'good',
    'RFSEN',
    [],
    "Dear Mr Novak, I apologise: we quoted you last year's price for the boiler service because the old rate was still in our booking form. We'll charge the correct, lower price on Thursday's visit, and the form is now updated from the price list each January.",
  ),
  gen(
    'h07',
    'non_apology',
    'S',
    ['conditional_apology', 'minimization', 'vagueness'],
    'Apologies for any inconvenience this might have caused you.',
  ),
  gen(
    'h08',
    'non_apology',
    'SE',
    ['excuse'],
    "Sorry it's taken so long — we've been flat out with the end-of-year rush.",
  ),
  gen(
    'h09',
    'good',
    'RFS',
    ['sorry_but', 'arguing'],
    'I am sorry I missed the call, but as I said last week, Tuesdays are difficult for me. Shall we meet on Wednesday at 10 instead?',
  ),
  gen(
    'h10',
    'mixed',
    'RS',
    ['groveling'],
    "I'm such an idiot. I sent your proposal to the wrong company. I'm so sorry, I really can't apologise enough.",
  ),
  ack(
    'h11',
    'good',
    'RFSN',
    [],
    'Hi Desmond, we overbilled you by $210 on invoice 3382 — we counted the April workshop twice. Sorry about that. We have credited the $210 to your account today, and our invoices are now reconciled against the project log before they go out.',
    { compensation: true },
  ),
  gen('h12', 'mixed', 'S', ['vagueness'], 'Really sorry about all of this.'),
  gen(
    'h13',
    'non_apology',
    '',
    ['minimization'],
    "It's just a tiny typo on page 40, nothing to worry about.",
  ),
  ack(
    'h14',
    'good',
    'RFSEN',
    ['no_prevention'],
    'Dear Lena, our site was down from 2 to 5 pm today after I deployed an untested update. I am sorry. It was rolled back at 5:05 and everything is working again. It will not happen again.',
  ),
  gen(
    'h15',
    'non_apology',
    'S',
    ['self_focus'],
    "Sorry about the late files. It's been such a stressful month for me, I've been working every weekend.",
  ),
  gen(
    'h16',
    'non_apology',
    'E',
    ['blame_shifting'],
    "Your team didn't send the final copy until Friday, so the launch slipped.",
  ),
  ack(
    'h17',
    'good',
    'RFSENP',
    [],
    "Hi Arjun, I'm sorry — I shared your sales forecast with another client in a screen share this morning. I had the wrong tab open. I've asked them to disregard it and they've confirmed they took no copies. I now close every other client's files before a call. I hope you'll still trust us with your numbers.",
  ),
  gen(
    'h18',
    'non_apology',
    'S',
    ['conditional_apology'],
    "If we sent you the wrong size, we're sorry about that.",
  ),
  ack(
    'h19',
    'mixed',
    'FS',
    ['vagueness', 'no_timeline', 'no_prevention'],
    "Sorry for the problem with your order. We'll make it right.",
  ),
  gen('h20', 'good', 'RFS', [], "Apologies — I mistyped your postcode on the booking. I've fixed it and the courier has the right one."),
  gen(
    'h21',
    'non_apology',
    'S',
    ['passive_evasion'],
    'It turns out the wrong photos were uploaded to your gallery. Sorry about the mix-up.',
  ),
  ack(
    'h22',
    'good',
    'RFSN',
    ['unnamed_mistake'],
    "Hello Anya, I'm sorry, that one was my mistake. It's fixed now, and I've added a second check so it can't happen again.",
    { mistake: { title: 'Wrong delivery address on label', description: 'Shipping label printed with old warehouse address' } },
  ),
  ack(
    'h23',
    'good',
    'RFSN',
    [],
    "Hi Patrick, I'm sorry we missed the 5 pm cut-off for your tax filing. I didn't submit it in time. We filed it at 9 this morning, we'll pay any late fee, and filing deadlines now sit in our shared calendar with a three-day warning.",
    { mistake: { title: 'Missed tax filing deadline' }, compensation: true },
  ),
  gen(
    'h24',
    'mixed',
    '',
    ['arguing'],
    'Strictly speaking, the brief never mentioned a mobile version.',
  ),
  gen(
    'h25',
    'non_apology',
    'S',
    ['feelings_deflection'],
    "I'm sorry that some people found the new invoice layout confusing.",
  ),
  ack(
    'h26',
    'good',
    'RFSN',
    ['no_timeline'],
    "We put your café on the map at the wrong address — sorry, that's our fault. We'll correct the listing, and new listings are now checked against the business's own website.",
  ),
  gen(
    'h27',
    'non_apology',
    'SE',
    ['excuse', 'blame_shifting'],
    'Apologies for the outage. Due to heavy traffic our provider had a server fault.',
  ),
  gen('h28', 'good', 'RFS', [], "Sorry Marcus, I got your coffee order wrong — two lattes are on their way to you now, on us.", {
    compensation: true,
  }),
  gen(
    'h29',
    'mixed',
    'RS',
    [],
    "I'm sorry I forgot to cc your manager on the report.",
  ),
  ack(
    'h30',
    'non_apology',
    'S',
    ['passive_evasion', 'no_timeline', 'no_prevention'],
    'We regret that your invoice was issued with the wrong amount.',
  ),
  gen(
    'h31',
    'non_apology',
    'SE',
    ['blame_shifting'],
    'Sorry, a bug in the payment system charged some accounts twice.',
  ),
  gen('h32', 'mixed', '', [], 'Your new password has been sent to the email address on file.'),
  // Held-out, second batch: written at the very end, scored once, never tuned on.
  ack(
    'h33',
    'good',
    'RFSN',
    [],
    "Hi Fatima, I put the wrong start date on your employment contract — 1 April instead of 1 May. I'm sorry. A corrected contract is attached for signature, and contracts now get a second read against the offer letter before they go out.",
  ),
  gen('h34', 'non_apology', 'S', ['passive_evasion'], 'We apologise that your consultation was double-booked.'),
  gen(
    'h35',
    'non_apology',
    'SE',
    ['blame_shifting'],
    'Sorry about the broken link — our email platform changed its tracking settings without warning.',
  ),
  gen('h36', 'good', 'RFS', [], "My fault, Leo — I sent the invoice to your old address. I've just emailed you a copy."),
  gen(
    'h37',
    'non_apology',
    '',
    ['conditional_apology', 'feelings_deflection', 'vagueness'],
    "I'm sorry if you felt our service wasn't up to standard.",
  ),
  ack(
    'h38',
    'mixed',
    'RSE',
    ['no_timeline', 'no_prevention'],
    'I am sorry, Mrs Clarke. We lost your spare key when we moved offices.',
  ),
  gen(
    'h39',
    'non_apology',
    'SE',
    ['excuse', 'minimization'],
    "Apologies for the slight delay, it's our busiest time of year.",
  ),
  gen(
    'h40',
    'mixed',
    'RS',
    ['sorry_but'],
    'I apologise for missing the site visit, but I did leave you a voicemail the night before.',
  ),
  ack(
    'h41',
    'good',
    'RFSEN',
    [],
    "Hi Bea, the quote I sent left out the VAT, so the total was £240 short. I'm sorry — I used a template that didn't add it automatically. The corrected quote is attached, and the template now adds VAT by default.",
  ),
  gen('h42', 'mixed', '', ['arguing'], 'Just to clarify, the timeline we agreed was always subject to receiving your content.'),
  gen(
    'h43',
    'mixed',
    'RS',
    ['groveling'],
    "I am so sorry. I feel terrible. I can't believe I forgot your presentation slides. I'm so so sorry.",
  ),
  ack(
    'h44',
    'non_apology',
    '',
    ['conditional_apology', 'vagueness', 'no_timeline', 'no_prevention'],
    'We are sorry if anything about your stay fell short.',
  ),
  gen(
    'h45',
    'good',
    'RFSN',
    [],
    "Sorry, Yara — we booked your flights for the wrong Friday. We've rebooked them for the 20th at no extra cost, and we now read every itinerary back to the traveller before paying.",
    { compensation: true },
  ),
  gen('h46', 'non_apology', '', ['self_focus'], 'Honestly this whole project has been exhausting for me.'),
  gen(
    'h47',
    'non_apology',
    'E',
    ['blame_shifting'],
    'The figures were wrong because your bookkeeper sent us last year’s trial balance.',
  ),
  ack(
    'h48',
    'mixed',
    'FS',
    ['vagueness', 'no_timeline', 'no_prevention'],
    'Apologies for the issue with your account. We will make things right.',
  ),
  gen('h49', 'good', 'RFS', [], "I'm sorry I called you Jon — it's John, I know. Updated in our system."),
  ack(
    'h50',
    'good',
    'RFSEN',
    [],
    "Dear Mr Petrov, I'm sorry our technician arrived three hours late on Tuesday. I had given him the wrong time slot. We've waived the call-out fee, and every booking is now confirmed by text to both the customer and the technician the day before.",
    { compensation: true },
  ),
  gen(
    'h51',
    'non_apology',
    'S',
    ['passive_evasion', 'minimization'],
    'A small number of orders were shipped without their gift notes. We apologise.',
  ),
  gen('h52', 'mixed', 'S', ['vagueness'], 'Sorry again for all the back and forth.'),
  ack(
    'h53',
    'good',
    'RFSN',
    ['unnamed_mistake'],
    "Hi Nikhil, that one's on me, sorry. It's fixed, and I've set up a check so it can't slip through again.",
    { mistake: { title: 'Newsletter sent with broken unsubscribe link' } },
  ),
  gen('h54', 'non_apology', '', ['minimization'], "It's only a couple of pixels out, hardly noticeable."),
  gen(
    'h55',
    'good',
    'RFSE',
    [],
    "Apologies, Tom: I exported the report before the last sync finished, so the April numbers were missing. Here's the full version.",
  ),
];
