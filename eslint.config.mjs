// @ts-check
/**
 * Lint: Next's rules (React, hooks, accessibility, imports), typescript-eslint, and the one
 * direction of imports (docs/decisions/013-layers.md). `npm run lint` fails on any warning.
 */
import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import prettier from 'eslint-config-prettier';

const config = [
  { ignores: ['.next/**', 'node_modules/**', '.data/**', 'test-results/**', 'playwright-report/**', 'public/**', 'next-env.d.ts'] },
  ...nextCoreWebVitals,
  ...nextTypescript,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
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
