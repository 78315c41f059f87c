import { sql, type Kysely, type Selectable, type SqlBool } from 'kysely';
import { articlePath, pathDate, type ArticleLocator } from '../domain/urls';
import type { EditionId } from '../domain/editions';
import { slugify } from '../domain/slug';
import type { Article, ArticleImage, ArticleStatus, LiveUpdate, Section } from '../domain/article-schema';
import { bodyText } from '../domain/article-text';
import { contentTags, tagsAffectedByStory, type StoryPlacement } from '../domain/content-tags';
import type { SearchTerms } from '../domain/search-query';
import { dialectOf } from './dialect';
import { countListMonths, monthOfPublishedTs } from './list-months';
import type { ArticlesTable, Database } from './schema';

/**
 * The only module that speaks SQL. Every read and write of articles and sections goes through
 * these functions; they take the Kysely instance (or a transaction) so that callers decide
 * where a transaction starts and nothing here holds global state.
 */

export type ArticleSummary = {
  id: string;
  edition: EditionId;
  section: string;
  slug: string;
  path: string;
  headline: string;
  standfirst: string;
  publishedAt: string;
  updatedAt: string | null;
  image: ArticleImage;
};

/** Where the next page of a newest-first list starts: strictly older than this story. */
export type ListCursor = { publishedTs: number; id: string };

export type ArticleListPage = { items: ArticleSummary[]; next: ListCursor | null };

export type ArticleUrlResolution = { kind: 'found'; id: string } | { kind: 'moved'; path: string } | { kind: 'gone' } | { kind: 'missing' };

export class ContentConflictError extends Error {
  constructor(
    readonly articleId: string,
    message: string,
  ) {
    super(message);
    this.name = 'ContentConflictError';
  }
}

type Db = Kysely<Database>;

const summaryColumns = ['id', 'edition', 'section', 'slug', 'headline', 'standfirst', 'published_at', 'updated_at', 'main_image'] as const;

type SummaryRow = Pick<Selectable<ArticlesTable>, (typeof summaryColumns)[number]>;

function toSummary(row: SummaryRow): ArticleSummary {
  const edition = row.edition as EditionId;
  return {
    id: row.id,
    edition,
    section: row.section,
    slug: row.slug,
    path: articlePath({ edition, section: row.section, slug: row.slug, publishedAt: row.published_at }),
    headline: row.headline,
    standfirst: row.standfirst,
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
    image: JSON.parse(row.main_image) as ArticleImage,
  };
}

/** A published story at exactly this address, or undefined. */
export async function getArticleByLocator(db: Db, locator: ArticleLocator): Promise<Article | undefined> {
  const row = await db
    .selectFrom('articles')
    .select('document')
    .where('edition', '=', locator.edition)
    .where('slug', '=', locator.slug)
    .where('section', '=', locator.section)
    .where('path_date', '=', locator.date)
    .where('status', '=', 'published')
    .executeTakeFirst();
  return row ? (JSON.parse(row.document) as Article) : undefined;
}

export async function getArticleById(db: Db, id: string): Promise<Article | undefined> {
  const row = await db.selectFrom('articles').select('document').where('id', '=', id).executeTakeFirst();
  return row ? (JSON.parse(row.document) as Article) : undefined;
}

/**
 * What an article-shaped URL should answer: the story, a permanent redirect to where it lives
 * now (renamed slug, changed section or wrong date), gone (withdrawn), or nothing at all.
 */
export async function resolveArticleUrl(db: Db, locator: ArticleLocator): Promise<ArticleUrlResolution> {
  const columns = ['id', 'edition', 'section', 'slug', 'path_date', 'published_at', 'status'] as const;
  let row = await db.selectFrom('articles').select(columns).where('edition', '=', locator.edition).where('slug', '=', locator.slug).executeTakeFirst();
  let renamed = false;
  if (!row) {
    row = await db
      .selectFrom('article_previous_slugs as p')
      .innerJoin('articles as a', 'a.id', 'p.article_id')
      .select(columns.map((c) => `a.${c}` as const))
      .where('p.edition', '=', locator.edition)
      .where('p.slug', '=', locator.slug)
      .executeTakeFirst();
    renamed = true;
  }
  if (!row) return { kind: 'missing' };
  if (row.status === 'withdrawn') return { kind: 'gone' };
  if (!renamed && row.section === locator.section && row.path_date === locator.date) return { kind: 'found', id: row.id };
  const edition = row.edition as EditionId;
  return { kind: 'moved', path: articlePath({ edition, section: row.section, slug: row.slug, publishedAt: row.published_at }) };
}

export async function findArticleIdByPreviousSlug(db: Db, edition: EditionId, slug: string): Promise<string | undefined> {
  const row = await db.selectFrom('article_previous_slugs').select('article_id').where('edition', '=', edition).where('slug', '=', slug).executeTakeFirst();
  return row?.article_id;
}

/** Which stories a list holds: an edition's, or one section's, tag's or author's. */
export type StoryFilter = { kind: 'edition' } | { kind: 'section'; slug: string } | { kind: 'tag'; slug: string } | { kind: 'author'; slug: string };

export type ListStoriesQuery = {
  edition: EditionId;
  filter?: StoryFilter;
  limit: number;
  after?: ListCursor | null;
};

