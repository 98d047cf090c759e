import { buildWorkload } from './workload.ts';
import { tokenise } from '../src/engine/guard/tokenise.ts';
const { emails } = buildWorkload();
const texts = emails.map(e => e.text);
function time(name: string, fn: (t: string) => unknown) {
  for (const t of texts) fn(t);
  const ts: number[] = [];
  for (let r = 0; r < 15; r++) { const t0 = performance.now(); for (const t of texts) fn(t); ts.push(performance.now() - t0); }
  ts.sort((a, b) => a - b);
  console.log(name.padEnd(20), (ts[7]! / texts.length * 1000).toFixed(2), 'µs');
}
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const set = new Set(['the','a']);
time('floor', (t) => { let n = 0; for (const m of t.matchAll(WORD)) if (set.has(m[0].toLowerCase())) n++; return n; });
time('scan only', (t) => { let n = 0; for (let i = 0; i < t.length; i++) { const c = t.charCodeAt(i); if (c === 32) n++; } return n; });
time('split ws', (t) => t.split(' ').length);
time('tokenise', tokenise);
