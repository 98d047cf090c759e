// The benchmark workload, generated deterministically (seeded PRNG): a workspace of 1,000
// clients, 3,000 contacts, 5,000 facts and 500 guard rules, and 1,000 realistic client e-mails of
// about 150 words, some with the mistakes the guard exists for (typos, a wrong honorific, a
// swapped short code, another client's name, a weekday that does not match its date, a template
// leftover).
import type { GuardClient, GuardFact, GuardKnowledge, GuardRuleSpec, Honorific } from '../src/engine/index.ts';

/** One e-mail of the workload and the client it is for. */
export interface WorkloadEmail {
  clientId: string;
  text: string;
  attachments: number;
}

/** Everything the benchmark runs on. */
export interface Workload {
  knowledge: GuardKnowledge;
  emails: WorkloadEmail[];
  /** Today, for weekday checks of dates without a year. */
  date: string;
}

/** mulberry32: a small deterministic PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST =
  'Lynn Marcus Priya Daniel Sofia Ahmed Grace Oliver Hannah Mateo Chloe Ethan Amara Lucas Isla Noah Zara Leo Maya Owen Ava Felix Nora Ravi Elena Tom Chen Fatima Jonas Leah Diego Imogen Kwame Ines Samuel Aisha Hugo Clara Yusuf Freya Gabriel Mei Arjun Ruth Callum Nadia Tobias Erin Malik Sienna Jon Keiko Pablo Bethany Idris Harriet Luca Rosa Desmond Anya Patrick Lena Omar Tessa Victor Jade Kofi Alice Ivan Naomi'.split(
    ' ',
  );
const LAST =
  "Carter Nguyen Okafor Patel Schmidt Rossi Walsh O'Rourke Fernandez Kim Hughes Mensah Larsen Dubois Kowalski Silva Bennett Haddad Moreno Fraser Ivanova Tanaka Osei Lindqvist Murphy Cohen Abebe Gallagher Novak Reyes Sato Byrne Petrov Quinn Adeyemi Horvat Mackenzie Romero Fischer Delgado Price Whitfield Yamamoto Brennan Eriksen Costa Achebe Sharma Lowe Stewart McAllister Varga Ortiz Jensen".split(
    ' ',
  );
const ADJ =
  'Blue Golden Silver Bright Quiet Northern Coastal Urban Green Crimson Summit Cedar Harbor Maple Oak Willow Pine Riverside Lakeside Sunrise Evergreen Copper Ivory Granite Meadow Prairie Highland Valley Canyon Aspen Birch Coral Amber Sterling Hudson Atlas Beacon Crescent Horizon Juniper Linden Magnolia Orchard Pioneer Redwood Sage Solstice Tidewater Westfield Windmill'.split(
    ' ',
  );
const NOUN =
  'Harbor Ridge Bay Field Grove Point Stone Bridge Creek Peak Lane Garden Hill Brook Forge Works Studio House Collective Partners Labs Supply Trading Kitchen Table Press Loft Yard Mill'.split(
    ' ',
  );
const TRADE =
  'Dental Spas Bakery Fitness Realty Florists Coffee Printing Dentistry Wellness Vets Law Accounting Design Builders Landscaping Salon Clinic Catering Photography Yoga Physio Optics Tutoring Interiors Roasters Brewing Cleaning Plumbing Logistics'.split(
    ' ',
  );
const SENDERS = ['Marco', 'Dana', 'Sam', 'Alex', 'Robin', 'Jordan', 'Casey', 'Morgan'];
const HONORIFICS: Honorific[] = ['Mr', 'Ms', 'Mrs', 'Dr', 'Mx', 'none'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const TERMS = [
  'GlowPass',
  'FreshStart Plan',
  'SmileCare Plus',
  'PrintPerfect',
  'BrewClub',
  'FitFlex',
  'PetPal Plan',
  'CleanSweep Pro',
  'SnapBook',
  'LeafLine',
];

/** Builds the workload (the same every time). */
export function buildWorkload(): Workload {
  const rand = prng(20260322);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const digits = (n: number): string =>
    Array.from({ length: n }, (_, i) => String(i === 0 ? 1 + Math.floor(rand() * 9) : Math.floor(rand() * 10))).join(
      '',
    );

  const clients: GuardClient[] = [];
  const usedNames = new Set<string>();
  for (let c = 0; c < 1000; c++) {
    let name = '';
    do name = `${pick(ADJ)} ${pick(NOUN)} ${pick(TRADE)}`;
    while (usedNames.has(name));
    usedNames.add(name);
    const slug = name.toLowerCase().replace(/[^a-z]+/g, '');
    const contacts = Array.from({ length: 3 }, () => {
      const first = pick(FIRST);
      const last = pick(LAST);
      return {
        name: `${first} ${last}`,
        honorific: pick(HONORIFICS),
        email: `${first.toLowerCase()}.${last.toLowerCase().replace(/'/g, '')}@${slug}.com`,
      };
    });
    const facts: GuardFact[] = [
      { kind: 'short_code', value: digits(5), label: 'SMS short code' },
      { kind: 'phone', value: `+1 (${digits(3)}) ${digits(3)}-${digits(4)}`, label: 'main line' },
      {
        kind: 'url',
        value: `https://${slug}.com/${pick(['book', 'order', 'account', 'menu', 'pay'])}`,
        label: 'booking page',
      },
      { kind: 'identifier', value: `ACC-${digits(5)}`, label: 'account number' },
    ];
    if (c % 2 === 0) facts.push({ kind: 'price', value: `$${digits(1)},${digits(3)}`, label: 'annual plan' });
    const aliases = c % 3 === 0 ? [name.split(' ').slice(0, 2).join(' ')] : [];
    clients.push({ id: `client-${c}`, name, aliases, contacts, facts });
  }
  const clientFacts = clients.reduce((n, c) => n + c.facts.length, 0);
  const facts: GuardFact[] = [];
  for (let f = 0; clientFacts + facts.length < 5000; f++) {
    if (f % 2 === 0) facts.push({ kind: 'identifier', value: `PO-${digits(6)}`, label: 'purchase order' });
    else if (f % 5 === 1) facts.push({ kind: 'term', value: TERMS[f % TERMS.length]!, label: 'product name' });
    else facts.push({ kind: 'price', value: `$${digits(3)}.${digits(2)}`, label: 'list price' });
  }

  const rules: GuardRuleSpec[] = [];
  const PHRASES = [
    'per my last email',
    'as previously stated',
    'no worries at all',
    'just circling back',
    'to be honest',
    'cheapest option',
    'unfortunately we cannot',
    'as I already said',
    'you should have',
    'our policy clearly states',
    'final warning',
    'not our fault',
    'calm down',
    'obviously',
    'as you know',
    'with all due respect',
  ];
  for (let r = 0; r < 500; r++) {
    const scoped = r >= 200;
    const clientId = scoped ? clients[Math.floor(rand() * clients.length)]!.id : undefined;
    const lesson = `Lesson MG-${100 + r}`;
    const kind = r % 10 < 6 ? 'forbidden' : r % 10 < 8 ? 'pattern' : 'required';
    if (kind === 'forbidden') {
      const phrase =
        r < PHRASES.length
          ? PHRASES[r]!
          : `${pick(['our', 'the', 'your'])} ${pick(['old', 'legacy', 'beta', 'trial', 'draft'])} ${pick(['portal', 'pricing', 'logo', 'schedule', 'menu', 'app', 'plan'])} ${r}`;
      rules.push({ kind, phrase, message: `${lesson}: do not write “${phrase}”.`, ...(clientId && { clientId }) });
    } else if (kind === 'pattern') {
      const pattern = pick([
        '\\bASAP\\b',
        `\\bcode ${digits(2)}\\d{2}\\b`,
        `\\$\\d+ off ${pick(['today', 'now', 'everything'])}\\b`,
        `\\bguarantee(?:d)? ${pick(['results', 'delivery', 'refund'])}\\b`,
        `\\b(?:urgent|URGENT)!{2,}`,
      ]);
      rules.push({ kind, pattern, message: `${lesson}: pattern ${r}.`, ...(clientId && { clientId }) });
    } else {
      rules.push({
        kind,
        phrase: 'Reply STOP to opt out',
        when: `Text ${pick(['KESTREL', 'JOIN', 'DEALS', 'VIP'])}`,
        message: `${lesson}: opt-out line.`,
        ...(clientId && { clientId }),
      });
    }
  }

  const knowledge: GuardKnowledge = {
    locale: 'en-US',
    clients,
    facts,
    vocabulary: ['Handwrytten', 'Calendly', 'Klaviyo', 'makegood', ...SENDERS],
    rules,
  };

  const today = '2026-03-02';
  const emails: WorkloadEmail[] = [];
  const TYPOS: [string, string][] = [
    ['receive', 'recieve'],
    ['schedule', 'schedual'],
    ['definitely', 'definately'],
    ['separate', 'seperate'],
    ['tomorrow', 'tommorow'],
    ['appreciate', 'apreciate'],
    ['apologies', 'Ap0logies'],
    ['accommodate', 'accomodate'],
  ];
  for (let e = 0; e < 1000; e++) {
    const client = clients[Math.floor(rand() * clients.length)]!;
    const contact = client.contacts[Math.floor(rand() * client.contacts.length)]!;
    const [first, ...rest] = contact.name.split(' ');
    const last = rest[rest.length - 1]!;
    const fact = (kind: string): string => client.facts.find((f) => f.kind === kind)?.value ?? '';
    const day = 1 + Math.floor(rand() * 28);
    const month = 2 + Math.floor(rand() * 6);
    const realWeekday = new Date(Date.UTC(2026, month, day)).getUTCDay();
    const weekday = rand() < 0.05 ? WEEKDAYS[(realWeekday + 1) % 7]! : WEEKDAYS[realWeekday]!;
    let code = fact('short_code');
    if (rand() < 0.05) code = code.slice(0, 2) + code[3] + code[2] + code.slice(4);
    const greeting =
      contact.honorific && contact.honorific !== 'none' && rand() < 0.4
        ? `Dear ${rand() < 0.05 ? 'Mr' : contact.honorific} ${last},`
        : `Hi ${rand() < 0.04 ? first!.slice(0, -1) : first},`;
    const other = rand() < 0.03 ? clients[Math.floor(rand() * clients.length)]!.name : client.name;
    const sentences = [
      `Thank you for getting back to us so quickly about the changes to the ${pick(['spring', 'summer', 'holiday', 'launch'])} campaign for ${other}.`,
      `We have updated the booking page at ${fact('url')} and the team has tested it on both mobile and desktop.`,
      `Customers can now text ${pick(['JOIN', 'VIP', 'DEALS'])} to ${code} to get reminders, and we will send the first message on ${weekday}, ${MONTHS[month]} ${day}, 2026.`,
      `If anything looks off, please call us on ${fact('phone')} or reply to this email and we will fix it the same day.`,
      `Your account number is ${fact('identifier')}, which you will need when you log in to the dashboard for the first time.`,
      `We also reviewed the onboarding checklist with your team and moved the kickoff call to ${pick(['Tuesday', 'Wednesday', 'Thursday'])} afternoon so that everyone can attend.`,
      `The new menu photos are ready, and the designer has adjusted the colours to match the brand guide you shared last week.`,
      `I have attached the revised schedule together with the invoice for the first month of the annual plan.`,
      `As agreed, the first month is free of charge while we make sure everything works the way you expect.`,
      `Let me know if you would like us to walk your staff through the new workflow on a short Zoom call.`,
      `We really appreciate your patience while we sorted out the issue with the reminder texts last month.`,
      `Our goal is to make sure that every customer gets the right message at the right time, without any surprises.`,
    ];
    const body: string[] = [];
    let words = 0;
    let k = Math.floor(rand() * sentences.length);
    while (words < 140) {
      let s = sentences[k % sentences.length]!;
      if (rand() < 0.1) {
        const [right, wrong] = pick(TYPOS);
        s = s.includes(right)
          ? s.replace(right, wrong)
          : `${s} We ${wrong === 'recieve' ? 'recieve' : 'appreciate'} your feedback.`;
      }
      body.push(s);
      words += s.split(/\s+/).length;
      k++;
    }
    if (rand() < 0.01) body.push('Please confirm the [Client Name] details before Friday.');
    const text = `${greeting}\n\n${body.slice(0, 3).join(' ')}\n\n${body.slice(3).join(' ')}\n\nBest regards,\n${pick(SENDERS)}\n`;
    emails.push({ clientId: client.id, text, attachments: rand() < 0.1 ? 0 : 1 });
  }
  return { knowledge, emails, date: today };
}