/**
 * Rows strictly older (or newer) than a (publication time, id) key, in time-then-id order. The
 * bound on the time alone repeats what the OR says, and it is what lets the planner start the
 * index walk at the key: with the OR only, SQLite walks the list from its top and filters (3 ms
 * for page 2,000 of a 20,000-story section, against 0.03 ms with the bound).
 */
function beyondKey(timeColumn: string, idColumn: string, key: { publishedTs: number; id: string }, direction: 'older' | 'newer') {
  const [strictly, atLeast] = direction === 'older' ? [sql.raw('<'), sql.raw('<=')] : [sql.raw('>'), sql.raw('>=')];
  const time = sql.ref(timeColumn);
  return sql<SqlBool>`(${time} ${atLeast} ${key.publishedTs} and (${time} ${strictly} ${key.publishedTs} or (${time} = ${key.publishedTs} and ${sql.ref(idColumn)} ${strictly} ${key.id})))`;
}

/**
 * The keys of a list — (published_ts, id) pairs, newest first — strictly after `after`. Tags and
 * authors are listed from their own tables, which carry the publication time so that their
 * index alone orders them.
 */
function storyKeys(db: Db, edition: EditionId, filter: StoryFilter, after?: ListCursor | null, publishedBefore?: number) {
  if (filter.kind === 'tag' || filter.kind === 'author') {
    let keys = (
      filter.kind === 'tag'
        ? db.selectFrom('article_tags as k').where('k.tag_slug', '=', filter.slug)
        : db.selectFrom('article_authors as k').where('k.author_slug', '=', filter.slug)
    )
      .where('k.edition', '=', edition)
      .where('k.is_published', '=', 1)
      .select(['k.published_ts as ts', 'k.article_id as id']);
    if (after) keys = keys.where(beyondKey('k.published_ts', 'k.article_id', after, 'older'));
    if (publishedBefore !== undefined) keys = keys.where('k.published_ts', '<', publishedBefore);
    return keys.orderBy('k.published_ts', 'desc').orderBy('k.article_id', 'desc');
  }
  let keys = db.selectFrom('articles as k').where('k.edition', '=', edition).where('k.status', '=', 'published').select(['k.published_ts as ts', 'k.id as id']);
  if (filter.kind === 'section') keys = keys.where('k.section', '=', filter.slug);
  if (after) keys = keys.where(beyondKey('k.published_ts', 'k.id', after, 'older'));
  if (publishedBefore !== undefined) keys = keys.where('k.published_ts', '<', publishedBefore);
  return keys.orderBy('k.published_ts', 'desc').orderBy('k.id', 'desc');
}

/** Published stories newest first, a page at a time, by keyset (never OFFSET). */
export async function listStories(db: Db, query: ListStoriesQuery): Promise<ArticleListPage> {
  const page = storyKeys(db, query.edition, query.filter ?? { kind: 'edition' }, query.after)
    .limit(query.limit + 1)
    .as('page');
  const rows = await db
    .selectFrom(page)
    .innerJoin('articles as a', 'a.id', 'page.id')
    .select([...summaryColumns.map((c) => `a.${c}` as const), 'page.ts'])
    .orderBy('page.ts', 'desc')
    .orderBy('page.id', 'desc')
    .execute();
  const hasMore = rows.length > query.limit;
  const pageRows = hasMore ? rows.slice(0, query.limit) : rows;
  const last = pageRows.at(-1);
  return {
    items: pageRows.map(toSummary),
    next: hasMore && last ? { publishedTs: Number(last.ts), id: last.id } : null,
  };
}

/**
 * Where page `page` of a list starts, for crawlable `?page=N` links: the keyset cursor of the
 * last story on the page before it. `undefined` when the list has no such page; `null` for the
 * first page. The list's monthly counts (list_months) say which month that story is in, so
 * only that month's part of the list's index is walked, however deep the page.
 */
export async function findPageStart(
  db: Db,
  query: { edition: EditionId; filter: StoryFilter; page: number; pageSize: number },
): Promise<ListCursor | null | undefined> {
  if (query.page <= 1) return null;
  const { edition, filter } = query;
  // Position (from 0, newest first) of the last story of the page before.
  const position = (query.page - 1) * query.pageSize - 1;
  // The edition's own list has no page numbers on the site: it is walked from its top.
  let month: string | undefined;
  let newer = 0;
  if (filter.kind !== 'edition') {
    const months = await db
      .selectFrom('list_months')
      .select(['month', 'story_count'])
      .where('edition', '=', edition)
      .where('kind', '=', filter.kind)
      .where('slug', '=', filter.slug)
      .orderBy('month', 'desc')
      .execute();
    for (const row of months) {
      if (newer + Number(row.story_count) > position) {
        month = row.month;
        break;
      }
      newer += Number(row.story_count);
    }
    if (month === undefined) return undefined;
  }
  // That story, and the one after it: the page exists only if there is one.
  const rows = await storyKeys(db, edition, filter, null, month === undefined ? undefined : monthBounds(month).end)
    .limit(2)
    .offset(position - newer)
    .execute();
  const [row] = rows;
  return row && rows.length === 2 ? { publishedTs: Number(row.ts), id: row.id } : undefined;
}

