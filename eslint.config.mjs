// @ts-check
/**
 * Lint: Next's rules (React, hooks, accessibility, imports), typescript-eslint, and the one
 * direction of imports (docs/decisions/013-layers.md). `npm run lint` fails on any warning.
 */
import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import prettier from 'eslint-config-prettier';

/**
 * The one direction of imports (docs/decisions/013-layers.md): routes (app/, proxy.ts) →
 * components and crawler output (lib/seo, lib/feeds) → the data layer (lib/data, lib/api,
 * lib/content) → the store (lib/store, the only code that speaks SQL) → the domain
 * (lib/domain), which imports none of them. Migrations import nothing but each other.
 * `import/no-restricted-paths` (eslint-plugin-import, already part of Next's rules): each zone
 * names what a folder may not import.
 */
const routes = ['./app', './proxy.ts', './instrumentation.ts', './lib/routing', './lib/server'];
const views = ['./components', './lib/seo', './lib/feeds'];
const data = ['./lib/data', './lib/api', './lib/content'];
const store = ['./lib/store'];
const layerZones = [
  {
    target: './lib/domain',
    from: [...routes, ...views, ...data, ...store, './lib/cache', './lib/http', './lib/runtime', './lib/log.ts'],
    message: 'lib/domain imports no other layer.',
  },
  {
    target: './lib/http',
    from: [...routes, ...views, ...data, ...store, './lib/cache'],
    message: 'The shared HTTP layer (security headers, the document rewrite) imports only the domain and the runtime.',
  },
  { target: './lib/store', from: [...routes, ...views, ...data, './lib/cache'], message: 'The store imports only the domain.' },
  { target: './lib/runtime', from: './lib', except: ['./runtime'], message: 'lib/runtime (what one process shares) imports nothing of ours.' },
  { target: './lib/runtime', from: ['./app', './components', './proxy.ts', './instrumentation.ts'], message: 'lib/runtime imports nothing of ours.' },
  {
    target: './lib/store/migrations',
    from: './lib',
    except: ['./store/migrations'],
    message: 'Migrations are frozen: they carry what they need (lib/store/migrations/frozen.ts).',
  },
  { target: data, from: [...routes, ...views], message: 'The data layer imports the store and the domain, never what renders.' },
  { target: views, from: [...routes, './lib/store', './lib/api', './lib/content'], message: 'Components read through lib/data, never the store.' },
  {
    target: './lib/cache',
    from: [...routes, ...views, ...data, ...store],
    message: 'The cache imports only the domain, the shared HTTP layer and the runtime.',
  },
  {
    target: './app',
    from: './lib/store',
    except: ['./database.ts'],
    message: 'Routes open the store (lib/store/database.ts) and read through lib/data or lib/api.',
  },
];

const config = [
  {
    ignores: [
      '.next/**',
      '**/.next/**',
      'scripts/bench/floor/public/**',
      'node_modules/**',
      '.data/**',
      'test-results/**',
      'playwright-report/**',
      'public/**',
      'next-env.d.ts',
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.{ts,tsx,mjs,js}'],
    rules: {
      'import/no-restricted-paths': ['error', { zones: layerZones }],
      'no-restricted-imports': ['error', { paths: [{ name: 'kysely', message: 'Only lib/store speaks SQL.' }] }],
    },
  },
  {
    files: ['lib/store/**', 'lib/testing/**', 'scripts/**', '**/*.test.ts', 'e2e/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Small files (issue 28): no source file over about 300 lines of code. Tests are exempt; so
    // is the bench's run (scripts/bench.ts), one linear measurement whose parts are in scripts/bench/.
    files: ['**/*.{ts,tsx,mjs,js}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**', 'scripts/bench.ts'],
    rules: { 'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }] },
  },
  {
    // What one server process shares between its bundles goes through lib/runtime/process-state.mjs
    // (decision 022): named, typed slots that imports show, instead of globalThis properties.
    files: ['app/**', 'components/**', 'lib/**', 'proxy.ts', 'instrumentation.ts'],
    ignores: ['lib/runtime/**', '**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'globalThis', message: 'Share process state through lib/runtime/process-state.mjs (decision 022).' }],
    },
  },
  {
    // Islands get their edition's strings as a prop (decision 007, amended): importing the
    // editions would ship every edition's strings to the browser. Types are fine.
    files: ['**/*.island.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@/lib/domain/editions', message: 'An island receives its strings as a prop (islandEdition()).', allowTypeImports: true },
            { name: 'kysely', message: 'Only lib/store speaks SQL.' },
          ],
        },
      ],
    },
  },
  {
    // Migrations are frozen: they work on the schema as it was, not on today's types (so do the
    // helpers they share). Tests poke at JSON the way a client would.
    files: ['lib/store/migrations/**', 'lib/store/migrations.ts', 'lib/store/dialect.ts', 'e2e/**', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
];

export default config;
