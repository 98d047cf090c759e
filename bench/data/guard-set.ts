// The labelled set for the pre-send guard (`npm run eval`, and the floors in
// src/engine/guard/eval.test.ts). Two invented workspaces — a US design and marketing studio and
// a UK bookkeeping practice — with clients, contacts, facts and learned rules, and client e-mails
// written for makegood: positives for every rule id, near misses that must stay quiet, and clean
// texts full of names, jargon (Zoom, Figma, Shopify, KPI, onboarding…) and en-GB spelling, from
// which the false alarms per 1,000 words are counted. Labels are what a careful reader would want
// flagged, not the guard's output.
import type { GuardKnowledge, GuardRuleId } from '../../src/engine/index.ts';

/** What a case expects: a rule id, or a rule id and a piece of the text its finding must cover. */
export type Expectation = GuardRuleId | { rule: GuardRuleId; at: string };

/** One labelled text. */
export interface GuardCase {
  id: string;
  /** A key of WORKSPACES. */
  workspace: string;
  /** The client the text is written to. */
  clientId?: string;
  text: string;
  /** Everything the guard should report; empty for a clean text. */
  expect: Expectation[];
  /** Today (YYYY-MM-DD), for weekdays of dates without a year. */
  date?: string;
  /** Files attached: 0 makes "see attached" an error; absent means unknown. */
  attachments?: number;
}

/** The workspaces the cases run against, by name. */
export const WORKSPACES: Record<string, GuardKnowledge> = {
  studio: {
    locale: 'en-US',
    clients: [
      {
        id: 'harbor',
        name: 'Harbor Lane Dental',
        aliases: ['Harbor Lane'],
        contacts: [
          { name: 'Lynn Carter', honorific: 'Ms', email: 'lynn@harborlanedental.com' },
          { name: "Marcus O'Rourke", honorific: 'Dr' },
          { name: 'Priya Raman', honorific: 'none' },
        ],
        facts: [
          { kind: 'short_code', value: '48213', label: 'SMS short code' },
          { kind: 'phone', value: '+1 (415) 555-0142', label: 'front desk' },
          { kind: 'url', value: 'https://harborlanedental.com/book', label: 'booking page' },
          { kind: 'email', value: 'frontdesk@harborlanedental.com', label: 'front desk' },
          { kind: 'price', value: '$1,450', label: 'annual plan' },
          { kind: 'identifier', value: 'ACC-20417', label: 'account number' },
          { kind: 'term', value: 'SmileCare Plus', label: 'membership plan' },
        ],
      },
      {
        id: 'cedar',
        name: 'Cedar & Pine Realty',
        aliases: ['Cedar & Pine'],
        contacts: [
          { name: 'Daniel Okafor', honorific: 'Mr' },
          { name: 'Sofia Lindqvist', honorific: 'Mrs' },
        ],
        facts: [
          { kind: 'phone', value: '+1 (312) 555-0199', label: 'office' },
          { kind: 'url', value: 'https://cedarpine.com/listings', label: 'listings page' },
          { kind: 'identifier', value: 'PO-558201', label: 'purchase order' },
          { kind: 'price', value: '$2,900', label: 'monthly retainer' },
        ],
      },
      {
        id: 'bright',
        name: 'Brightwater Fitness',
        aliases: ['Brightwater'],
        contacts: [
          { name: 'Jon Whitfield', honorific: 'Mr' },
          { name: 'Keiko Tanaka', honorific: 'Dr' },
        ],
        facts: [
          { kind: 'short_code', value: '61942', label: 'SMS short code' },
          { kind: 'url', value: 'https://brightwaterfit.com/join', label: 'join page' },
          { kind: 'term', value: 'FitFlex', label: 'class pass' },
        ],
      },
      {
        id: 'serenity',
        name: 'Serenity',
        aliases: [],
        contacts: [{ name: 'Grace Mensah', honorific: 'Mx' }],
        facts: [{ kind: 'phone', value: '+1 (206) 555-0177', label: 'spa desk' }],
      },
      {
        id: 'crumb',
        name: 'Golden Crumb Bakery',
        aliases: ['Golden Crumb'],
        contacts: [
          { name: 'Mateo Fernández', honorific: 'Mr' },
          { name: 'Aisha Haddad', honorific: 'Ms' },
        ],
        facts: [
          { kind: 'price', value: '$38.50', label: 'celebration cake' },
          { kind: 'identifier', value: 'INV-3382', label: 'open invoice' },
        ],
      },
    ],
    facts: [{ kind: 'term', value: 'LaunchKit', label: 'our onboarding package' }],
    vocabulary: ['Beatriz', 'Siobhan', 'Dmitri'],
    rules: [
      { id: 'r-last-email', kind: 'forbidden', phrase: 'per my last email', message: 'Lesson: it reads as a rebuke.' },
      {
        id: 'r-previously',
        kind: 'forbidden',
        phrase: 'as previously stated',
        message: 'Lesson: say it again plainly instead.',
      },
      { id: 'r-asap', kind: 'pattern', pattern: '\\bASAP\\b', message: 'Lesson: give a date, not ASAP.' },
      {
        id: 'r-stop',
        kind: 'required',
        phrase: 'Reply STOP to opt out',
        when: 'text JOIN',
        message: 'Lesson: every SMS sign-up needs the opt-out line.',
      },
      {
        id: 'r-painfree',
        clientId: 'harbor',
        kind: 'forbidden',
        phrase: 'pain-free',
        message: 'Lesson: dental ads may not promise no pain.',
      },
      {
        id: 'r-guarantee',
        clientId: 'cedar',
        kind: 'pattern',
        pattern: '\\b[Gg]uaranteed? (?:sale|offer)s?\\b',
        message: 'Lesson: a realtor cannot guarantee a sale.',
      },
    ],
  },
  ledger: {
    locale: 'en-GB',
    clients: [
      {
        id: 'thistle',
        name: 'Thistle & Finch Ltd',
        aliases: ['Thistle & Finch'],
        contacts: [
          { name: 'Imogen Fraser', honorific: 'Mrs' },
          { name: 'Callum McAllister', honorific: 'Mr' },
        ],
        facts: [
          { kind: 'phone', value: '020 7946 0321', label: 'office' },
          { kind: 'price', value: '£1,200', label: 'annual accounts fee' },
          { kind: 'identifier', value: 'TF-4471', label: 'client reference' },
          { kind: 'url', value: 'https://thistlefinch.co.uk/portal', label: 'client portal' },
        ],
      },
      {
        id: 'northgate',
        name: 'Northgate Physio',
        aliases: [],
        contacts: [
          { name: 'Harriet Byrne', honorific: 'Dr' },
          { name: 'Idris Osei', honorific: 'Mr' },
        ],
        facts: [
          { kind: 'phone', value: '0161 496 0754', label: 'clinic' },
          { kind: 'price', value: '£45', label: 'monthly payroll fee' },
          { kind: 'email', value: 'accounts@northgatephysio.co.uk', label: 'accounts' },
        ],
      },
      {
        id: 'meadow',
        name: 'Meadowbank Nursery',
        aliases: ['Meadowbank'],
        contacts: [{ name: 'Freya Walsh', honorific: 'Ms' }],
        facts: [{ kind: 'identifier', value: 'MB-0917', label: 'client reference' }],
      },
    ],
    facts: [],
    vocabulary: ['Xero', 'Dext'],
    rules: [
      {
        id: 'l-free',
        clientId: 'thistle',
        kind: 'forbidden',
        phrase: 'free of charge',
        message: 'Lesson: Thistle & Finch are on a fixed fee; never promise free work.',
      },
      {
        id: 'l-terms',
        kind: 'required',
        phrase: 'Our terms of business apply',
        when: 'quotation',
        message: 'Lesson: every quotation names our terms.',
      },
      { id: 'l-checking', kind: 'forbidden', phrase: 'just checking in', message: 'Lesson: say why you are writing.' },
    ],
  },
};

const TODAY = '2026-03-02';