/** The first instant of a UTC month (`2018-04`) and of the month after it. */
function monthBounds(month: string): { start: number; end: number } {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return { start: Date.UTC(year, monthNumber - 1, 1), end: Date.UTC(year, monthNumber, 1) };
}

/** The display name of a tag or an author, from the stories that carry it; undefined when none is published. */
export async function getTagName(db: Db, edition: EditionId, slug: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('article_tags')
    .select('tag_name')
    .where('edition', '=', edition)
    .where('tag_slug', '=', slug)
    .where('is_published', '=', 1)
    .orderBy('published_ts', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.tag_name;
}

export async function getAuthorName(db: Db, edition: EditionId, slug: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('article_authors')
    .select('author_name')
    .where('edition', '=', edition)
    .where('author_slug', '=', slug)
    .where('is_published', '=', 1)
    .orderBy('published_ts', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.author_name;
}

/** How many of each tag's newest stories are candidates for "related": bounds the work at any archive size. */
const relatedCandidatesPerTag = 60;

/**
 * Stories that share the most tags with this one, newest first among equals, topped up with
 * the latest of its section. Never the story itself. Only each tag's newest stories are looked
 * at, through the tag index, so the cost does not grow with the archive.
 */
export async function listRelated(db: Db, article: Pick<Article, 'id' | 'edition' | 'section' | 'tags'>, limit: number): Promise<ArticleSummary[]> {
  const tagSlugs = [...new Set(article.tags.map(slugify))].slice(0, 10);
  const shared = new Map<string, { count: number; ts: number }>();
  for (const tagSlug of tagSlugs) {
    const rows = await db
      .selectFrom('article_tags')
      .select(['article_id', 'published_ts'])
      .where('edition', '=', article.edition)
      .where('tag_slug', '=', tagSlug)
      .where('is_published', '=', 1)
      .orderBy('published_ts', 'desc')
      .orderBy('article_id', 'desc')
      .limit(relatedCandidatesPerTag)
      .execute();
    for (const row of rows) {
      if (row.article_id === article.id) continue;
      const entry = shared.get(row.article_id) ?? { count: 0, ts: Number(row.published_ts) };
      entry.count += 1;
      shared.set(row.article_id, entry);
    }
  }
  const chosen = [...shared.entries()]
    .sort(([idA, a], [idB, b]) => b.count - a.count || b.ts - a.ts || (idB > idA ? 1 : -1))
    .slice(0, limit)
    .map(([id]) => id);
  const related: ArticleSummary[] = [];
  if (chosen.length) {
    const rows = await db.selectFrom('articles').select(summaryColumns).where('id', 'in', chosen).execute();
    const byId = new Map(rows.map((row) => [row.id, toSummary(row)]));
    for (const id of chosen) {
      const summary = byId.get(id);
      if (summary) related.push(summary);
    }
  }
  if (related.length < limit) {
    const sameSection = await listStories(db, {
      edition: article.edition,
      filter: { kind: 'section', slug: article.section },
      limit: limit + related.length + 1,
    });
    for (const story of sameSection.items) {
      if (related.length >= limit) break;
      if (story.id !== article.id && !related.some((r) => r.id === story.id)) related.push(story);
    }
  }
  return related;
}

export type SearchHit = ArticleSummary & {
  /** The headline with matches wrapped in the highlight markers. */
  markedHeadline: string;
  /** A passage of the body (or the standfirst) around the matches, marked the same way. */
  markedSnippet: string;
};

/** Wrap matched words: private control characters, turned into <mark> when rendered (never HTML). */
export const highlightStart = '\u0002';
export const highlightEnd = '\u0003';

/**
 * Full-text search among published stories, best match first (headline weighted most), newer
 * first among equals. SQLite: FTS5 with BM25; PostgreSQL: a weighted tsvector with ts_rank.
 * Both are built here from plain words (lib/domain/search-query.ts), never from reader input.
 */
export async function searchArticles(
  db: Db,
  query: { edition: EditionId; terms: SearchTerms; limit: number; offset: number },
): Promise<{ hits: SearchHit[]; total: number }> {
  type HitRow = SummaryRow & { marked_headline: string; marked_snippet: string };
  if (query.terms.words.length === 0) return { hits: [], total: 0 };
  const toHits = (rows: HitRow[]) => rows.map((row) => ({ ...toSummary(row), markedHeadline: row.marked_headline, markedSnippet: row.marked_snippet }));

  if (dialectOf(db) === 'postgres') {
    const tsquery = query.terms.words.map(({ word, prefix }) => (prefix ? `${word}:*` : word)).join(query.terms.all ? ' & ' : ' | ');
    const marks = `StartSel=${highlightStart}, StopSel=${highlightEnd}`;
    const { rows } = await sql<HitRow>`
      select a.id, a.edition, a.section, a.slug, a.headline, a.standfirst, a.published_at, a.updated_at, a.main_image,
        ts_headline('newsroom_english', s.headline, q, ${`${marks}, HighlightAll=true`}) as marked_headline,
        ts_headline('newsroom_english', case when s.body <> '' then s.body else s.standfirst end, q,
          ${`${marks}, MaxWords=28, MinWords=12, ShortWord=2, MaxFragments=1, FragmentDelimiter=…`}) as marked_snippet
      from articles_search s
      cross join to_tsquery('newsroom_english', ${tsquery}) q
      join article_search_keys k on k.search_rowid = s.search_rowid
      join articles a on a.id = k.article_id
      where s.document @@ q and s.edition = ${query.edition}
      order by ts_rank('{0.1, 0.2, 0.4, 1.0}', s.document, q) desc, a.published_ts desc, a.id desc
      limit ${query.limit} offset ${query.offset}`.execute(db);
    const count = await sql<{ total: number }>`
      select count(*) as total from articles_search s
      where s.document @@ to_tsquery('newsroom_english', ${tsquery}) and s.edition = ${query.edition}`.execute(db);
    return { hits: toHits(rows), total: Number(count.rows[0]?.total ?? 0) };
  }

  const quote = (word: string) => `"${word.replaceAll('"', '""')}"`;
  const match = query.terms.words.map(({ word, prefix }) => (prefix ? `${quote(word)}*` : quote(word))).join(query.terms.all ? ' ' : ' OR ');
  const { rows } = await sql<HitRow>`
    select a.id, a.edition, a.section, a.slug, a.headline, a.standfirst, a.published_at, a.updated_at, a.main_image,
      highlight(articles_fts, 2, ${highlightStart}, ${highlightEnd}) as marked_headline,
      snippet(articles_fts, -1, ${highlightStart}, ${highlightEnd}, '…', 28) as marked_snippet
    from articles_fts
    join article_search_keys k on k.search_rowid = articles_fts.rowid
    join articles a on a.id = k.article_id
    where articles_fts match ${match} and articles_fts.edition = ${query.edition}
    order by bm25(articles_fts, 0, 0, 10, 4, 1, 3, 2), a.published_ts desc, a.id desc
    limit ${query.limit} offset ${query.offset}`.execute(db);
  const count = await sql<{ total: number }>`
    select count(*) as total from articles_fts
    where articles_fts match ${match} and articles_fts.edition = ${query.edition}`.execute(db);
  return { hits: toHits(rows), total: Number(count.rows[0]?.total ?? 0) };
}

export async function listSections(db: Db, edition: EditionId): Promise<Section[]> {
  const rows = await db.selectFrom('sections').select(['edition', 'slug', 'name', 'description']).where('edition', '=', edition).orderBy('position').execute();
  return rows.map((row) => ({ ...row, edition: row.edition as EditionId }));
}

export async function sectionExists(db: Db, edition: EditionId, slug: string): Promise<boolean> {
  const row = await db.selectFrom('sections').select('slug').where('edition', '=', edition).where('slug', '=', slug).executeTakeFirst();
  return row !== undefined;
}

/** One month of published stories (UTC), for the sitemap index. */
export type SitemapMonth = { month: string; count: number; lastModifiedTs: number };

export async function listSitemapMonths(db: Db, edition: EditionId): Promise<SitemapMonth[]> {
  const rows = await db
    .selectFrom('sitemap_months')
    .select(['month', 'story_count', 'last_modified_ts'])
    .where('edition', '=', edition)
    .orderBy('month')
    .execute();
  return rows.map((r) => ({ month: r.month, count: Number(r.story_count), lastModifiedTs: Number(r.last_modified_ts) }));
}

/** The UTC month of an instant, as the sitemaps group stories: `2018-04`. */
export function sitemapMonth(ts: number): string {
  return new Date(ts).toISOString().slice(0, 7);
}

/** Recounts the monthly aggregates (sitemap months, list months) of every edition: after a bulk load. */
export async function rebuildMonthlyCounts(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sitemap_months').execute();
    const month = monthOfPublishedTs(trx);
    await sql`insert into sitemap_months (edition, month, story_count, last_modified_ts)
      select edition, ${month}, count(*), max(modified_ts)
      from articles where status = 'published'
      group by edition, ${month}`.execute(trx);
    await trx.deleteFrom('list_months').execute();
    await countListMonths(trx);
  });
}

