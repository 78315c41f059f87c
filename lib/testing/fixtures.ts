import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import sharp from 'sharp';
import { afterEach, beforeEach, inject } from 'vitest';
import { ArticleSchema, type Article, type ArticleInput, type Section } from '../domain/article-schema';
import { openStore, type Store } from '../store/database';
import { writeContent } from '../store/write-content';

/**
 * Test fixtures: real temporary folders, real JPEG files, real stores. The store is SQLite, or
 * PostgreSQL when the test project says TEST_STORE=postgres (vitest.config.ts): the same
 * contract tests then run against a throw-away database that lib/testing/postgres-setup.ts
 * creates for the run, each store in a schema of its own.
 */

export function makeTempDir(prefix = 'newsroom-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Writes a real JPEG of the given size at `publicDir` + `src` (e.g. /images/test/a.jpg). */
export async function writePicture(publicDir: string, src: string, width: number, height: number): Promise<void> {
  const file = path.join(publicDir, src);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await sharp({ create: { width, height, channels: 3, background: { r: 40, g: 90, b: 140 } } })
    .jpeg()
    .toFile(file);
}

/** A fresh, migrated, empty store; `queryLog`: a file every query is appended to (database.ts). */
export async function openTestStore({ queryLog }: { queryLog?: string } = {}): Promise<Store> {
  if (process.env.TEST_STORE === 'postgres') return openPostgresTestStore(queryLog);
  return openStore({ kind: 'sqlite', path: path.join(makeTempDir('newsroom-store-'), 'test.sqlite'), queryLog });
}

/**
 * A fresh store for every test of the file that calls it (with the test sections written,
 * unless `withSections` is false), closed after each: `const store = storePerTest();`, then
 * `store.db` inside the tests.
 */
export function storePerTest({ withSections = true } = {}): Store {
  let current: Store | undefined;
  beforeEach(async () => {
    current = await openTestStore();
    if (withSections) await writeContent(current.db, { sections: testSections, articles: [] });
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  const open = () => {
    if (!current) throw new Error('the test store exists only while a test runs');
    return current;
  };
  return {
    get db() {
      return open().db;
    },
    get config() {
      return open().config;
    },
    close: () => open().close(),
  };
}

async function openPostgresTestStore(queryLog?: string): Promise<Store> {
  const url = inject('postgresUrl');
  // Unique across workers and test files (each file gets fresh modules, so no counter would do).
  const schema = `store_${process.pid}_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create schema ${schema}`);
  } finally {
    await admin.end();
  }
  // Schemas are not dropped one by one: Kysely's migrator looks at every schema of the
  // database, and one dropped by another worker meanwhile fails it. The database goes at the end.
  return openStore({ kind: 'postgres', url, schema, poolMax: 4, queryLog });
}

export const testSections: Section[] = [
  { edition: 'en', slug: 'europe', name: 'Europe', description: 'News from Europe.' },
  { edition: 'en', slug: 'africa', name: 'Africa', description: 'News from Africa.' },
  { edition: 'fr', slug: 'europe', name: 'Europe', description: 'L’actualité européenne.' },
  { edition: 'ar', slug: 'middle-east', name: 'الشرق الأوسط', description: 'أخبار الشرق الأوسط.' },
];

export function articleInput(overrides: Partial<ArticleInput> = {}): ArticleInput {
  return {
    id: 'test-story',
    edition: 'en',
    section: 'europe',
    slug: 'test-story',
    headline: 'A test story',
    standfirst: 'What the story is about.',
    authors: [{ name: 'Claire Dubois' }],
    publishedAt: '2018-04-27T14:05:00+02:00',
    tags: ['Europol'],
    mainImage: { src: '/images/test/main.jpg', alt: 'A building', width: 1600, height: 900, caption: 'A building.', credit: 'Pieter Maas, Meridian' },
    body: [{ type: 'paragraph', content: [{ type: 'text', text: 'First paragraph.' }] }],
    ...overrides,
  };
}

export function article(overrides: Partial<ArticleInput> = {}): Article {
  return ArticleSchema.parse(articleInput(overrides));
}

/** A valid story file; `frontMatter` lines replace or add fields, `body` replaces the body. */
export function storyMarkdown({ frontMatter = {}, body }: { frontMatter?: Record<string, string>; body?: string } = {}): string {
  const fields: Record<string, string> = {
    id: 'md-story',
    edition: 'en',
    section: 'europe',
    slug: 'md-story',
    headline: 'Police take down propaganda servers',
    standfirst: 'A coordinated operation across eight countries.',
    authors: '[Claire Dubois]',
    publishedAt: '2018-04-27T14:05:00+02:00',
    tags: '[Europol, Internet]',
    mainImage: '{ src: /images/test/main.jpg, alt: A glass building, caption: The headquarters., credit: "Pieter Maas, Meridian" }',
    ...frontMatter,
  };
  const yaml = Object.entries(fields)
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n');
  return `---\n${yaml}\n---\n\n${body ?? 'The first paragraph.\n\n## A subheading\n\nMore text.\n'}`;
}

export { largestStoryInput } from './largest-story';

/** n stories in a section, one hour apart from 1 April 2018, the newest last. */
export function storiesInSection(n: number, section = 'europe') {
  return Array.from({ length: n }, (_, i) =>
    article({
      id: `${section}-${String(i).padStart(3, '0')}`,
      section,
      slug: `${section}-story-${i}`,
      publishedAt: new Date(Date.UTC(2018, 3, 1, i)).toISOString(),
    }),
  );
}
