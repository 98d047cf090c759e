#!/usr/bin/env node
// Builds the web app into dist/web when it is missing or older than its sources (src/web, src/shared,
// src/engine, the Vite config), or always with --force. Exits non-zero when the build fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const output = join(root, 'dist', 'web', 'index.html');
const sources = ['src/web', 'src/shared', 'src/engine', 'vite.config.ts', 'package.json'];

/** The newest modification time under a file or folder (tests excluded: they are not shipped). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(path) ? 0 : stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

function reason() {
  if (process.argv.includes('--force')) return 'forced';
  if (!existsSync(output)) return 'no build yet';
  const built = statSync(output).mtimeMs;
  const changed = sources.find((source) => newest(join(root, source)) > built);
  return changed ? `${changed} changed since the last build` : null;
}

const why = reason();
if (!why) {
  console.log('makegood: web app is up to date (dist/web).');
  process.exit(0);
}
console.log(`makegood: building the web app (${why})…`);
const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
if (!existsSync(vite)) {
  console.error('makegood: vite is not installed; run `npm install` first.');
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  [vite, 'build', '--config', join(root, 'vite.config.ts'), '--logLevel', 'warn'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (result.status !== 0 || !existsSync(output)) {
  console.error(`makegood: the web app build failed (exit ${result.status ?? result.signal}).`);
  process.exit(result.status || 1);
}
console.log('makegood: web app built into dist/web.');
