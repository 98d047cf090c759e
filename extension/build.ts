// `npm run build:extension`: the browser extension into dist/extension (or --out DIR). Each script
// is its own self-contained IIFE bundle: a content script cannot load ES modules or shared chunks.
// MAKEGOOD_EXTENSION_TEST_ORIGIN=http://127.0.0.1 makes a test build (see manifest.ts).
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { manifest } from './manifest.ts';

const here = import.meta.dirname;
const root = resolve(here, '..');
const { values } = parseArgs({ options: { out: { type: 'string' } } });
const outDir = resolve(values.out ?? join(root, 'dist', 'extension'));
const testOrigin = process.env['MAKEGOOD_EXTENSION_TEST_ORIGIN'];
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
for (const name of ['background', 'content', 'options']) {
  await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: false,
      sourcemap: false,
      minify: false,
      lib: {
        entry: join(here, 'src', `${name}.ts`),
        formats: ['iife'],
        name: `makegood_${name}`,
        fileName: () => `${name}.js`,
      },
    },
  });
}
copyFileSync(join(here, 'options.html'), join(outDir, 'options.html'));
copyFileSync(join(here, 'options.css'), join(outDir, 'options.css'));
writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest(version, testOrigin), null, 2)}\n`);
console.log(`extension built in ${outDir}${testOrigin ? ` (test build: ${testOrigin})` : ''}`);
