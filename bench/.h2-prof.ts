import { buildWorkload } from './workload.ts';
import { buildGuard } from '../src/engine/index.ts';
import { tokenise } from '../src/engine/guard/tokenise.ts';
import { loadSpeller } from '../src/bootstrap/spellers.ts';
const { knowledge, emails, date } = buildWorkload();
const speller = await loadSpeller('en-US');
const guard = buildGuard(knowledge, { speller });
function time(name: string, fn: () => void, rounds = 10) {
  fn();
  const ts: number[] = [];
  for (let r = 0; r < rounds; r++) { const t0 = performance.now(); fn(); ts.push(performance.now() - t0); }
  ts.sort((a, b) => a - b);
  console.log(name, (ts[rounds >> 1]! / emails.length * 1000).toFixed(1), 'µs/email');
}
// time('tokenise', () => { for (const e of emails) tokenise(e.text); });
// time('guard', () => { for (const e of emails) guard.check(e.text, { clientId: e.clientId, date, attachments: e.attachments }); });
time('guard no client', () => { for (const e of emails) guard.check(e.text, { date }); });
