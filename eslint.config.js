// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layers = ['engine', 'domain', 'storage', 'server', 'cli', 'bootstrap', 'config', 'shared', 'web'];

/** Forbids importing the named layers (by folder) and, optionally, Node built-ins. */
function forbid(forbidden, { node = false, message } = {}) {
  const patterns = forbidden.map((layer) => ({
    group: [`**/${layer}/**`, `**/${layer}`],
    message: message ?? `This layer may not import src/${layer} (see docs/ARCHITECTURE.md).`,
  }));
  if (node) {
    patterns.push({ group: ['node:*'], message: 'No Node built-ins here: this code must stay pure and portable.' });
  }
  return { 'no-restricted-imports': ['error', { patterns, paths: node ? ['fs', 'path', 'crypto', 'os', 'child_process'] : [] }] };
}

/** The Node globals plain .mjs/.js scripts use (TypeScript files get them from @types/node). */
const nodeGlobals = Object.fromEntries(
  ['process', 'console', 'Buffer', 'URL', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'fetch'].map((g) => [g, 'readonly']),
);

const others = (...allowed) => layers.filter((l) => !allowed.includes(l));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'e2e/screenshots/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js', 'bin/makegood', 'scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true, allowNullish: true }],
      '@typescript-eslint/only-throw-error': 'off',
    },
  },
  // Import rules between layers (STYLE.md): enforced here, described in docs/ARCHITECTURE.md.
  { files: ['src/engine/**/*.ts'], ignores: ['src/engine/**/*.test.ts'], rules: forbid(others('engine'), { node: true }) },
  { files: ['src/domain/**/*.ts'], ignores: ['src/domain/**/*.test.ts'], rules: forbid(others('domain', 'engine', 'shared'), { node: true }) },
  { files: ['src/shared/**/*.ts'], rules: forbid(others('shared'), { node: true }) },
  { files: ['src/storage/**/*.ts'], ignores: ['src/storage/**/*.test.ts'], rules: forbid(others('storage', 'domain', 'shared')) },
  { files: ['src/config/**/*.ts'], rules: forbid(others('config')) },
  {
    files: ['src/server/**/*.ts', 'src/cli/**/*.ts'],
    ignores: ['src/server/**/*.test.ts', 'src/cli/**/*.test.ts'],
    rules: forbid(['storage', 'web'], { message: 'server and cli reach storage only through src/bootstrap.' }),
  },
  { files: ['src/web/**/*.{ts,tsx}'], rules: forbid(others('web', 'shared', 'engine'), { node: true }) },
  { files: ['scripts/**/*.mjs', 'bin/**', '*.js', '*.cjs', '*.mjs'], languageOptions: { globals: nodeGlobals } },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**', 'e2e/**', 'bench/**', 'scripts/**'],
    rules: { '@typescript-eslint/unbound-method': 'off', '@typescript-eslint/no-floating-promises': 'error' },
  },
);
