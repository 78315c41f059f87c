import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article, makeTempDir, openTestStore, testSections } from '../testing/fixtures';
import * as articles from './articles';
import * as cacheEvents from './cache-events';
import { dialectOf } from './dialect';
import * as lists from './lists';
import * as liveUpdates from './live-updates';
import * as related from './related';
import * as search from './search';
import * as sections from './sections';
import * as sitemaps from './sitemaps';
import * as writes from './write-content';
import * as media from './media';
import * as schedule from './schedule';
import type { Store } from './database';

/** Every reading and writing function of the store, by name. */
const repository = { ...articles, ...cacheEvents, ...lists, ...liveUpdates, ...media, ...related, ...schedule, ...search, ...sections, ...sitemaps, ...writes };

/**
 * Every query the site runs on a request, and every query of a write, uses an index, on SQLite
 * and on PostgreSQL (a contract test, vitest.config.ts): the plan for it never scans a whole
 * table. This is what keeps latency flat as the archive grows; the benchmark measures it at
 * 1,000 and 1,000,000 stories. SQLite's plan is its own (EXPLAIN QUERY PLAN); PostgreSQL's is
 * asked with sequential scans priced out (`enable_seqscan = off`), so that on a test-sized
 * table it still shows an index it can use — and a Seq Scan only where no index can serve the
 * query. (On thirty rows it may walk a whole index where a large table would be looked up in
 * it: the bench's million-story run measures that side.)
 */

let store: Store;
let log: string;

beforeAll(async () => {
  log = path.join(makeTempDir('newsroom-plans-'), 'queries.jsonl');
  store = await openTestStore({ queryLog: log });
  const stories = Array.from({ length: 30 }, (_, i) =>
    article({
      id: `story-${i}`,
      slug: `story-${i}`,
      section: i % 2 ? 'europe' : 'africa',
      tags: [`Tag ${i % 5}`, 'Common'],
      authors: [{ name: `Author ${i % 3}` }],
      publishedAt: new Date(Date.UTC(2018, i % 12, 1 + (i % 27))).toISOString(),
      live: i === 0,
      updates:
        i === 0 ? [{ id: 'first-update', publishedAt: '2018-01-01T10:00:00Z', body: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }] }] : [],
    }),
  );
  await repository.writeContent(store.db, { sections: testSections, articles: stories });
  // Analyse the tables, as a long-running store would have, so the planner sees real statistics.
  await repository.refreshAfterLoad(store.db);
  if (dialectOf(store.db) === 'sqlite') await sql`analyze`.execute(store.db);
  fs.writeFileSync(log, '');
});

afterAll(async () => {
  await store.close();
});

type Plan = { sql: string; plan: string[] };

/** Runs the work, then returns the store's plan for every distinct query it ran. */
async function plansOf(work: () => Promise<unknown>): Promise<Plan[]> {
  fs.writeFileSync(log, '');
  await work();
  const seen = new Set<string>();
  const queries = fs
    .readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { sql: string; parameters: unknown[] })
    .filter(({ sql }) => !seen.has(sql) && seen.add(sql) && /^\s*(with|select|update|delete)/i.test(sql));
  return dialectOf(store.db) === 'postgres' ? postgresPlans(queries) : sqlitePlans(queries);
}

function sqlitePlans(queries: { sql: string; parameters: unknown[] }[]): Plan[] {
  const raw = new SqliteDatabase(store.config.kind === 'sqlite' ? store.config.path : '', { readonly: true });
  try {
    return queries.map(({ sql, parameters }) => ({
      sql,
      plan: (raw.prepare(`explain query plan ${sql}`).all(...parameters) as { detail: string }[]).map((r) => r.detail),
    }));
  } finally {
    raw.close();
  }
}

async function postgresPlans(queries: { sql: string; parameters: unknown[] }[]): Promise<Plan[]> {
  if (store.config.kind !== 'postgres') throw new Error('not a PostgreSQL store');
  const client = new pg.Client({ connectionString: store.config.url });
  await client.connect();
  try {
    await client.query(`set search_path to ${store.config.schema}`);
    await client.query('set enable_seqscan = off');
    const plans: Plan[] = [];
    for (const { sql, parameters } of queries) {
      const result = await client.query<{ 'QUERY PLAN': string }>(`explain ${sql}`, parameters);
      plans.push({ sql, plan: result.rows.map((row) => row['QUERY PLAN'].trim().replace(/^->\s*/, '')) });
    }
    return plans;
  } finally {
    await client.end();
  }
}

/**
 * Tables whose size is set by the newsroom's configuration, not by its archive: a handful of
 * sections per edition, where reading them all is what each store rightly prefers.
 */
const boundedTables = ['sections'];

/**
 * A full scan. SQLite: "SCAN articles" — but not "SCAN … USING (COVERING) INDEX", nor a scan
 * of a subquery's own bounded rows (a search's window); for the search index (a virtual
 * table), only a lookup by MATCH or by rowid counts as indexed. PostgreSQL: a Seq Scan.
 */