/**
 * Recounts, for every list a story was or is in, the months it was or is published in: the
 * counts page numbers are found by (findPageStart). A month left empty disappears.
 */
async function refreshListMonths(trx: Db, edition: EditionId, placements: (StoryPlacement | undefined)[]): Promise<void> {
  const pairs = new Map<string, { filter: Extract<StoryFilter, { slug: string }>; month: string }>();
  for (const placement of placements) {
    if (!placement) continue;
    const month = sitemapMonth(placement.publishedTs);
    const filters: Extract<StoryFilter, { slug: string }>[] = [
      { kind: 'section', slug: placement.section },
      ...placement.tags.map((name) => ({ kind: 'tag' as const, slug: slugify(name) })),
      ...placement.authors.map((slug) => ({ kind: 'author' as const, slug })),
    ];
    for (const filter of filters) pairs.set(`${filter.kind}/${filter.slug}/${month}`, { filter, month });
  }
  for (const { filter, month } of pairs.values()) {
    const { start, end } = monthBounds(month);
    const stories = storyKeys(trx, edition, filter, null, end).clearOrderBy().as('stories');
    const row = await trx
      .selectFrom(stories)
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('stories.ts', '>=', start)
      .executeTakeFirst();
    const count = Number(row?.count ?? 0);
    const key = { edition, kind: filter.kind, slug: filter.slug, month };
    if (count === 0) {
      await trx
        .deleteFrom('list_months')
        .where('edition', '=', edition)
        .where('kind', '=', filter.kind)
        .where('slug', '=', filter.slug)
        .where('month', '=', month)
        .execute();
      continue;
    }
    await trx
      .insertInto('list_months')
      .values({ ...key, story_count: count })
      .onConflict((oc) => oc.columns(['edition', 'kind', 'slug', 'month']).doUpdateSet({ story_count: count }))
      .execute();
  }
}