function c(
  id: string,
  workspace: string,
  clientId: string | undefined,
  text: string,
  expect: Expectation[] = [],
  extra: { date?: string; attachments?: number } = {},
): GuardCase {
  return {
    id,
    workspace,
    ...(clientId && { clientId }),
    text,
    expect,
    date: extra.date ?? TODAY,
    ...(extra.attachments !== undefined && { attachments: extra.attachments }),
  };
}
const at = (rule: GuardRuleId, text: string): Expectation => ({ rule, at: text });

export const guardSet: GuardCase[] = [
  // --- spelling ------------------------------------------------------------------------------
  c('sp-01', 'studio', 'harbor', 'Hi Lynn, you should recieve the new flyers on Thursday.', [at('spelling', 'recieve')]),
  c('sp-02', 'studio', 'cedar', 'Daniel, we will send the photos in a seperate email.', [at('spelling', 'seperate')]),
  c('sp-03', 'studio', 'bright', 'Jon, the new class schedule is definately live on the site.', [
    at('spelling', 'definately'),
  ]),
  c('sp-04', 'studio', 'crumb', 'Hi Aisha, I will call you tommorow about the cake order.', [
    at('spelling', 'tommorow'),
  ]),
  c('sp-05', 'studio', 'harbor', 'We can accomodate the extra patients in the reminder list.', [
    at('spelling', 'accomodate'),
  ]),
  c('sp-06', 'studio', 'cedar', 'The error occured when the listing feed refreshed overnight.', [
    at('spelling', 'occured'),
  ]),
  c('sp-07', 'studio', 'bright', 'The banner stays up untill the end of the month.', [at('spelling', 'untill')]),
  c('sp-08', 'studio', 'crumb', 'Let me know wich flavors you want on the spring menu.', [at('spelling', 'wich')]),
  c('sp-09', 'studio', 'harbor', 'I beleive the new booking page is much easier to use.', [at('spelling', 'beleive')]),
  c('sp-10', 'studio', 'cedar', 'Please send the new office adress for the business cards.', [at('spelling', 'adress')]),
  c('sp-11', 'studio', 'bright', 'It is not neccessary to resend the contract.', [at('spelling', 'neccessary')]),
  c('sp-12', 'studio', 'crumb', 'Ap0logies for the late reply about the catering order.', [at('spelling', 'Ap0logies')]),
  c('sp-13', 'studio', 'harbor', 'We updated teh footer with the new opening hours.', [at('spelling', 'teh')]),
  c('sp-14', 'studio', 'serenity', 'Grace, the new treatment menu looks wonderfull on mobile.', [
    at('spelling', 'wonderfull'),
  ]),
  c('sp-15', 'ledger', 'thistle', 'Imogen, you should recieve the draft accounts on Friday.', [at('spelling', 'recieve')]),
  c('sp-16', 'ledger', 'northgate', 'The payroll for March has been sucessfully submitted to HMRC.', [
    at('spelling', 'sucessfully'),
  ]),
  c('sp-17', 'ledger', 'meadow', 'We will need the receipts for the goverment grant claim.', [at('spelling', 'goverment')]),
  c('sp-18', 'ledger', 'thistle', 'Your VAT return is due by the begining of next month.', [at('spelling', 'begining')]),
  c('sp-19', 'studio', 'cedar', 'The open house flyer has an embarassing gap at the bottom.', [
    at('spelling', 'embarassing'),
  ]),
  c('sp-20', 'ledger', 'northgate', 'Idris, I have amended the invoice as you requsted.', [at('spelling', 'requsted')]),

  // spelling: words that must pass
  c(
    'sp-n01',
    'studio',
    'harbor',
    'Lynn, the Figma file, the Shopify theme and the Klaviyo flows are ready for review on Zoom.',
  ),
  c('sp-n02', 'studio', 'bright', 'Our KPIs for onboarding are signups, check-ins and churn after 30 days.'),
  c('sp-n03', 'ledger', 'thistle', 'We have organised the catalogue of receipts by colour and by programme.'),
  c('sp-n04', 'ledger', 'meadow', 'Freya, the cheque from the council cleared and the licence fee is paid.'),
  c('sp-n05', 'studio', 'crumb', "Mateo Fernández asked for the CSV export from Square and the PDF menu."),
  c('sp-n06', 'studio', 'cedar', 'Our designer Beatriz and Siobhan from accounts joined the call with Dmitri.'),
  c('sp-n07', 'studio', 'harbor', 'The UX review covers the CTA, the SEO titles and the Calendly embed.'),
  c('sp-n08', 'ledger', 'northgate', 'We reconcile Xero each month and pull receipts from Dext.'),

  // --- confusable ----------------------------------------------------------------------------
  c('cf-01', 'studio', 'harbor', "We don't want to loose any patients over the holidays.", [at('confusable', 'loose')]),
  c('cf-02', 'studio', 'cedar', 'Its been a busy week for the listings team.', [at('confusable', 'Its')]),
  c('cf-03', 'studio', 'bright', 'Their is a problem with the join page on Safari.', [at('confusable', 'Their')]),
  c('cf-04', 'studio', 'crumb', 'The new menu costs more then the old one to print.', [at('confusable', 'then')]),
  c('cf-05', 'studio', 'harbor', 'The outage will effect the reminder texts this week.', [at('confusable', 'effect')]),
  c('cf-06', 'studio', 'cedar', 'Thanks, Daniel, your welcome to call me anytime.', [at('confusable', 'your')]),
  c('cf-07', 'studio', 'bright', 'Please advice which class times we should promote.', [at('confusable', 'advice')]),
  c('cf-08', 'studio', 'crumb', 'We except payment by card or bank transfer.', [at('confusable', 'except')]),
  c('cf-09', 'ledger', 'thistle', 'The new colours compliment your logo nicely.', [at('confusable', 'compliment')]),
  c('cf-10', 'ledger', 'northgate', 'We payed the supplier invoice on Tuesday.', [at('confusable', 'payed')]),
  c('cf-11', 'ledger', 'meadow', 'I wont be in the office on Friday afternoon.', [at('confusable', 'wont')]),
  c('cf-12', 'studio', 'harbor', 'We should of sent the reminder a day earlier.', [at('confusable', 'of')]),
  c('cf-13', 'studio', 'cedar', 'I will defiantly have the brochure ready by Monday.', [at('confusable', 'defiantly')]),
  c('cf-14', 'ledger', 'thistle', 'The principle reason for the delay was the missing bank statement.', [
    at('confusable', 'principle'),
  ]),
  c('cf-15', 'studio', 'bright', 'Every costumer who joins in March gets a free towel.', [at('confusable', 'costumer')]),

  // confusable: correct uses that must pass
  c('cf-n01', 'studio', 'harbor', 'The clinic lost its old logo files, so we rebuilt them.'),
  c('cf-n02', 'studio', 'cedar', 'The team loves their new signs, and there are two more to print.'),
  c('cf-n03', 'studio', 'bright', 'The change will affect the class times, but the effect should be small.'),
  c('cf-n04', 'studio', 'crumb', 'We accept payment by card, except on public holidays.'),
  c('cf-n05', 'ledger', 'thistle', 'Your accounts are ready, and you are welcome to call with questions.'),
  c('cf-n06', 'ledger', 'northgate', 'Please accept my advice and file the return before the deadline.'),
  c('cf-n07', 'ledger', 'meadow', 'A loose page fell out of the folder, so I re-stapled the pack.'),
  c('cf-n08', 'studio', 'harbor', 'Our principal designer will join, then we can decide rather than guess.'),
  c('cf-n09', 'ledger', 'thistle', "It's past the filing date, so we paid the penalty and won't charge you for it."),
  c('cf-n10', 'studio', 'cedar', 'The photographer will compliment the staging team; their work shows.'),

  // --- contact_name ----------------------------------------------------------------------------
  c('cn-01', 'studio', 'harbor', 'Hi Lyn,\n\nThe new postcards are at the printer.', [at('contact_name', 'Lyn')]),
  c('cn-02', 'studio', 'harbor', "Dr O'Rouke asked us to move the whitening promo to April.", [
    at('contact_name', "O'Rouke"),
  ]),
  c('cn-03', 'studio', 'bright', 'Hi Kieko,\n\nThe class pass page is ready for review.', [at('contact_name', 'Kieko')]),
  c('cn-04', 'studio', 'cedar', 'Thanks, Danial, the listing photos look great.', [at('contact_name', 'Danial')]),
  c('cn-05', 'studio', 'cedar', 'I have copied Sofia Lindquist on the open house schedule.', [
    at('contact_name', 'Lindquist'),
  ]),
  c('cn-06', 'studio', 'crumb', 'Hi Aysha,\n\nThe cake photos are in the shared folder.', [at('contact_name', 'Aysha')]),
  c('cn-07', 'studio', 'harbor', 'Hi Pryia, the patient survey closes on Friday.', [at('contact_name', 'Pryia')]),
  c('cn-08', 'ledger', 'thistle', 'Dear Imogen Frasier,\n\nYour year-end pack is attached.', [
    at('contact_name', 'Frasier'),
  ]),
  c('cn-09', 'ledger', 'northgate', 'Hi Harriett,\n\nThe payroll summary for March is below.', [
    at('contact_name', 'Harriett'),
  ]),
  c('cn-10', 'ledger', 'thistle', 'Hello Callum McAlister, thank you for the bank statements.', [
    at('contact_name', 'McAlister'),
  ]),
  c('cn-11', 'studio', 'bright', 'Hi Jonn, the new timetable is live.', [at('contact_name', 'Jonn')]),
  c('cn-12', 'ledger', 'meadow', 'Hi Freyja,\n\nThe grant claim went in this morning.', [at('contact_name', 'Freyja')]),

  // contact_name: names that must pass
  c('cn-n01', 'studio', 'harbor', "Hi Lynn,\n\nDr O'Rourke and Priya approved the new postcards."),
  c('cn-n02', 'studio', 'cedar', 'Hi Sofia, please mark the date: the open house is on Saturday, March 14.'),
  c('cn-n03', 'studio', 'bright', 'Call me when Keiko is back; Jon said the gym opens at six.'),
  c('cn-n04', 'studio', 'crumb', 'Hi Mateo, Grace from our office will drop off the menus.'),
  c('cn-n05', 'ledger', 'northgate', 'Hi Idris, Harriet asked me to send the pension figures to you as well.'),
  c('cn-n06', 'ledger', 'thistle', 'Dear Imogen, Mark from our audit team will phone Callum on Monday.'),

  // --- honorific -----------------------------------------------------------------------------
  c('hn-01', 'studio', 'harbor', 'Dear Mr Carter,\n\nThank you for approving the new flyers.', [
    at('honorific', 'Mr Carter'),
  ]),
  c('hn-02', 'studio', 'harbor', "Dear Mr O'Rourke,\n\nThe whitening campaign starts next week.", [
    at('honorific', "Mr O'Rourke"),
  ]),
  c('hn-03', 'studio', 'cedar', 'Dear Ms Okafor,\n\nThe new listing page is live.', [at('honorific', 'Ms Okafor')]),
  c('hn-04', 'studio', 'cedar', 'Dear Mr Lindqvist, the brochure proofs are ready.', [at('honorific', 'Mr Lindqvist')]),
  c('hn-05', 'studio', 'bright', 'Dear Ms Tanaka,\n\nThe sports massage page is ready.', [at('honorific', 'Ms Tanaka')]),
  c('hn-06', 'studio', 'serenity', 'Dear Ms Mensah,\n\nYour spa gift cards are printed.', [at('honorific', 'Ms Mensah')]),
  c('hn-07', 'studio', 'crumb', 'Dear Mrs Haddad, your order for the wedding cake is confirmed.', [
    at('honorific', 'Mrs Haddad'),
  ]),
  c('hn-08', 'ledger', 'thistle', 'Dear Mr Fraser,\n\nYour corporation tax return has been filed.', [
    at('honorific', 'Mr Fraser'),
  ]),
  c('hn-09', 'ledger', 'northgate', 'Dear Mrs Byrne,\n\nThe clinic payroll for March is complete.', [
    at('honorific', 'Mrs Byrne'),
  ]),
  c('hn-10', 'ledger', 'meadow', 'Dear Mr Walsh,\n\nThe nursery grant claim has been approved.', [
    at('honorific', 'Mr Walsh'),
  ]),
  c('hn-11', 'studio', 'harbor', 'Dear Ms Raman,\n\nThe patient survey results are in.', [at('honorific', 'Ms Raman')]),

  // honorific: correct titles and other people
  c('hn-n01', 'studio', 'harbor', 'Dear Ms Carter,\n\nThank you for approving the new flyers.'),
  c('hn-n02', 'studio', 'cedar', 'Dear Mrs Lindqvist and Mr Okafor,\n\nThe brochure proofs are ready.'),
  c('hn-n03', 'studio', 'bright', 'Dear Dr Tanaka,\n\nMr Smith from the landlord’s office will visit on Monday.'),
  c('hn-n04', 'ledger', 'thistle', 'Dear Mrs Fraser,\n\nMs Patel at HMRC confirmed the payment plan.'),
  c('hn-n05', 'ledger', 'northgate', 'Dear Dr Byrne, Mr Osei has signed the payroll summary.'),
  c('hn-n06', 'studio', 'crumb', 'Dear Mr Fernández,\n\nThe new price list is ready.'),

  // --- fact_mismatch -------------------------------------------------------------------------
  c('fm-01', 'studio', 'harbor', 'Patients can text SMILE to 48231 to confirm their visit.', [at('fact_mismatch', '48231')]),
  c('fm-02', 'studio', 'harbor', 'Call the front desk on +1 (415) 555-0124 to reschedule.', [
    at('fact_mismatch', '555-0124'),
  ]),
  c('fm-03', 'studio', 'harbor', 'Book online at https://harborlanedentl.com/book any time.', [
    at('fact_mismatch', 'harborlanedentl.com'),
  ]),
  c('fm-04', 'studio', 'harbor', 'Questions? Write to frontdesk@harborlanedentel.com.', [
    at('fact_mismatch', 'frontdesk@harborlanedentel.com'),
  ]),
  c('fm-05', 'studio', 'harbor', 'The annual plan stays at $1,540 for existing patients.', [at('fact_mismatch', '1,540')]),
  c('fm-06', 'studio', 'harbor', 'Your account number is ACC-20471 if the portal asks for it.', [
    at('fact_mismatch', 'ACC-20471'),
  ]),
  c('fm-07', 'studio', 'harbor', 'Members on Smilecare Plus get two cleanings a year.', [
    at('fact_mismatch', 'Smilecare'),
  ]),
  c('fm-08', 'studio', 'cedar', 'Call the office on (312) 555-0919 for a viewing.', [at('fact_mismatch', '555-0919')]),
  c('fm-09', 'studio', 'cedar', 'All listings are at https://cedarpine.com/listing now.', [
    at('fact_mismatch', 'cedarpine.com/listing'),
  ]),
  c('fm-10', 'studio', 'cedar', 'Please quote PO-558210 on the invoice.', [at('fact_mismatch', 'PO-558210')]),
  c('fm-11', 'studio', 'bright', 'Text FIT to 61924 to get the class reminders.', [at('fact_mismatch', '61924')]),
  c('fm-12', 'studio', 'bright', 'The Fitflex pass covers all yoga classes.', [at('fact_mismatch', 'Fitflex')]),
  c('fm-13', 'studio', 'crumb', 'Your invoice INV-3328 is now paid in full.', [at('fact_mismatch', 'INV-3328')]),
  c('fm-14', 'ledger', 'thistle', 'Our annual accounts fee stays at £1,020 this year.', [at('fact_mismatch', '1,020')]),
  c('fm-15', 'ledger', 'northgate', 'Please send receipts to accounts@northgatephysoi.co.uk by Friday.', [
    at('fact_mismatch', 'accounts@northgatephysoi.co.uk'),
  ]),
  c('fm-16', 'ledger', 'thistle', 'Please quote TF-4417 when you call.', [at('fact_mismatch', 'TF-4417')]),
  c('fm-17', 'studio', 'harbor', 'Every new patient gets the LaunchKit welcome pack with Launchkit stickers.', [
    at('fact_mismatch', 'Launchkit'),
  ]),

  // fact_mismatch: exact values and unrelated numbers
  c('fm-n01', 'studio', 'harbor', 'Patients can text SMILE to 48213, or call +1 (415) 555-0142.'),
  c('fm-n02', 'studio', 'harbor', 'The annual plan is $1,450 and SmileCare Plus members save 20%.'),
  c('fm-n03', 'studio', 'harbor', 'We printed 120 postcards and 48 posters for the 3 clinics.'),
  c('fm-n04', 'studio', 'cedar', 'Please quote PO-558201 on the invoice; the retainer is $2,900.'),
  c('fm-n05', 'studio', 'bright', 'Text FIT to 61942 or join at https://brightwaterfit.com/join today.'),
  c('fm-n06', 'ledger', 'thistle', 'The fee is £1,200, your reference is TF-4471, and the portal is https://thistlefinch.co.uk/portal.'),
  c('fm-n07', 'ledger', 'northgate', 'Call the clinic on 0161 496 0754; the payroll fee is £45 a month.'),
  c('fm-n08', 'studio', 'crumb', 'The celebration cake is $38.50, and 12 cupcakes cost $30.'),

  // --- other_client ----------------------------------------------------------------------------
  c('oc-01', 'studio', 'harbor', 'Hi Lynn, the spring campaign for Cedar & Pine Realty is ready for your review.', [
    at('other_client', 'Cedar & Pine'),
  ]),
  c('oc-02', 'studio', 'crumb', 'Hi Mateo, we used the same layout as the Brightwater Fitness flyer.', [
    at('other_client', 'Brightwater'),
  ]),
  c('oc-03', 'studio', 'bright', 'Jon, the Harbor Lane Dental reminder texts are scheduled for Monday.', [
    at('other_client', 'Harbor Lane'),
  ]),
  c('oc-04', 'studio', 'cedar', 'Daniel, the open house post will go out after the Golden Crumb one.', [
    at('other_client', 'Golden Crumb'),
  ]),
  c('oc-05', 'studio', 'bright', 'We did something similar for Serenity last spring and it worked well.', [
    at('other_client', 'Serenity'),
  ]),
  c('oc-06', 'ledger', 'thistle', 'Dear Imogen, the Northgate Physio accounts are enclosed for your approval.', [
    at('other_client', 'Northgate Physio'),
  ]),
  c('oc-07', 'ledger', 'meadow', 'Hi Freya, Thistle & Finch have approved the payroll run.', [
    at('other_client', 'Thistle & Finch'),
  ]),
  c('oc-08', 'ledger', 'northgate', 'Harriet, the Meadowbank Nursery grant claim went in today.', [
    at('other_client', 'Meadowbank'),
  ]),
  c('oc-09', 'studio', 'serenity', 'Grace, the Harbor Lane team loved the gift card design.', [
    at('other_client', 'Harbor Lane'),
  ]),
  c('oc-10', 'studio', 'harbor', 'Thank you for choosing Golden Crumb Bakery for the office party.', [
    at('other_client', 'Golden Crumb'),
  ]),

  // other_client: own names and ordinary words
  c('oc-n01', 'studio', 'harbor', 'Hi Lynn, the Harbor Lane Dental reminder texts go out on Monday.'),
  c('oc-n02', 'studio', 'bright', 'Brightwater members love the new class pass page.'),
  c('oc-n03', 'studio', 'crumb', 'The golden crust on the new sourdough photographs beautifully.'),
  c('oc-n04', 'studio', 'bright', 'The yoga page now has a calm tone and a sense of serenity.'),
  c('oc-n05', 'studio', 'cedar', 'The harbor lane view from the condo is the hero image on the listing.'),
  c('oc-n06', 'ledger', 'meadow', 'The meadow behind the nursery will feature in the summer newsletter.'),
  c('oc-n07', 'studio', 'serenity', 'Serenity gift cards are printed, and the serenity ritual page is live.'),

  // --- weekday_mismatch ------------------------------------------------------------------------
  c('wd-01', 'studio', 'harbor', 'The reminder texts go out on Friday, March 12.', [at('weekday_mismatch', 'Friday')]),
  c('wd-02', 'studio', 'cedar', 'The open house is on Sunday, March 14, from 1 to 4 pm.', [
    at('weekday_mismatch', 'Sunday'),
  ]),
  c('wd-03', 'studio', 'bright', 'Classes restart on Monday, April 7, 2026.', [at('weekday_mismatch', 'Monday')]),
  c('wd-04', 'studio', 'crumb', 'We will deliver the cakes on Wed Mar 5th.', [at('weekday_mismatch', 'Wed')]),
  c('wd-05', 'ledger', 'thistle', 'Your VAT return is due on Thursday 8 May 2026.', [at('weekday_mismatch', 'Thursday')]),
  c('wd-06', 'ledger', 'northgate', 'The payroll run will be on Tuesday 30/03/2026 this month.', [
    at('weekday_mismatch', 'Tuesday'),
  ]),
  c('wd-07', 'ledger', 'meadow', 'We meet on Friday the 19th of March to go through the grant.', [
    at('weekday_mismatch', 'Friday'),
  ]),
  c('wd-08', 'studio', 'harbor', 'Let us launch on Tuesday, 2026-03-11, after the staff meeting.', [
    at('weekday_mismatch', 'Tuesday'),
  ]),
  c('wd-09', 'studio', 'cedar', 'Photos are booked for Saturday 03/22 at 10 am.', [at('weekday_mismatch', 'Saturday')]),
  c('wd-10', 'ledger', 'thistle', 'Our review call is on Mon 14 April at 11:00.', [at('weekday_mismatch', 'Mon')]),
  c('wd-11', 'studio', 'bright', 'The new timetable starts March 16 (Tuesday).', [at('weekday_mismatch', 'Tuesday')]),

  // weekday_mismatch: dates that match, and weekdays without dates
  c('wd-n01', 'studio', 'harbor', 'The reminder texts go out on Thursday, March 12, and again on Friday.'),
  c('wd-n02', 'studio', 'cedar', 'The open house is on Saturday, March 14, from 1 to 4 pm.'),
  c('wd-n03', 'ledger', 'thistle', 'Your VAT return is due on Thursday 7 May; we will file it on Tuesday 5 May.'),
  c('wd-n04', 'ledger', 'northgate', 'The payroll run will be on Tuesday 31/03/2026 at the latest.'),
  c('wd-n05', 'studio', 'crumb', 'We bake on Monday and deliver on Wednesday, March 4th.'),
  c('wd-n06', 'studio', 'bright', 'Classes restart on Monday, April 6, 2026, and the pool opens Friday 10 April.'),
  c('wd-n07', 'ledger', 'meadow', 'As we discussed on Friday 27 February, the grant form is attached.', [], {
    attachments: 1,
  }),

  // --- placeholder ----------------------------------------------------------------------------
  c('ph-01', 'studio', 'harbor', 'Hi [First Name],\n\nYour new flyers are ready.', [at('placeholder', '[First Name]')]),
  c('ph-02', 'studio', 'cedar', 'Dear {{first_name}}, thank you for listing with us.', [
    at('placeholder', '{{first_name}}'),
  ]),
  c('ph-03', 'studio', 'bright', 'Hi Jon, the price for the FitFlex pass is TODO.', [at('placeholder', 'TODO')]),
  c('ph-04', 'studio', 'crumb', 'Lorem ipsum dolor sit amet, the spring menu is here.', [at('placeholder', 'Lorem ipsum')]),
  c('ph-05', 'studio', 'harbor', 'Dear ____,\n\nThank you for your visit.', [at('placeholder', '____')]),
  c('ph-06', 'ledger', 'thistle', 'Your accounts will be ready on <<date>>.', [at('placeholder', '<<date>>')]),
  c('ph-07', 'ledger', 'northgate', 'Dear %FIRST_NAME%, your payslips are ready.', [at('placeholder', '%FIRST_NAME%')]),
  c('ph-08', 'studio', 'cedar', 'We are proud to work with [Client Name] on the spring listings.', [
    at('placeholder', '[Client Name]'),
  ]),
  c('ph-09', 'ledger', 'meadow', 'Hi Freya, the grant total is £XXX and the deadline is Friday.', [at('placeholder', 'XXX')]),
  c('ph-10', 'studio', 'serenity', 'Book your treatment at [insert link] before the end of the month.', [
    at('placeholder', '[insert link]'),
  ]),
  c('ph-11', 'studio', 'bright', 'Hi {name}, the new class pass is live.', [at('placeholder', '{name}')]),

  // placeholder: brackets that are not leftovers
  c('ph-n01', 'studio', 'harbor', 'The review said the staff were "very kind [sic]" and the rooms spotless.'),
  c('ph-n02', 'ledger', 'thistle', 'See note [1] in the accounts for the director loan.'),
  c('ph-n03', 'studio', 'cedar', 'The listing (three beds, two baths) goes live on Monday.'),
  c('ph-n04', 'ledger', 'northgate', 'The form asks for your NI number in the box marked [A].'),
  c('ph-n05', 'studio', 'crumb', 'The new shirts come in S, M, L and XL.'),

  // --- missing_attachment ----------------------------------------------------------------------
  c('ma-01', 'studio', 'harbor', "Hi Lynn, I've attached the final flyer for print.", [at('missing_attachment', 'attached')], {
    attachments: 0,
  }),
  c('ma-02', 'studio', 'cedar', 'Please find attached the brochure proofs.', [at('missing_attachment', 'attached')], {
    attachments: 0,
  }),
  c('ma-03', 'studio', 'bright', 'The timetable is in the attachment.', [at('missing_attachment', 'attachment')], {
    attachments: 0,
  }),
  c('ma-04', 'ledger', 'thistle', 'Please find enclosed the draft accounts for the year.', [
    at('missing_attachment', 'enclosed'),
  ], { attachments: 0 }),
  c('ma-05', 'ledger', 'northgate', 'The attached payslips cover March.', [at('missing_attachment', 'attached')], {
    attachments: 0,
  }),
  c('ma-06', 'studio', 'crumb', "I'm attaching the new price list so you can check it.", [
    at('missing_attachment', 'attaching'),
  ], { attachments: 0 }),
  c('ma-07', 'ledger', 'meadow', 'See attached for the grant summary.', [at('missing_attachment', 'attached')], {
    attachments: 0,
  }),
  c('ma-08', 'studio', 'serenity', 'Grace, the gift card artwork is attached.', [at('missing_attachment', 'attached')], {
    attachments: 0,
  }),

  // missing_attachment: attached, not ours, physical, or in the future
  c('ma-n01', 'studio', 'harbor', "Hi Lynn, I've attached the final flyer for print.", [], { attachments: 1 }),
  c('ma-n02', 'studio', 'cedar', 'Thanks for your attachment; the floor plan is clear.', [], { attachments: 0 }),
  c('ma-n03', 'studio', 'bright', "I'll attach the timetable once Keiko signs it off.", [], { attachments: 0 }),
  c('ma-n04', 'ledger', 'thistle', 'The new sign is attached to the wall by the door.', [], { attachments: 0 }),
  c('ma-n05', 'studio', 'crumb', 'We are very attached to the old logo, so we kept the wheat.', [], { attachments: 0 }),
  c('ma-n06', 'ledger', 'northgate', 'Please find attached the March payslips.', []),

  // --- guard_rule -------------------------------------------------------------------------------
  c('gr-01', 'studio', 'cedar', 'Per my last email, the photos are due on Friday.', [at('guard_rule', 'Per my last email')]),
  c('gr-02', 'studio', 'bright', 'As previously stated, the pool closes at nine.', [
    at('guard_rule', 'As previously stated'),
  ]),
  c('gr-03', 'studio', 'crumb', 'Please send the allergen list ASAP.', [at('guard_rule', 'ASAP')]),
  c('gr-04', 'studio', 'bright', 'Text JOIN to 61942 to get class reminders.', [at('guard_rule', 'Text JOIN')]),
  c('gr-05', 'studio', 'harbor', 'Our new whitening is quick and pain-free.', [at('guard_rule', 'pain-free')]),
  c('gr-06', 'studio', 'cedar', 'List with us for a guaranteed sale in 30 days.', [at('guard_rule', 'guaranteed sale')]),
  c('gr-07', 'ledger', 'thistle', 'We will amend the return free of charge.', [at('guard_rule', 'free of charge')]),
  c('gr-08', 'ledger', 'northgate', 'Please see our quotation for the year-end work below.', [
    at('guard_rule', 'quotation'),
  ]),
  c('gr-09', 'ledger', 'meadow', 'Hi Freya, just checking in about the receipts.', [at('guard_rule', 'just checking in')]),
  c('gr-10', 'studio', 'harbor', 'per my last e-mail, the photos are due on Friday.', [at('guard_rule', 'per my last e-mail')]),

  // guard_rule: scoped to another client, trigger satisfied, or different wording
  c('gr-n01', 'studio', 'cedar', 'The new clinic is pain-free to reach: parking is right outside.'),
  c('gr-n02', 'studio', 'bright', 'Text JOIN to 61942 to get class reminders. Reply STOP to opt out.'),
  c('gr-n03', 'studio', 'crumb', 'We can send the allergen list as soon as possible; asap is fine too.'),
  c('gr-n04', 'ledger', 'northgate', 'We will amend the return free of charge.'),
  c('gr-n05', 'ledger', 'northgate', 'Please see our quotation below. Our terms of business apply.'),
  c('gr-n06', 'studio', 'harbor', 'As stated in the contract, the photos are due on Friday.'),
  c('gr-n07', 'studio', 'harbor', 'List with us for a guaranteed sale in 30 days.'),

  // --- mixed: more than one problem --------------------------------------------------------------
  c(
    'mx-01',
    'studio',
    'harbor',
    'Dear Mr Carter,\n\nPatients can text SMILE to 48231. I have attached the poster.',
    [at('honorific', 'Mr Carter'), at('fact_mismatch', '48231'), at('missing_attachment', 'attached')],
    { attachments: 0 },
  ),
  c(
    'mx-02',
    'studio',
    'crumb',
    'Hi [First Name], the Brightwater cake order is confirmed for Friday, March 12.',
    [at('placeholder', '[First Name]'), at('other_client', 'Brightwater'), at('weekday_mismatch', 'Friday')],
  ),
  c(
    'mx-03',
    'ledger',
    'thistle',
    'Dear Imogen, your going to recieve the accounts free of charge.',
    [at('confusable', 'your'), at('spelling', 'recieve'), at('guard_rule', 'free of charge')],
  ),

  // --- clean texts: names, jargon, en-GB and en-US -----------------------------------------------
  c(
    'cl-01',
    'studio',
    'harbor',
    `Hi Lynn,

Thanks for the quick feedback on the spring campaign. We've updated the Figma file with the new photos of the front desk and swapped the headline to "Gentle care for the whole family." The booking button now links to https://harborlanedental.com/book, and patients can still text SMILE to 48213 for reminders.

I'd love to walk you and Dr O'Rourke through the final version on Zoom. Would Thursday, March 5 at 2 pm work?

Best,
Robin`,
  ),
  c(
    'cl-02',
    'studio',
    'cedar',
    `Hi Daniel,

Quick update on the listings site. The Shopify-style search filters are live, and the KPI dashboard in HubSpot now shows enquiries per listing and per agent. Sofia asked for a weekly export, so I've set up a CSV that lands in your inbox every Monday morning.

Next up is the onboarding flow for new agents. Beatriz will share wireframes in Notion by the end of the week.

Cheers,
Jordan`,
  ),
  c(
    'cl-03',
    'studio',
    'bright',
    `Hi Jon and Keiko,

The FitFlex landing page is ready for review. We kept the hero video short, moved the CTA above the fold, and added the class timetable underneath. On mobile the page loads in under two seconds.

For the launch emails we've drafted three Klaviyo flows: welcome, first class booked, and lapsed member. Let us know which subject lines you prefer and we'll schedule them.

Thanks,
Alex`,
  ),
  c(
    'cl-04',
    'studio',
    'crumb',
    `Hi Mateo,

The new menu photos came out beautifully, especially the sourdough and the lemon tart. We've uploaded them to the shared Dropbox folder and added the best six to the Instagram grid plan.

Aisha mentioned the celebration cake is still $38.50, so we've left the price as it is on the order form. The Square integration now sends each online order straight to the kitchen tablet.

Speak soon,
Casey`,
  ),
  c(
    'cl-05',
    'ledger',
    'thistle',
    `Dear Imogen,

Thank you for sending the bank statements so promptly. I have reconciled the accounts in Xero and organised the receipts by month; everything balances apart from two small card payments, which I have listed below for you to check.

Once those are confirmed, I will prepare the draft accounts and the corporation tax computation. Callum asked about the director's loan, and I will cover that on our call.

Kind regards,
Eleanor`,
  ),
  c(
    'cl-06',
    'ledger',
    'northgate',
    `Hi Harriet,

The March payroll has been processed and the payslips are available in the portal. Pension contributions have been calculated at the new rate, and the summary for the practice is below.

Idris asked whether the new physiotherapist can join the cycle-to-work scheme. She can, once she has completed her probation, and I have made a note in her file.

Best wishes,
Tom`,
  ),
  c(
    'cl-07',
    'ledger',
    'meadow',
    `Dear Freya,

Good news: the council has approved the nursery's grant for the new garden. The first instalment should arrive in your account this month, and I have recorded it against the capital programme in the ledger.

We will need the receipts for the fencing and the planting by the end of June so that we can complete the claim. A photograph of each receipt is fine.

With best wishes,
Eleanor`,
  ),
  c(
    'cl-08',
    'studio',
    'serenity',
    `Hi Grace,

The gift cards are printed and will be delivered to the spa on Wednesday. We used the matte stock you chose, and the gold foil looks lovely against the sage green.

We've also refreshed the treatment pages: each one now has a short description, the duration and the price, and the booking link opens in Mindbody. Let me know if you'd like any changes before we share them on Instagram.

Warmly,
Morgan`,
  ),
  c(
    'cl-09',
    'studio',
    'harbor',
    `Hello Priya,

Here's a summary of last month's results. The reminder texts reduced no-shows from 9% to 5%, and 212 patients booked online. The SmileCare Plus page had the highest conversion rate of all the service pages.

For April we suggest an A/B test on the booking page headline and a short Loom video from Dr O'Rourke explaining what happens at a first visit.

Thanks,
Robin`,
  ),
  c(
    'cl-10',
    'studio',
    'cedar',
    `Hi Sofia,

The brochure for the riverside apartments is at the printer and will be ready on Friday. We printed 300 copies on recycled paper and kept the floor plans on the back page as you asked.

I've also booked the photographer for the open house on Saturday, March 14. She'll arrive at 11 to shoot the kitchen while the light is good.

Best,
Jordan`,
  ),
  c(
    'cl-11',
    'ledger',
    'thistle',
    `Dear Callum,

Further to our conversation this morning, I have checked the VAT return for the last quarter. The figures agree with the ledger, and the return is ready to submit once you have approved it in the portal.

I noticed that two supplier invoices were recorded in the wrong period. I have moved them and noted the change in the audit trail, so the colleagues in your finance team can see what changed and why.

Kind regards,
Eleanor`,
  ),
  c(
    'cl-12',
    'ledger',
    'northgate',
    `Dear Dr Byrne,

Please find below a summary of the practice's finances for the year to 31 March. Turnover grew by 12%, mainly from the new sports injury clinic, and overheads were broadly flat.

I recommend that we review the pricing of the home visits, which are currently making a small loss once travel time is included. I am happy to model a few options before our meeting.

Yours sincerely,
Tom`,
  ),
  c(
    'cl-13',
    'studio',
    'bright',
    `Hi Keiko,

The onboarding emails for new members are live. Each one goes out a day apart and covers booking a class, the app, and the changing rooms. Open rates so far are above 60%, which is well above the industry benchmark.

We've also added a short survey at the end of the second week. The responses flow into Airtable, and we'll share a summary at the monthly review.

Best,
Alex`,
  ),
  c(
    'cl-14',
    'studio',
    'crumb',
    `Hi Aisha,

Thanks for the catering brief. For the office breakfast we suggest a mix of pastries, fruit and the savory muffins, plus coffee from the new roaster. We'll design a simple one-page menu that matches the shop's colors.

The order form on the website now lets customers choose a pickup time in 15-minute slots. Mateo can switch slots off on busy days from the admin page.

Cheers,
Casey`,
  ),
  c(
    'cl-15',
    'ledger',
    'meadow',
    `Hi Freya,

I've set up the new starters on the payroll and sent each of them a welcome letter with their login details. Their first payslips will be available on the last working day of the month.

The nursery's pension scheme has been updated with the new employees, and the declaration of compliance is due later in the year. I will remind you nearer the time.

Best wishes,
Tom`,
  ),
  c(
    'cl-16',
    'studio',
    'harbor',
    `Hi Lynn,

The new patient forms are live on the website. Patients can now fill them in on their phones before their appointment, and the answers go straight into the practice software. The front desk team tested the flow with five patients this week and found it easy to use.

We'll keep an eye on completion rates and send you a short report at the end of the month.

Best,
Robin`,
  ),
  c(
    'cl-17',
    'studio',
    'cedar',
    `Hello Daniel,

The SEO audit is finished. The biggest wins are faster image loading on the listing pages, clearer titles for each neighborhood page, and fixing 40 broken links from the old site. We can start on all three next week.

I've put the full report in Google Drive and shared it with you and Sofia.

Thanks,
Jordan`,
  ),
  c(
    'cl-18',
    'ledger',
    'thistle',
    `Dear Imogen,

I have prepared the management accounts for the quarter. Sales were ahead of budget, and the gross margin improved after the price change in January. Cash remains healthy, although debtor days have crept up, so it may be worth chasing the two largest overdue balances.

I have also updated the cash flow forecast for the next twelve months. Let me know a good time to talk it through.

Kind regards,
Eleanor`,
  ),
  c(
    'cl-19',
    'studio',
    'serenity',
    `Hi Grace,

Here's the plan for the summer campaign. We'll run a two-week promotion on the facial packages, with a landing page, three social posts and one email to past guests. Budget for paid social is $600, split between Instagram and Facebook.

We'll report on bookings, revenue and cost per booking when the promotion ends.

Warmly,
Morgan`,
  ),
  c(
    'cl-20',
    'ledger',
    'northgate',
    `Hi Idris,

The self assessment return for the clinic's partners has been filed, and HMRC has acknowledged it. The balancing payment is due at the end of January, and the first payment on account is due at the same time.

I have added both dates to the shared calendar and will send a reminder a week before each one.

Best wishes,
Tom`,
  ),
  c(
    'cl-21',
    'studio',
    'bright',
    `Hi Jon,

Quick recap of today's call. We agreed to move the summer timetable launch to May, keep the same pricing for FitFlex, and run a referral offer for members who bring a friend. I'll send the creative brief to the team tomorrow and share the first concepts on Friday.

Thanks for your time,
Alex`,
  ),
  c(
    'cl-22',
    'studio',
    'crumb',
    `Hi Mateo,

The holiday pre-order page is ready. Customers can choose a pickup day, add a note for the cake inscription, and pay online. Orders close two days before each pickup so the bakers have time to plan.

We've written the confirmation email in the shop's friendly tone, and it includes the address, the pickup window and a reminder to bring the order number.

Cheers,
Casey`,
  ),
  c(
    'cl-23',
    'ledger',
    'meadow',
    `Dear Freya,

Thank you for your patience while we finished the year-end accounts. They are now ready for your review, and I have highlighted the areas where I made judgements, such as the depreciation of the new play equipment.

Once you are happy with them, the trustees can approve them at their next meeting and I will file them with the Charity Commission.

With best wishes,
Eleanor`,
  ),
  c(
    'cl-24',
    'studio',
    'harbor',
    `Hi Dr O'Rourke,

Thanks for recording the welcome video. We trimmed it to ninety seconds, added captions, and placed it on the new patient page. It already has more views than any other video on the site.

If you have time next month, a second video about children's first visits would help parents who feel nervous about bringing their kids in.

Best,
Robin`,
  ),
  c(
    'cl-25',
    'studio',
    'cedar',
    `Hi Sofia,

The virtual tours for the three new listings are ready. Each tour works on phones and tablets, and we've embedded them on the listing pages and in the weekly newsletter. Viewers spend almost four minutes in each tour on average.

Let me know if you'd like us to add floor plan hotspots to the next batch.

Best,
Jordan`,
  ),
  c(
    'cl-26',
    'ledger',
    'thistle',
    `Dear Callum,

Following the change in your company's year end, I have recalculated the filing deadlines. The accounts for the short period are due at Companies House by the end of September, and the corporation tax return is due twelve months after the new year end.

I have updated our engagement letter to reflect the change and will send it to you for signature.

Kind regards,
Eleanor`,
  ),
  c(
    'cl-27',
    'studio',
    'bright',
    `Hi Keiko,

The physiotherapy partner page is live. It introduces the two physios, lists the treatments and prices, and lets members book a first appointment through the app. We also added a short FAQ about insurance and cancellation.

Thanks for the photos of the treatment room; they make the page feel welcoming.

Best,
Alex`,
  ),
  c(
    'cl-28',
    'studio',
    'serenity',
    `Dear Grace,

Thank you for choosing us for the rebrand. Over the next six weeks we'll run a discovery workshop with your team, develop two logo directions, and build a simple brand guide covering color, type and photography.

Our kickoff meeting is booked for Tuesday, March 10, at 10 am at the spa. We'll bring printed mood boards to start the conversation.

Warmly,
Morgan`,
  ),
  c(
    'cl-29',
    'ledger',
    'northgate',
    `Hi Harriet,

I have reviewed the quotes for the new treatment couches. Leasing them would spread the cost over three years and keep cash available for the refurbishment, while buying outright would save about £900 in total. Either option works with the current budget.

I am happy to talk it through with you and Idris before you decide.

Best wishes,
Tom`,
  ),
  c(
    'cl-30',
    'studio',
    'crumb',
    `Hi Aisha,

The wholesale price list for cafés is finished. It shows the pastry range, minimum order quantities and delivery days, and it matches the look of the retail menu. We can print a small run for your visits to local cafés, or share it as a PDF.

Let me know which you prefer and I'll get it sorted.

Cheers,
Casey`,
  ),
  // --- a second batch, written after the first evaluation (its first score is in the report) ------
  c('b2-sp-01', 'studio', 'cedar', 'We will recomend the corner lot to the first buyers.', [at('spelling', 'recomend')]),
  c('b2-sp-02', 'studio', 'bright', 'The trainers were truely great at the open day.', [at('spelling', 'truely')]),
  c('b2-sp-03', 'studio', 'crumb', 'The reciept printer at the counter is fixed.', [at('spelling', 'reciept')]),
  c('b2-sp-04', 'ledger', 'thistle', 'The grant is paid to independant contractors only.', [at('spelling', 'independant')]),
  c('b2-sp-05', 'ledger', 'meadow', 'We need one more occassion to review the budget.', [at('spelling', 'occassion')]),
  c('b2-sp-06', 'studio', 'harbor', 'The new signs look a bit wierd from the street.', [at('spelling', 'wierd')]),
  c('b2-sp-07', 'studio', 'serenity', 'Your treatment calender for April is attached.', [at('spelling', 'calender')], {
    attachments: 1,
  }),
  c('b2-sp-08', 'ledger', 'northgate', 'We have comitted to filing the return by Friday.', [at('spelling', 'comitted')]),
  c('b2-cf-01', 'studio', 'harbor', 'The outage lead to a few missed reminders last week.', [at('confusable', 'lead')]),
  c('b2-cf-02', 'studio', 'cedar', 'Its ready for your review whenever you are.', [at('confusable', 'Its')]),
  c('b2-cf-03', 'studio', 'bright', "Let's not loose the momentum from the spring launch.", [at('confusable', 'loose')]),
  c('b2-cf-04', 'ledger', 'thistle', 'The invoice came in later then we expected.', [at('confusable', 'then')]),
  c('b2-cf-05', 'studio', 'crumb', "We'll need there logo files before Friday.", [at('confusable', 'there')]),
  c('b2-cf-n01', 'studio', 'harbor', 'Dr O’Rourke will lead the session, and the lead designer will join.'),
  c('b2-cf-n02', 'ledger', 'meadow', 'The nursery and its staff did well; it’s been a good year.'),
  c('b2-cn-01', 'studio', 'harbor', 'Hi Lynne,\n\nThe postcards are ready.', [at('contact_name', 'Lynne')]),
  c('b2-cn-02', 'studio', 'cedar', 'Thanks Daneil, the open house went well.', [at('contact_name', 'Daneil')]),
  c('b2-cn-03', 'ledger', 'northgate', 'Dear Harriet Burne,\n\nYour payroll report is ready.', [at('contact_name', 'Burne')]),
  c('b2-hn-01', 'studio', 'harbor', 'Hi Ms. Carter, the flyers are printed.'),
  c('b2-hn-02', 'studio', 'harbor', "Dear Dr. O'Rourke, the whitening page is live."),
  c('b2-hn-03', 'studio', 'cedar', 'Dear Mrs. Okafor, the brochure is ready.', [at('honorific', 'Mrs. Okafor')]),
  c('b2-hn-04', 'ledger', 'thistle', 'Dear Sir or Madam, please find our terms below.'),
  c('b2-fm-01', 'studio', 'harbor', 'The annual plan is $1450, or $1,450.00 with the SmileCare Plus add-on.'),
  c('b2-fm-02', 'studio', 'harbor', 'Call us on (415) 555-0142 or +1 415 555 0142 from abroad.'),
  c('b2-fm-03', 'studio', 'harbor', 'Book at www.harborlanedental.com/book/ or text SMILE to 48213.'),
  c('b2-fm-04', 'studio', 'harbor', 'The annual plan is now $14,500 for new patients.', [at('fact_mismatch', '14,500')]),
  c('b2-fm-05', 'studio', 'harbor', 'Call the front desk on (415) 555-0143.', [at('fact_mismatch', '555-0143')]),
  c('b2-fm-06', 'ledger', 'northgate', 'The clinic number is 0161 496 0745.', [at('fact_mismatch', '0161 496 0745')]),
  c('b2-oc-01', 'studio', 'harbor', 'Loved working with the Cedar and Pine team on this one.', [
    at('other_client', 'Cedar and Pine'),
  ]),
  c('b2-oc-02', 'ledger', 'meadow', 'Freya, Thistle and Finch asked for a reference from you.', [
    at('other_client', 'Thistle and Finch'),
  ]),
  c('b2-wd-01', 'ledger', 'thistle', 'Shall we meet on Thu 12/3 at 10:00?'),
  c('b2-wd-02', 'studio', 'cedar', 'The listing goes live on Friday 13th March.'),
  c('b2-wd-03', 'studio', 'bright', 'The taster session is on 3/12 (Fri).', [at('weekday_mismatch', 'Fri')]),
  c('b2-wd-04', 'ledger', 'northgate', 'Payroll closes on Wednesday 25th March at noon.'),
  c('b2-wd-05', 'ledger', 'northgate', 'Payroll closes on Tuesday 25th March at noon.', [at('weekday_mismatch', 'Tuesday')]),
  c('b2-ph-01', 'studio', 'cedar', 'Hi NAME,\n\nThanks for listing with us.', [at('placeholder', 'NAME')]),
  c('b2-ph-02', 'ledger', 'thistle', 'Your return is due on [DATE].', [at('placeholder', '[DATE]')]),
  c('b2-ph-03', 'studio', 'bright', 'Join here: INSERT LINK HERE', [at('placeholder', 'INSERT LINK HERE')]),
  c('b2-ph-04', 'ledger', 'meadow', 'The grant must be spent by XX/XX/2026.', [at('placeholder', 'XX/XX')]),
  c('b2-ph-05', 'studio', 'crumb', 'Hi {{ first_name }}, your order is ready.', [at('placeholder', '{{ first_name }}')]),
  c('b2-ma-01', 'ledger', 'thistle', "I've enclosed the engagement letter for signature.", [at('missing_attachment', 'enclosed')], {
    attachments: 0,
  }),
  c('b2-ma-02', 'studio', 'cedar', 'Attached is the floor plan for the open house.', [at('missing_attachment', 'Attached')], {
    attachments: 0,
  }),
  c('b2-ma-n01', 'studio', 'bright', 'No attachment needed: the timetable is on the website.', [], { attachments: 0 }),
  c('b2-ma-n02', 'ledger', 'northgate', 'Our email has an attachment limit of 10 MB, so send a link instead.', [], {
    attachments: 0,
  }),
  c('b2-gr-01', 'studio', 'cedar', 'Per my\nlast email, the photos are due Friday.', [at('guard_rule', 'Per my')]),
  c('b2-gr-02', 'studio', 'crumb', 'Could you send the allergen list ASAP!', [at('guard_rule', 'ASAP')]),
  c(
    'b2-cl-01',
    'studio',
    'bright',
    `Hey Jon 👋

Quick recap from today: FY26 targets are 2x new members in H1, the referral promo runs 24/7 on the app, and the iPhone and Android builds both ship on the 3rd. Keiko wants the #FitFlexFriday posts to tag @brightwaterfit.

Approx. budget is $1.2k/month (e.g. Meta ads, UGC creators). I'll share the Notion doc + Loom walkthrough by EOD.

Cheers,
Alex`,
  ),
  c(
    'b2-cl-02',
    'ledger',
    'thistle',
    `Hi Imogen,

Thanks for the call. To confirm: we'll file the VAT return for the quarter ending 31/03, reconcile the Barclays and Amex feeds in Xero, and chase the two invoices from Kyiv and Aotearoa Trading. Ngozi from our payroll team will set up the new starter w/c 9 March.

I've noted that the director's loan should be cleared before the year end. Let me know if anything's changed.

Kind regards,
Eleanor`,
  ),
  c(
    'b2-cl-03',
    'studio',
    'crumb',
    `Hi Aisha,

The Instagram reels did really well: 14k views, 3.1% engagement, and 62 click-throughs to the order page. The croissant video was the favorite, so we'll plan two more in that style for April.

Mateo asked about TikTok. We can test it for a month at no extra cost and report back on reach and orders.

Cheers,
Casey`,
  ),
  c(
    'b2-cl-04',
    'ledger',
    'northgate',
    `Dear Dr Byrne,

I've reviewed the practice's mileage claims for the year. Most are in order, but a few trips are missing their start and end postcodes, which HMRC may ask for. I've highlighted them in the spreadsheet so the physiotherapists can fill in the gaps.

Once that's done, I'll finalise the expenses schedule and include it in the year-end pack.

Best wishes,
Tom`,
  ),
  // --- a third batch: more clean mail, written after the second round of changes ----------------
  c(
    'b3-cl-01',
    'ledger',
    'thistle',
    `Hi Callum,

Whilst reviewing the travel claims I noticed that two journeys to the Manchester centre were claimed twice, once on the mileage form and once as train fares. I've amended the schedule and kept a note of the change in case your auditors ask about it.

We've also organised the licence renewals and the insurance paperwork into one folder, so everything for the year-end is in one place. The programme of work for the next quarter is attached for you to look over.

Many thanks,
Eleanor

Eleanor Hughes | Senior Bookkeeper
Finch Street Accounts | 020 7946 0999`,
    [],
    { attachments: 1 },
  ),
  c(
    'b3-cl-02',
    'studio',
    'harbor',
    `Hi Lynn,

Thanks for the quick call. Here's where we landed:

- The QBR deck will cover NPS, CSAT and the no-show rate by location.
- Priya will pull the MRR numbers for the membership plan from Stripe.
- We'll A/B test two versions of the reminder text starting next week.

I'll send the draft deck on Thursday so Dr O'Rourke has time to add his notes.

Best,
Robin

On Mon, 2 Mar 2026 at 09:14, Lynn Carter <lynn@harborlanedental.com> wrote:
> Can we move the review to later in the week? Marcus is in surgery until Wednesday.`,
  ),
  c(
    'b3-cl-03',
    'ledger',
    'meadow',
    `Dear Freya,

I hope the open day went well. The parents I spoke to afterwards were full of praise for the garden and the new reading corner.

On the finances: the autumn term fees have all been received apart from two families, who have asked to pay in instalments. I've set up the plans and they will start next month. The nursery's bank balance is healthy, and we remain within the budget the trustees agreed in September.

I'll be travelling on Friday, so if anything urgent comes up please call Tom instead.

Kind regards,
Eleanor`,
  ),
  c(
    'b3-cl-04',
    'studio',
    'cedar',
    `Hi Daniel,

Great news on the Maple Street listing: 1,240 views in the first weekend and 18 booked viewings. The drone video did most of the work, so we'll use the same approach for the riverside condos.

Sofia asked about a printed brochure for the open house. We can have 150 copies ready by Friday if you approve the proof today.

Sent from my iPhone`,
  ),
  c(
    'b3-cl-05',
    'ledger',
    'northgate',
    `Hi Harriet,

Quick update from our side. The pension re-enrolment is done, the P60s for last year have been issued to all staff, and the payroll software has been updated to the new tax codes.

Idris mentioned that one of the physiotherapists is moving to part-time hours from April. Could you confirm the new hours and the date they start, so I can recalculate her holiday entitlement?

Best wishes,
Tom`,
  ),
  c(
    'b3-cl-06',
    'studio',
    'bright',
    `Hi Keiko,

We analyzed last month's class bookings. Spin and HIIT are full most evenings, while the early yoga sessions are half empty. Two ideas:

1. Move one yoga class to 12:30 for the lunchtime crowd.
2. Offer a free first class to anyone who books three weeks in a row.

Both are easy to set up in the app, and we can measure churn and retention after a month. Happy to chat on Zoom or Slack, whichever is easier.

Cheers,
Alex 💪`,
  ),
  c(
    'b3-cl-07',
    'studio',
    'crumb',
    `Hi Mateo and Aisha,

Your Google Business profile now shows the new opening hours, the gluten-free range and the catering menu. Reviews are averaging 4.8 stars, and three customers mentioned the staff by name, which is lovely to see.

Next week we'll photograph the sourdough bake for the website, so if you could keep a few loaves aside on Tuesday morning, that would be perfect.

Thanks,
Casey`,
  ),
  c(
    'b3-cl-08',
    'ledger',
    'thistle',
    `Dear Imogen,

Following our meeting, I have summarised the options for the new company car. A fully electric model would attract a much lower benefit-in-kind charge than the petrol equivalent, and the company could claim the full cost against profits in the first year.

I have attached a short comparison showing the tax position for you and for the company under each option. Do let me know if you would like to talk it through before you decide.

Kind regards,
Eleanor`,
    [],
    { attachments: 1 },
  ),
];
