// Regenerates src/engine/guard/wordlist/extra-words.txt.gz: the words of maintained spelling word
// lists — cspell's British English (@cspell/dict-en-gb-mit: both -ise and -ize forms, British
// variants such as "despatch"), American English (@cspell/dict-en_us) and software terms
// (@cspell/dict-software-terms), pinned in package.json — that either Hunspell dictionary the
// guard uses (dictionary-en, dictionary-en-gb) rejects. Forbidden entries ("!word"), case-folded
// duplicates ("~word"), words of one or two letters (abbreviations such as "br" that would hide
// typos) and entries with digits or other symbols are left out. The guard's speller
// (src/bootstrap/spellers.ts) accepts these words in both locales.
// Run: npx tsx scripts/build-guard-words.ts
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { importTrie, iteratorTrieWords } from 'cspell-trie-lib';
import nspell from 'nspell';

const here = join(dirname(fileURLToPath(import.meta.url)), '../src/engine/guard/wordlist');
const require = createRequire(import.meta.url);
/** A file in a package's folder (the packages export only their cspell-ext.json). */
const inPackage = (pkg: string, file: string): string => join(dirname(require.resolve(`${pkg}/cspell-ext.json`)), file);
const tries = [inPackage('@cspell/dict-en-gb-mit', 'en_GB.trie.gz'), inPackage('@cspell/dict-en_us', 'en_US.trie.gz')];
const words = new Set<string>();
const keep = (w: string): boolean => w.length >= 3 && /^\p{L}[\p{L}'-]*$/u.test(w);
for (const file of tries) {
  const trie = importTrie(gunzipSync(readFileSync(file)).toString('utf8').split('\n'));
  for (const w of iteratorTrieWords(trie)) if (keep(w)) words.add(w);
}
// Software terms (@cspell/dict-software-terms: "backported", "callout", "webhook"), one a line;
// a camelCase identifier ("timeFrame") counts as the word written in lower case.
const terms = inPackage('@cspell/dict-software-terms', 'dict');
for (const file of readdirSync(terms)) {
  if (!/\.txt(\.gz)?$/.test(file)) continue;
  const raw = readFileSync(join(terms, file));
  for (let w of (file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8').split('\n')) {
    w = w.trim();
    if (/^[a-z]+(?:[A-Z][a-z]+)+$/.test(w)) w = w.toLowerCase();
    if (keep(w) && w.length >= 4) words.add(w);
  }
}
const us = (await import('dictionary-en')).default;
const gb = (await import('dictionary-en-gb')).default;
const hunspell = [us, gb].map((d) => nspell({ aff: Buffer.from(d.aff), dic: Buffer.from(d.dic) }));
const extra = [...words].filter((w) => !hunspell.every((h) => h.correct(w))).sort();
writeFileSync(join(here, 'extra-words.txt.gz'), gzipSync(extra.join('\n') + '\n', { level: 9 }));
process.stdout.write(`${extra.length} words written to extra-words.txt.gz (from ${words.size})\n`);
