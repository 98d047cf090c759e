// Writes corpus.jsonl from mail.txt (the hand-kept source). Run: npx tsx bench/data/real-mail/build.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseMailSource } from './index.ts';

const dir = dirname(fileURLToPath(import.meta.url));
const items = parseMailSource(readFileSync(join(dir, 'mail.txt'), 'utf8'));
writeFileSync(join(dir, 'corpus.jsonl'), items.map((i) => JSON.stringify(i)).join('\n') + '\n');
process.stdout.write(`${items.length} texts written to corpus.jsonl\n`);
