/**
 * npm run store:fill -- --count 100000 [--db .data/bench/100k.sqlite]
 * npm run store:fill -- --count 1000000 --database-url postgres://127.0.0.1/test
 *
 * Fills a store with the demo content plus synthetic stories, for measuring how the site
 * behaves with a large archive. The stories are generated deterministically (same count, same
 * stories) across the sections, tags and authors of a real newsroom, over five years. Written
 * by the store's archive load (loadNewStories: the rows every write makes, many per statement;
 * no server caches the store yet), into SQLite (`--db`, by default .data/bench/<count>.sqlite) or PostgreSQL (`--database-url`,
 * or DATABASE_URL; `--schema` to keep it apart). Prints how long it took.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ArticleInput } from '../lib/domain/article-schema';
import { ArticleSchema } from '../lib/domain/article-schema';
import { importContent } from '../lib/content/import-content';
import { countArticles } from '../lib/store/articles';
import { listSections } from '../lib/store/sections';
import { rebuildMonthlyCounts } from '../lib/store/monthly-counts';
import { loadNewStories, refreshAfterLoad } from '../lib/store/write-content';
import { openStore, type StoreConfig } from '../lib/store/database';
import { demoImages, generateDemoImages } from './generate-images';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000' },
    db: { type: 'string' },
    'database-url': { type: 'string' },
    schema: { type: 'string' },
  },
});
const count = Number(values.count);
if (!Number.isInteger(count) || count < 1 || count > 1_000_000) {
  console.error('--count must be a whole number from 1 to 1,000,000');
  process.exit(1);
}
const databaseUrl = values['database-url'] ?? (values.db ? undefined : process.env.DATABASE_URL);
const dbPath = path.resolve(values.db ?? `.data/bench/${count}.sqlite`);
if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
  console.error('--database-url (or DATABASE_URL) must be a postgres:// or postgresql:// URL; leave it out for SQLite (--db)');
  process.exit(1);
}
const config: StoreConfig = databaseUrl
  ? { kind: 'postgres', url: databaseUrl, ...(values.schema ? { schema: values.schema } : {}), statementTimeoutMs: 600_000 }
  : { kind: 'sqlite', path: dbPath };
const where = databaseUrl
  ? `${databaseUrl.replace(/\/\/[^@/]*@/, '//')}${values.schema ? ` (schema ${values.schema})` : ''}`
  : path.relative(process.cwd(), dbPath);

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const subjects = [
  'Ministers',
  'Farmers',
  'Researchers',
  'Students',
  'Fishermen',
  'Doctors',
  'Voters',
  'Engineers',
  'Teachers',
  'Residents',
  'Judges',
  'Miners',
  'Nurses',
  'Mayors',
];
const verbs = ['debate', 'question', 'welcome', 'reject', 'count the cost of', 'prepare for', 'look beyond', 'rebuild after', 'adapt to', 'campaign against'];
const objects = [
  'new water rules',
  'the rail strike',
  'rising rents',
  'a drought',
  'the election',
  'flood defences',
  'a trade deal',
  'border checks',
  'energy prices',
  'a court ruling',
  'school closures',
  'a mining permit',
];
const places = ['in the north', 'on the coast', 'in the capital', 'across the region', 'along the border', 'in mountain villages', 'in port cities'];
const words =
  'the of and to in a is that for on with as was by at from officials said people city government new year local would their could more after which about over than other two first last week region'.split(
    ' ',
  );
const tags = Array.from({ length: 240 }, (_, i) => `Topic ${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26)}`);
const authors = Array.from({ length: 40 }, (_, i) => `Reporter ${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26) + 1}`);
const mainImages = demoImages.filter((img) => img.width >= 1600);

function sentence(rng: () => number, length: number): string {
  const text = Array.from({ length }, () => words[Math.floor(rng() * words.length)]).join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function syntheticStory(n: number, sectionSlugs: string[]): ArticleInput {
  const rng = mulberry32(n + 1);
  const pick = <T>(list: T[]) => list[Math.floor(rng() * list.length)]!;
  const publishedTs = Date.UTC(2014, 0, 1) + Math.floor((n / count) * 5 * 365 * 86_400_000) + Math.floor(rng() * 3_600_000);
  const image = pick(mainImages);
  const paragraph = () => ({
    type: 'paragraph' as const,
    content: [{ type: 'text' as const, text: Array.from({ length: 4 }, () => sentence(rng, 14)).join(' ') }],
  });
  return {
    id: `synthetic-${n}`,
    edition: 'en',
    section: sectionSlugs[n % sectionSlugs.length]!,
    slug: `synthetic-story-${n}`,
    headline: `${pick(subjects)} ${pick(verbs)} ${pick(objects)} ${pick(places)}`,
    standfirst: sentence(rng, 24),
    authors: [{ name: pick(authors) }],
    publishedAt: new Date(publishedTs).toISOString(),
    tags: Array.from(new Set([pick(tags), pick(tags), pick(tags)])),
    mainImage: {
      src: `/images/demo/${image.file}`,
      alt: 'A picture illustrating the story',
      width: image.width,
      height: image.height,
      caption: sentence(rng, 10),
      credit: 'Archive, Meridian',
    },
    body: [
      paragraph(),
      paragraph(),
      { type: 'subheading', text: sentence(rng, 4) },
      paragraph(),
      paragraph(),
      { type: 'subheading', text: sentence(rng, 4) },
      paragraph(),
      paragraph(),
    ],
  };
}

// The demo stories the archive starts from show the demo pictures: drawn first when missing.
await generateDemoImages(path.resolve('public/images/demo'));
const store = await openStore(config);
try {
  const started = Date.now();
  if ((await countArticles(store.db)) === 0) await importContent(store.db, path.resolve('content'));
  const existing = await countArticles(store.db);
  const sectionSlugs = (await listSections(store.db, 'en')).map((s) => s.slug);
  const batchSize = 1000;
  for (let n = existing; n < count; n += batchSize) {
    const batch = Array.from({ length: Math.min(batchSize, count - n) }, (_, i) => ArticleSchema.parse(syntheticStory(n + i, sectionSlugs)));
    await loadNewStories(store.db, batch);
    if ((n / batchSize) % 10 === 0) process.stdout.write(`\r${n + batch.length} stories… (${Math.round((Date.now() - started) / 1000)} s)`);
  }
  await rebuildMonthlyCounts(store.db);
  await refreshAfterLoad(store.db);
  console.log(`\r${await countArticles(store.db)} stories in ${where} (${Math.round((Date.now() - started) / 1000)} s)`);
} finally {
  await store.close();
}