/** Recounts the months a write touched, from the index; a month left empty disappears. */
async function refreshSitemapMonths(trx: Db, edition: EditionId, timestamps: number[]): Promise<void> {
  for (const month of new Set(timestamps.map(sitemapMonth))) {
    const { start, end } = monthBounds(month);
    const row = await trx
      .selectFrom('articles')
      .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.max('modified_ts').as('last')])
      .where('edition', '=', edition)
      .where('status', '=', 'published')
      .where('published_ts', '>=', start)
      .where('published_ts', '<', end)
      .executeTakeFirst();
    const count = Number(row?.count ?? 0);
    if (count === 0) {
      await trx.deleteFrom('sitemap_months').where('edition', '=', edition).where('month', '=', month).execute();
      continue;
    }
    const values = { story_count: count, last_modified_ts: Number(row?.last ?? 0) };
    await trx
      .insertInto('sitemap_months')
      .values({ edition, month, ...values })
      .onConflict((oc) => oc.columns(['edition', 'month']).doUpdateSet(values))
      .execute();
  }
}

export type SitemapEntry = { path: string; lastModifiedTs: number; image: ArticleImage; headline: string; publishedAt: string };

/** Published stories from `fromTs` (inclusive) to `toTs` (exclusive), oldest first. */
export async function listStoriesPublishedBetween(
  db: Db,
  query: { edition: EditionId; fromTs: number; toTs: number; limit: number; offset?: number; newestFirst?: boolean },
): Promise<SitemapEntry[]> {
  const direction = query.newestFirst ? 'desc' : 'asc';
  const rows = await db
    .selectFrom('articles')
    .select(['edition', 'section', 'slug', 'published_at', 'modified_ts', 'main_image', 'headline'])
    .where('edition', '=', query.edition)
    .where('status', '=', 'published')
    .where('published_ts', '>=', query.fromTs)
    .where('published_ts', '<', query.toTs)
    .orderBy('published_ts', direction)
    .orderBy('id', direction)
    .limit(query.limit)
    .offset(query.offset ?? 0)
    .execute();
  return rows.map((row) => ({
    path: articlePath({ edition: row.edition as EditionId, section: row.section, slug: row.slug, publishedAt: row.published_at }),
    lastModifiedTs: Number(row.modified_ts),
    image: JSON.parse(row.main_image) as ArticleImage,
    headline: row.headline,
    publishedAt: row.published_at,
  }));
}

/** Tag or author pages that list at least one published story, with their latest story's time. */
export async function listIndexableListPages(
  db: Db,
  edition: EditionId,
  kind: 'tag' | 'author',
  limit: number,
): Promise<{ slug: string; lastPublishedTs: number }[]> {
  const rows =
    kind === 'tag'
      ? await db
          .selectFrom('article_tags')
          .select(['tag_slug as slug', (eb) => eb.fn.max('published_ts').as('last')])
          .where('edition', '=', edition)
          .where('is_published', '=', 1)
          .groupBy('tag_slug')
          .orderBy('tag_slug')
          .limit(limit)
          .execute()
      : await db
          .selectFrom('article_authors')
          .select(['author_slug as slug', (eb) => eb.fn.max('published_ts').as('last')])
          .where('edition', '=', edition)
          .where('is_published', '=', 1)
          .groupBy('author_slug')
          .orderBy('author_slug')
          .limit(limit)
          .execute();
  return rows.map((r) => ({ slug: r.slug, lastPublishedTs: Number(r.last) }));
}

/** The latest publication time per section: a section front changes when a story lands in it. */
export async function listSectionLastPublished(db: Db, edition: EditionId): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('articles')
    .select(['section', (eb) => eb.fn.max('published_ts').as('last')])
    .where('edition', '=', edition)
    .where('status', '=', 'published')
    .groupBy('section')
    .execute();
  return new Map(rows.map((r) => [r.section, Number(r.last)]));
}

