import { buildGuard, validateGuardRule } from '../src/engine/index.ts';
import { loadSpeller } from '../src/bootstrap/spellers.ts';
const speller = await loadSpeller('en-US');
const k = {
  locale: 'en-US' as const,
  clients: [
    { id: 'c1', name: 'Serenity Day Spas', aliases: ['Serenity'], contacts: [{ name: 'Lynn Carter', honorific: 'Ms' as const, email: 'lynn@example.com' }, { name: "Sean O'Rourke", honorific: 'none' as const }, { name: 'Jon Park', honorific: 'Mr' as const }], facts: [{ kind: 'short_code' as const, value: '55123', label: 'SMS short code' }, { kind: 'term' as const, value: 'HubSpot' }, { kind: 'url' as const, value: 'https://serenityspas.com/book' }, { kind: 'phone' as const, value: '+1 (555) 123-4567' }, { kind: 'price' as const, value: '$1,499' }, { kind: 'identifier' as const, value: 'INV-2041' }] },
    { id: 'c2', name: 'Blue Harbor Dental', aliases: [], contacts: [], facts: [] },
  ],
  facts: [],
  vocabulary: ['Handwrytten'],
  rules: [
    { kind: 'forbidden' as const, phrase: 'per my last email', message: 'Lesson MG-7: read as passive-aggressive.' },
    { kind: 'pattern' as const, pattern: '\\bASAP\\b', message: 'Lesson MG-9: give a date.' },
    { kind: 'required' as const, phrase: 'Reply STOP to opt out', when: 'Text KESTREL', message: 'Lesson MG-12.' },
  ],
};
const g = buildGuard(k, { speller });
const texts = process.argv.slice(2);
for (const text of texts.length ? texts : [
  'Dear Mr Carter,\n\nThank you for your order. We will send the final schedule on Friday.\n\nBest regards,\nMarco\n',
  'Hi Lyn, Ap0logies for the delay. Please text 55132 or call (555) 123-4576. Your total is $1,949 on INV-2014. Visit serenityspa.com/book. Hubspot is set up.',
  'Hi John, I recieve your note. Its been a busy week and we dont want to loose data. Per my last email, ASAP. Text KESTREL to join. Dear Mr. O\'Rouke, Blue Harbor Dental will call Monday, March 6, 2026. See the attached file. [Client Name] {{first_name}} TODO Lorem ipsum.',
  'The complimentary upgrade compliments the new logo. Thanks for the complement! We will effect the change. Then we will be faster then before. Their is a problem.',
]) {
  const t0 = performance.now();
  const f = g.check(text, { clientId: 'c1', date: '2026-03-01', attachments: 0 });
  console.log(JSON.stringify(text.slice(0, 60)), (performance.now() - t0).toFixed(2), 'ms');
  for (const x of f) console.log('  ', x.rule, x.severity, JSON.stringify(text.slice(x.start, x.end)), '→', x.replacement ?? '', '|', x.message);
}
for (const p of ['(a+)+$', '\\bASAP\\b', '(\\w+\\s)*', '(\\w+\\s?)*', '(a|ab)*', '.*.*', '(x+x+)+y', '(\\d+)\\s*(days|weeks)', 'a*', '(', '\\1(a)', '^(.*a){12}', '(?:\\d{3}-)+\\d{4}', '[a-z]+@[a-z]+\\.com', '(foo|bar)+', 'colou?r']) console.log(p, '→', validateGuardRule({ kind: 'pattern', pattern: p, message: 'x' }));