function fullScans(plans: Plan[]): string[] {
  if (dialectOf(store.db) === 'postgres') {
    return plans.flatMap(({ sql, plan }) =>
      plan
        .filter((step) => /^Seq Scan on /.test(step) && !boundedTables.some((table) => new RegExp(`^Seq Scan on ${table}\\b`).test(step)))
        .map((step) => `${step} ← ${sql.slice(0, 140)}`),
    );
  }
  return plans.flatMap(({ sql, plan }) =>
    plan
      .filter(
        (step) =>
          /^SCAN /.test(step) && !/USING (COVERING )?INDEX|SCAN CONSTANT ROW|SUBQUERY|^SCAN page$|^SCAN \(subquery-\d+\)$|^SCAN hits$|^SCAN ranked$/.test(step),
      )
      .filter((step) => !/VIRTUAL TABLE INDEX \d+:[^ ]*[M=]/.test(step) || /VIRTUAL TABLE INDEX \d+:$/.test(step))
      .filter((step) => !boundedTables.some((table) => step === `SCAN ${table}`))
      .map((step) => `${step} ← ${sql.slice(0, 140)}`),
  );
}

describe('the hot queries use indexes, never a full table scan', () => {
  it('on a story page, a list page and the sitemaps', async () => {
    const db = store.db;
    const plans = await plansOf(async () => {
      await repository.resolveArticleUrl(db, { edition: 'en', section: 'europe', date: '20180101', slug: 'story-1' });
      await repository.resolveArticleUrl(db, { edition: 'en', section: 'europe', date: '20180101', slug: 'renamed-slug' });
      await repository.getArticleByLocator(db, { edition: 'en', section: 'europe', date: '20180202', slug: 'story-1' });
      await repository.getArticleById(db, 'story-1');
      await repository.listSections(db, 'en');
      await repository.sectionExists(db, 'en', 'europe');
      for (const filter of [
        { kind: 'edition' },
        { kind: 'section', slug: 'europe' },
        { kind: 'tag', slug: 'common' },
        { kind: 'author', slug: 'author-1' },
      ] as const) {
        const first = await repository.listStories(db, { edition: 'en', filter, limit: 5 });
        await repository.listStories(db, { edition: 'en', filter, limit: 5, after: first.next });
        if (filter.kind !== 'edition') await repository.findPageStart(db, { edition: 'en', filter, page: 3, pageSize: 4 });
      }
      await repository.getListName(db, 'en', 'tag', 'common');
      await repository.getListName(db, 'en', 'author', 'author-1');
      await repository.listRelated(db, article({ id: 'story-3', slug: 'story-3', tags: ['Tag 3', 'Common'] }), 4);
      await repository.listLiveUpdates(db, { articleId: 'story-0', limit: 10 });
      await repository.listLiveUpdates(db, { articleId: 'story-0', limit: 10, newerThan: await repository.getLiveUpdateKey(db, 'story-0', 'first-update') });
      await repository.getArticleState(db, 'story-0');
      await repository.listSitemapMonths(db, 'en');
      await repository.listStoriesPublishedBetween(db, { edition: 'en', fromTs: Date.UTC(2018, 3, 1), toTs: Date.UTC(2018, 4, 1), limit: 50_000 });
      await repository.listCacheTagEvents(db, 0);
      // Search in each edition's language: every word, any word, a word's beginning; a page further on; headlines only.
      for (const [edition, word] of [
        ['en', 'story'],
        ['fr', 'histoire'],
        ['ar', 'قصة'],
      ] as const) {
        await repository.searchArticles(db, { edition, terms: { all: true, words: [{ word, prefix: false }] }, limit: 10, offset: 0 });
        await repository.searchArticles(db, {
          edition,
          terms: {
            all: false,
            words: [
              { word, prefix: false },
              { word: word.slice(0, 3), prefix: true },
            ],
          },
          limit: 10,
          offset: 10,
          snippets: false,
        });
      }
      await repository.latestCacheTagSeq(db);
      // The workflow (decision 015): every server asks for scheduled stories every few seconds; pictures by id.
      await repository.nextScheduledTimes(db);
      await repository.dueScheduledStories(db, Date.now());
      await repository.getMediaInfo(db, ['0123456789abcdef0123456789abcdef']);
      await repository.getMediaBytes(db, '0123456789abcdef0123456789abcdef');
    });
    expect(plans.length).toBeGreaterThan(15);
    expect(fullScans(plans)).toEqual([]);
  });

  it('a page after a cursor starts its index walk at the cursor, not at the top of the list', async () => {
    const db = store.db;
    const plans = await plansOf(async () => {
      for (const filter of [
        { kind: 'edition' },
        { kind: 'section', slug: 'europe' },
        { kind: 'tag', slug: 'common' },
        { kind: 'author', slug: 'author-1' },
      ] as const) {
        const first = await repository.listStories(db, { edition: 'en', filter, limit: 2 });
        await repository.listStories(db, { edition: 'en', filter, limit: 2, after: first.next });
      }
      await repository.listLiveUpdates(db, { articleId: 'story-0', limit: 10, newerThan: await repository.getLiveUpdateKey(db, 'story-0', 'first-update') });
    });
    const keyset = plans.filter(({ sql }) => /"published_ts" [<>]/.test(sql));
    expect(keyset).toHaveLength(5);
    // SQLite names the range it seeks to, e.g. "(edition=? AND status=? AND published_ts<?)";
    // PostgreSQL puts the bound in the index condition, not in a filter applied after the walk.
    const seeks = dialectOf(store.db) === 'postgres' ? /Index Cond: [^|]*published_ts [<>]/ : /published_ts[<>]/;
    for (const { sql, plan } of keyset) expect(plan.join(' | '), sql).toMatch(seeks);
  });

  it('when a story is written', async () => {
    const plans = await plansOf(() =>
      repository.writeContent(store.db, {
        sections: [],
        articles: [article({ id: 'story-5', slug: 'story-5-renamed', section: 'africa', tags: ['Tag 0', 'Common'] })],
      }),
    );
    expect(fullScans(plans)).toEqual([]);
  });
});