export async function countArticles(db: Db): Promise<number> {
  const row = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export type ContentBatch = { sections: Section[]; articles: Article[] };

export type WriteSummary = { sections: number; created: string[]; updated: string[] };

/**
 * Writes sections and articles in one transaction: all of them, or — on any error — none.
 * Upserts by id. An article whose slug changes keeps its old slug as a previous slug, so its
 * old URL keeps answering with a redirect; previous slugs are never forgotten.
 */
export type WriteOptions = {
  /**
   * Loading an archive into a store no server caches yet: skip recording cache invalidations
   * and recounting monthly aggregates per story; call rebuildMonthlyCounts() afterwards.
   */
  bulk?: boolean;
};

export async function writeContent(db: Db, batch: ContentBatch, options: WriteOptions = {}): Promise<WriteSummary> {
  const bulk = options.bulk === true;
  return db.transaction().execute(async (trx) => {
    const summary: WriteSummary = { sections: 0, created: [], updated: [] };

    const invalidated = new Set<string>();
    for (const edition of new Set(batch.sections.map((section) => section.edition))) invalidated.add(contentTags.sections(edition));
    for (const [position, section] of batch.sections.entries()) {
      await trx
        .insertInto('sections')
        .values({ ...section, position })
        .onConflict((oc) => oc.columns(['edition', 'slug']).doUpdateSet({ name: section.name, description: section.description, position }))
        .execute();
      summary.sections += 1;
    }

    const knownSections = new Set((await trx.selectFrom('sections').select(['edition', 'slug']).execute()).map((s) => `${s.edition}/${s.slug}`));

    for (const incoming of batch.articles) {
      if (!knownSections.has(`${incoming.edition}/${incoming.section}`)) {
        throw new ContentConflictError(incoming.id, `section "${incoming.section}" does not exist in edition "${incoming.edition}"`);
      }
      const existing = await trx.selectFrom('articles').select(['edition', 'slug']).where('id', '=', incoming.id).executeTakeFirst();
      const before = existing && !bulk ? await placementOf(trx, incoming.id) : undefined;
      const latestThreshold = bulk ? 0 : await latestThresholdTs(trx, incoming.edition);
      if (existing && existing.edition !== incoming.edition) {
        throw new ContentConflictError(incoming.id, `already exists in edition "${existing.edition}"; an article cannot change edition`);
      }
      const previousRows = await trx.selectFrom('article_previous_slugs').select('slug').where('article_id', '=', incoming.id).execute();
      const previousSlugs = [...new Set([...previousRows.map((r) => r.slug), ...incoming.previousSlugs, ...(existing ? [existing.slug] : [])])].filter(
        (slug) => slug !== incoming.slug,
      );

      await assertSlugsAreFree(trx, incoming, previousSlugs);

      // Updates live in their own table (the API adds them one by one); the document holds the rest.
      const { updates, ...rest } = incoming;
      const article: Article = { ...rest, previousSlugs, updates: [] };
      const publishedTs = Date.parse(article.publishedAt);
      const lastUpdateTs = await latestLiveUpdateTs(trx, article.id, updates);
      const row = {
        edition: article.edition,
        section: article.section,
        slug: article.slug,
        path_date: pathDate(article.edition, article.publishedAt),
        headline: article.headline,
        standfirst: article.standfirst,
        published_at: article.publishedAt,
        published_ts: publishedTs,
        updated_at: article.updatedAt ?? null,
        modified_ts: Math.max(article.updatedAt ? Date.parse(article.updatedAt) : publishedTs, lastUpdateTs),
        status: article.status,
        live: article.live ? 1 : 0,
        main_image: JSON.stringify(article.mainImage),
        document: JSON.stringify(article),
        stored_ts: Date.now(),
      };
      await trx
        .insertInto('articles')
        .values({ id: article.id, ...row })
        .onConflict((oc) => oc.column('id').doUpdateSet(row))
        .execute();

      await trx.deleteFrom('article_previous_slugs').where('article_id', '=', article.id).execute();
      for (const slug of previousSlugs) {
        await trx.insertInto('article_previous_slugs').values({ edition: article.edition, slug, article_id: article.id }).execute();
      }
      const listing = { published_ts: publishedTs, is_published: article.status === 'published' ? 1 : 0 };
      await trx.deleteFrom('article_tags').where('article_id', '=', article.id).execute();
      const tagSlugs = new Set<string>();
      for (const [position, name] of article.tags.entries()) {
        const tagSlug = slugify(name);
        if (tagSlugs.has(tagSlug)) continue;
        tagSlugs.add(tagSlug);
        await trx
          .insertInto('article_tags')
          .values({ article_id: article.id, edition: article.edition, tag_slug: tagSlug, tag_name: name, position, ...listing })
          .execute();
      }
      await trx.deleteFrom('article_authors').where('article_id', '=', article.id).execute();
      const authorSlugs = new Set<string>();
      for (const [position, author] of article.authors.entries()) {
        if (authorSlugs.has(author.slug)) continue;
        authorSlugs.add(author.slug);
        await trx
          .insertInto('article_authors')
          .values({ article_id: article.id, edition: article.edition, author_slug: author.slug, author_name: author.name, position, ...listing })
          .execute();
      }
      for (const update of updates) await saveLiveUpdate(trx, article.id, update);
      await indexForSearch(trx, article);
      const after = bulk ? undefined : await placementOf(trx, article.id);
      if (!bulk) await refreshSitemapMonths(trx, article.edition, [publishedTs, ...(before ? [before.publishedTs] : [])]);
      if (!bulk) await refreshListMonths(trx, article.edition, [before, after]);
      if (after) {
        const inLatest = [before, after].some((p) => p && p.publishedTs >= latestThreshold) || before?.status !== after.status;
        for (const tag of tagsAffectedByStory(before, after, inLatest)) invalidated.add(tag);
      }
      (existing ? summary.updated : summary.created).push(article.id);
    }
    if (!bulk) await recordCacheInvalidations(trx, [...invalidated]);
    return summary;
  });
}

/** How many of the newest stories count as "latest" for caching: more than any page shows. */
const latestWindow = 50;

/** The publication time of the edition's 50th newest story: anything at or after it is "latest". */
async function latestThresholdTs(trx: Db, edition: EditionId): Promise<number> {
  const row = await trx
    .selectFrom('articles')
    .select('published_ts')
    .where('edition', '=', edition)
    .where('status', '=', 'published')
    .orderBy('published_ts', 'desc')
    .limit(1)
    .offset(latestWindow - 1)
    .executeTakeFirst();
  return row ? Number(row.published_ts) : 0;
}

/** Where a stored story appears: what decides which cached pages show it. */
async function placementOf(trx: Db, id: string): Promise<StoryPlacement | undefined> {
  const row = await trx.selectFrom('articles').select(['id', 'edition', 'section', 'slug', 'status', 'published_ts']).where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const [previous, tags, authors] = await Promise.all([
    trx.selectFrom('article_previous_slugs').select('slug').where('article_id', '=', id).execute(),
    trx.selectFrom('article_tags').select('tag_name').where('article_id', '=', id).execute(),
    trx.selectFrom('article_authors').select('author_slug').where('article_id', '=', id).execute(),
  ]);
  return {
    id: row.id,
    edition: row.edition as EditionId,
    section: row.section,
    slugs: [row.slug, ...previous.map((p) => p.slug)],
    tags: tags.map((t) => t.tag_name),
    authors: authors.map((a) => a.author_slug),
    status: row.status,
    publishedTs: Number(row.published_ts),
  };
}

/** Cache events older than this are pruned: no cached entry lives that long. */
export const cacheEventRetentionMs = 7 * 24 * 60 * 60 * 1000;

async function recordCacheInvalidations(trx: Db, tags: string[]): Promise<void> {
  if (tags.length === 0) return;
  const now = Date.now();
  await trx
    .insertInto('cache_tag_events')
    .values(tags.map((tag) => ({ tag, created_ts: now })))
    .execute();
  await trx
    .deleteFrom('cache_tag_events')
    .where('created_ts', '<', now - cacheEventRetentionMs)
    .execute();
}

/** The number of the newest invalidation: a server starting with an empty cache starts reading after it. */
export async function latestCacheTagSeq(db: Db): Promise<number> {
  const row = await db
    .selectFrom('cache_tag_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}

/** Invalidations recorded after `afterSeq`, oldest first: what a server's cache must forget. */
export async function listCacheTagEvents(db: Db, afterSeq: number): Promise<{ seq: number; tag: string }[]> {
  const rows = await db.selectFrom('cache_tag_events').select(['seq', 'tag']).where('seq', '>', afterSeq).orderBy('seq').execute();
  return rows.map((r) => ({ seq: Number(r.seq), tag: r.tag }));
}

/** The newest update time among those stored and those arriving; 0 when there are none. */
async function latestLiveUpdateTs(trx: Db, articleId: string, incoming: LiveUpdate[]): Promise<number> {
  const stored = await trx
    .selectFrom('live_updates')
    .select((eb) => eb.fn.max('published_ts').as('latest'))
    .where('article_id', '=', articleId)
    .executeTakeFirst();
  return Math.max(Number(stored?.latest ?? 0), ...incoming.map((u) => Date.parse(u.publishedAt)));
}

/** Adds an update, or corrects it when one with that id exists. Updates are never deleted by an import. */
async function saveLiveUpdate(trx: Db, articleId: string, update: LiveUpdate): Promise<void> {
  const row = {
    published_at: update.publishedAt,
    published_ts: Date.parse(update.publishedAt),
    title: update.title ?? null,
    blocks: JSON.stringify(update.body),
    stored_ts: Date.now(),
  };
  await trx
    .insertInto('live_updates')
    .values({ article_id: articleId, id: update.id, ...row })
    .onConflict((oc) => oc.columns(['article_id', 'id']).doUpdateSet(row))
    .execute();
}

/**
 * Adds updates to a live story, in one transaction, and moves the story's modification time.
 * Refuses a story that does not exist or is not live.
 */
export async function addLiveUpdates(db: Db, articleId: string, updates: LiveUpdate[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const article = await trx.selectFrom('articles').select(['live', 'modified_ts']).where('id', '=', articleId).executeTakeFirst();
    if (!article) throw new ContentConflictError(articleId, `no article "${articleId}"`);
    if (!article.live) throw new ContentConflictError(articleId, `article "${articleId}" is not a live story`);
    for (const update of updates) await saveLiveUpdate(trx, articleId, update);
    const placement = await placementOf(trx, articleId);
    if (placement) await recordCacheInvalidations(trx, [contentTags.story(articleId), contentTags.sitemaps(placement.edition)]);
    // The story's modification time moves: its month's lastmod too (after the update below).
    const refreshMonth = placement ? () => refreshSitemapMonths(trx, placement.edition, [placement.publishedTs]) : async () => {};
    const latest = await latestLiveUpdateTs(trx, articleId, []);
    await trx
      .updateTable('articles')
      .set({ modified_ts: Math.max(Number(article.modified_ts), latest) })
      .where('id', '=', articleId)
      .execute();
    await refreshMonth();
  });
}

export type LiveUpdateEntry = LiveUpdate & { articleId: string };

/** A live story's updates, newest first; with `after`, only those newer than that update. */
export async function listLiveUpdates(
  db: Db,
  query: { articleId: string; limit: number; newerThan?: { publishedTs: number; id: string } },
): Promise<LiveUpdateEntry[]> {
  let select = db
    .selectFrom('live_updates')
    .select(['article_id', 'id', 'published_at', 'published_ts', 'title', 'blocks'])
    .where('article_id', '=', query.articleId);
  if (query.newerThan) {
    select = select.where(beyondKey('published_ts', 'id', query.newerThan, 'newer'));
  }
  const rows = await select.orderBy('published_ts', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
  return rows.map((row) => ({
    articleId: row.article_id,
    id: row.id,
    publishedAt: row.published_at,
    ...(row.title ? { title: row.title } : {}),
    body: JSON.parse(row.blocks) as LiveUpdate['body'],
  }));
}

export async function getLiveUpdateKey(db: Db, articleId: string, updateId: string): Promise<{ publishedTs: number; id: string } | undefined> {
  const row = await db
    .selectFrom('live_updates')
    .select(['published_ts', 'id'])
    .where('article_id', '=', articleId)
    .where('id', '=', updateId)
    .executeTakeFirst();
  return row ? { publishedTs: Number(row.published_ts), id: row.id } : undefined;
}

/** Whether a published story with this id exists, and whether it is live. */
export async function getArticleState(db: Db, id: string): Promise<{ status: ArticleStatus; live: boolean; edition: EditionId; path: string } | undefined> {
  const row = await db.selectFrom('articles').select(['status', 'live', 'edition', 'section', 'slug', 'published_at']).where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const edition = row.edition as EditionId;
  return {
    status: row.status,
    live: row.live === 1,
    edition,
    path: articlePath({ edition, section: row.section, slug: row.slug, publishedAt: row.published_at }),
  };
}

/**
 * A value every instance on this store shares (a signing secret, say), created on first use.
 * Two instances racing to create it both end up with the one that was written first.
 */
export async function getOrCreateSetting(db: Db, key: string, create: () => string): Promise<string> {
  await db
    .insertInto('site_settings')
    .values({ key, value: create() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('site_settings').select('value').where('key', '=', key).executeTakeFirstOrThrow();
  return row.value;
}

/**
 * Keeps the full-text index in step: a published story is indexed, a withdrawn one is not.
 * Its search row is addressed by the story's integer key, through the index's rowid.
 */
async function indexForSearch(trx: Db, article: Article): Promise<void> {
  await trx
    .insertInto('article_search_keys')
    .values({ article_id: article.id })
    .onConflict((oc) => oc.column('article_id').doNothing())
    .execute();
  const { search_rowid: key } = await trx
    .selectFrom('article_search_keys')
    .select('search_rowid')
    .where('article_id', '=', article.id)
    .executeTakeFirstOrThrow();
  const values = {
    edition: article.edition,
    headline: article.headline,
    standfirst: article.standfirst,
    body: bodyText(article),
    tags: article.tags.join(' '),
    slug: article.slug.replaceAll('-', ' '),
  };
  if (dialectOf(trx) === 'postgres') {
    await sql`delete from articles_search where search_rowid = ${key}`.execute(trx);
    if (article.status !== 'published') return;
    await sql`insert into articles_search (search_rowid, edition, headline, standfirst, body, tags, slug)
      values (${key}, ${values.edition}, ${values.headline}, ${values.standfirst}, ${values.body}, ${values.tags}, ${values.slug})`.execute(trx);
    return;
  }
  await sql`delete from articles_fts where rowid = ${key}`.execute(trx);
  if (article.status !== 'published') return;
  await sql`insert into articles_fts (rowid, article_id, edition, headline, standfirst, body, tags, slug)
    values (${key}, ${article.id}, ${values.edition}, ${values.headline}, ${values.standfirst}, ${values.body}, ${values.tags}, ${values.slug})`.execute(trx);
}

/** A slug names one story per edition, whether it is that story's current slug or a previous one. */
async function assertSlugsAreFree(trx: Db, article: Article, previousSlugs: string[]): Promise<void> {
  const slugs = [article.slug, ...previousSlugs];
  const current = await trx
    .selectFrom('articles')
    .select(['id', 'slug'])
    .where('edition', '=', article.edition)
    .where('slug', 'in', slugs)
    .where('id', '!=', article.id)
    .executeTakeFirst();
  if (current) {
    throw new ContentConflictError(article.id, `slug "${current.slug}" is already the slug of article "${current.id}"`);
  }
  const previous = await trx
    .selectFrom('article_previous_slugs')
    .select(['article_id', 'slug'])
    .where('edition', '=', article.edition)
    .where('slug', 'in', slugs)
    .where('article_id', '!=', article.id)
    .executeTakeFirst();
  if (previous) {
    throw new ContentConflictError(article.id, `slug "${previous.slug}" is a previous slug of article "${previous.article_id}" and still redirects there`);
  }
}
