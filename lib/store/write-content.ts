import type { Article, Section } from '../domain/article-schema';
import { contentTags, tagsAffectedByStory } from '../domain/content-tags';
import type { EditionId } from '../domain/editions';
import { slugify } from '../domain/slug';
import { pathDate } from '../domain/urls';
import { placementOf, recordCacheInvalidations } from './cache-events';
import { latestLiveUpdateTs, saveLiveUpdate } from './live-updates';
import { refreshListCounts, refreshSitemapMonths } from './monthly-counts';
import { readArticleDocument, type Db } from './rows';
import { indexForSearch, indexNewStories } from './search';
import { ContentConflictError } from './store-errors';
import { saveMedia, type MediaRecord } from './media';
import { sql } from 'kysely';
import { dialectOf } from './dialect';
import type { Article as StoredArticle } from '../domain/article-schema';
import { withCorrections } from '../domain/corrections';
import { liveUntilTs, type StoredStatus } from '../domain/stories';
import { changesWhatReadersSee, versionTime } from '../domain/story-history';
import { keepReplacedVersion } from './story-versions';
import { correctionRows, saveCorrections } from './corrections';

/** What a story's row says: a published story whose time is still ahead is scheduled until then. */
function storedStatusOf(article: Pick<Article, 'status' | 'publishedAt'>, now = Date.now()): StoredStatus {
  return article.status === 'published' && Date.parse(article.publishedAt) > now ? 'scheduled' : article.status;
}

export type ContentBatch = { sections: Section[]; articles: Article[]; media?: MediaRecord[] };

export type WriteSummary = { sections: number; created: string[]; updated: string[] };

export type WriteOptions = {
  /**
   * Loading an archive into a store no server caches yet: skip recording cache invalidations
   * and recounting monthly aggregates per story; call rebuildMonthlyCounts() afterwards.
   */
  bulk?: boolean;
  /**
   * Publishing scheduled stories at their time: a story whose row no longer says `scheduled`
   * (another server published it a moment ago, or an editor changed it) is left as it is.
   */
  onlyScheduled?: boolean;
};

/**
 * Writes sections and articles in one transaction: all of them, or — on any error — none.
 * Upserts by id. An article whose slug changes keeps its old slug as a previous slug, so its
 * old URL keeps answering with a redirect; previous slugs are never forgotten.
 */
export async function writeContent(db: Db, batch: ContentBatch, options: WriteOptions = {}): Promise<WriteSummary> {
  const bulk = options.bulk === true;
  return db.transaction().execute(async (trx) => {
    const summary: WriteSummary = { sections: 0, created: [], updated: [] };

    const invalidated = new Set<string>();
    for (const edition of new Set(batch.sections.map((section) => section.edition))) invalidated.add(contentTags.sections(edition));
    for (const [position, section] of batch.sections.entries()) {
      const row = { name: section.name, description: section.description, position, section_group: section.group ?? null };
      await trx
        .insertInto('sections')
        .values({ edition: section.edition, slug: section.slug, ...row })
        .onConflict((oc) => oc.columns(['edition', 'slug']).doUpdateSet(row))
        .execute();
      summary.sections += 1;
    }

    // Pictures first: the stories below may use them, and either all of it is written or none.
    for (const record of batch.media ?? []) await saveMedia(trx, record);

    const knownSections = new Set((await trx.selectFrom('sections').select(['edition', 'slug']).execute()).map((s) => `${s.edition}/${s.slug}`));

    for (const incoming of batch.articles) {
      if (!knownSections.has(`${incoming.edition}/${incoming.section}`)) {
        throw new ContentConflictError(incoming.id, `section "${incoming.section}" does not exist in edition "${incoming.edition}"`, 'section');
      }
      const existing = await trx.selectFrom('articles').select(['edition', 'slug', 'document', 'status']).where('id', '=', incoming.id).executeTakeFirst();
      if (options.onlyScheduled && existing?.status !== 'scheduled') continue;
      const before = existing && !bulk ? await placementOf(trx, incoming.id) : undefined;
      const latestThreshold = bulk ? 0 : await latestThresholdTs(trx, incoming.edition);
      if (existing && existing.edition !== incoming.edition) {
        throw new ContentConflictError(incoming.id, `already exists in edition "${existing.edition}"; an article cannot change edition`, 'edition');
      }
      const previousRows = await trx.selectFrom('article_previous_slugs').select('slug').where('article_id', '=', incoming.id).execute();
      const previousSlugs = [...new Set([...previousRows.map((r) => r.slug), ...incoming.previousSlugs, ...(existing ? [existing.slug] : [])])].filter(
        (slug) => slug !== incoming.slug,
      );

      await assertSlugsAreFree(trx, incoming, previousSlugs);
      await assertTranslationGroupIsFree(trx, incoming);

      // Updates live in their own table (the API adds them one by one); the document holds the rest.
      const { updates, ...rest } = incoming;
      // The stored story, read once: its corrections are kept, and it is the version this write may replace.
      const stored = existing ? readArticleDocument(existing.document) : undefined;
      const corrections = keepCorrections(incoming.id, stored?.corrections, rest.corrections);
      const written: Article = withCorrections({ ...rest, corrections, previousSlugs, updates: [] } satisfies StoredArticle);
      const status = storedStatusOf(written);
      // The version this write replaces is kept when readers would see a difference (issue 32).
      const replaced = existing && stored && !bulk && changesWhatReadersSee(stored, written) ? { ...existing, article: stored } : undefined;
      const article = replaced ? withUpdateTime(replaced.article, replaced.status, written, status) : written;
      if (replaced) await keepReplacedVersion(trx, incoming.id, replaced);
      const lastUpdateTs = await latestLiveUpdateTs(trx, article.id, updates);
      const row = articleRow(article, status, lastUpdateTs);
      const publishedTs = row.published_ts;
      await trx
        .insertInto('articles')
        .values({ id: article.id, ...row })
        .onConflict((oc) => oc.column('id').doUpdateSet(row))
        .execute();

      await trx.deleteFrom('article_previous_slugs').where('article_id', '=', article.id).execute();
      for (const slug of previousSlugs) {
        await trx.insertInto('article_previous_slugs').values({ edition: article.edition, slug, article_id: article.id }).execute();
      }
      const lists = listRows(article, status);
      await trx.deleteFrom('article_tags').where('article_id', '=', article.id).execute();
      for (const tag of lists.tags) await trx.insertInto('article_tags').values(tag).execute();
      await trx.deleteFrom('article_authors').where('article_id', '=', article.id).execute();
      for (const author of lists.authors) await trx.insertInto('article_authors').values(author).execute();
      for (const update of updates) await saveLiveUpdate(trx, article.id, update);
      await saveCorrections(trx, article, status);
      if (!bulk && (article.corrections.length > 0 || (stored?.corrections.length ?? 0) > 0)) {
        invalidated.add(contentTags.corrections(article.edition));
      }
      await indexForSearch(trx, article, status === 'published');
      const after = bulk ? undefined : await placementOf(trx, article.id);
      if (!bulk) await refreshSitemapMonths(trx, article.edition, [publishedTs, ...(before ? [before.publishedTs] : [])]);
      if (!bulk) await refreshListCounts(trx, article.edition, [before, after]);
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

/**
 * Loads stories new to the store, many rows per statement, in one transaction (an archive load:
 * `npm run store:fill`): the same rows writeContent writes, without its reads per story, so a
 * million stories take minutes on PostgreSQL too rather than hours of round trips. The store's
 * constraints keep ids and slugs unique: a story already there fails the whole load, as does a
 * slug that still redirects to another story. Stories with live updates, previous slugs or a
 * translation group go through writeContent (their checks need reads story by story). Like a bulk write, it records no
 * cache invalidations: call rebuildMonthlyCounts() afterwards.
 */
export async function loadNewStories(db: Db, articles: Article[]): Promise<void> {
  const refused = articles.find((article) => article.updates.length > 0 || article.previousSlugs.length > 0 || article.translationGroup);
  if (refused) {
    throw new ContentConflictError(
      refused.id,
      'an archive load takes new stories without live updates, previous slugs or a translation group; write it with writeContent',
    );
  }
  const chunk = 250;
  await db.transaction().execute(async (trx) => {
    const knownSections = new Set((await trx.selectFrom('sections').select(['edition', 'slug']).execute()).map((s) => `${s.edition}/${s.slug}`));
    const stray = articles.find((article) => !knownSections.has(`${article.edition}/${article.section}`));
    if (stray) throw new ContentConflictError(stray.id, `section "${stray.section}" does not exist in edition "${stray.edition}"`, 'section');
    for (let start = 0; start < articles.length; start += chunk) {
      const stories = articles.slice(start, start + chunk).map((article) => ({ article, status: storedStatusOf(article) }));
      // A slug another story had still redirects there: the constraints do not see it, as writeContent does.
      const taken = await trx
        .selectFrom('article_previous_slugs')
        .select(['edition', 'slug', 'article_id'])
        .where('edition', 'in', [...new Set(stories.map(({ article }) => article.edition))])
        .where(
          'slug',
          'in',
          stories.map(({ article }) => article.slug),
        )
        .execute();
      for (const row of taken) {
        const story = stories.find(({ article }) => article.edition === row.edition && article.slug === row.slug);
        if (story) throw slugRedirectsElsewhere(story.article.id, row.slug, row.article_id);
      }
      await trx
        .insertInto('articles')
        .values(stories.map(({ article, status }) => ({ id: article.id, ...articleRow(withCorrections({ ...article, updates: [] }), status, 0) })))
        .execute();
      const lists = stories.map(({ article, status }) => listRows(article, status));
      const tags = lists.flatMap((l) => l.tags);
      const authors = lists.flatMap((l) => l.authors);
      const corrections = stories.flatMap(({ article, status }) => correctionRows(article, status));
      if (corrections.length) await trx.insertInto('article_corrections').values(corrections).execute();
      if (tags.length) await trx.insertInto('article_tags').values(tags).execute();
      if (authors.length) await trx.insertInto('article_authors').values(authors).execute();
      await indexNewStories(
        trx,
        stories.filter(({ status }) => status === 'published').map(({ article }) => article),
      );
    }
  });
}

/**
 * After an archive load: what the query planners need to read a store that grew at once.
 * PostgreSQL plans from statistics, and a million rows it had never analysed made it read an
 * article by a scan (800 ms where the unique index takes 0.1 ms) until autovacuum came round;
 * its index-only walks (a deep list page) fetched every row from the table until VACUUM had
 * marked the pages all-visible (134 ms against 1.8 ms). SQLite reads a sample of each index
 * (`analysis_limit`), in seconds whatever the size.
 */
export async function refreshAfterLoad(db: Db): Promise<void> {
  const tables = ['articles', 'article_tags', 'article_authors', 'article_search_keys', 'list_months', 'list_days', 'sitemap_months'];
  if (dialectOf(db) === 'postgres') {
    await sql`vacuum (analyze) ${sql.join(tables.concat('articles_search').map((table) => sql.table(table)))}`.execute(db);
    return;
  }
  await sql`pragma analysis_limit = 1000`.execute(db);
  for (const table of tables) await sql`analyze ${sql.table(table)}`.execute(db);
}

/** A story's row in `articles`, as every write makes it (`lastUpdateTs`: its newest live update, 0 for none). */
function articleRow(article: Article, status: StoredStatus, lastUpdateTs: number) {
  const publishedTs = Date.parse(article.publishedAt);
  return {
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
    status,
    live: article.live ? 1 : 0,
    live_until_ts: liveUntilTs(article, status === 'published', lastUpdateTs),
    main_image: JSON.stringify(article.mainImage),
    document: JSON.stringify(article),
    stored_ts: Date.now(),
    translation_group: article.translationGroup ?? null,
  };
}

/** A story's rows in the tag and author lists: each tag and author once, in the story's order. */
function listRows(article: Article, status: StoredStatus) {
  const listing = {
    article_id: article.id,
    edition: article.edition,
    published_ts: Date.parse(article.publishedAt),
    is_published: status === 'published' ? 1 : 0,
  };
  const tagSlugs = new Set<string>();
  const tags = [...article.tags.entries()].flatMap(([position, name]) => {
    const tagSlug = slugify(name);
    if (tagSlugs.has(tagSlug)) return [];
    tagSlugs.add(tagSlug);
    return [{ ...listing, tag_slug: tagSlug, tag_name: name, position }];
  });
  const authorSlugs = new Set<string>();
  const authors = [...article.authors.entries()].flatMap(([position, author]) => {
    if (authorSlugs.has(author.slug)) return [];
    authorSlugs.add(author.slug);
    return [{ ...listing, author_slug: author.slug, author_name: author.name, position }];
  });
  return { tags, authors };
}

/**
 * Corrections are append-only: those already stored stay, word for word, whatever a later
 * write sends (it may leave them out); a correction that changes one of them is refused.
 */
function keepCorrections(id: string, stored: Article['corrections'] | undefined, incoming: Article['corrections']): Article['corrections'] {
  const kept = [...(stored ?? [])];
  const byTime = new Map(kept.map((c) => [Date.parse(c.at), c]));
  for (const correction of incoming) {
    const same = byTime.get(Date.parse(correction.at));
    if (!same) {
      kept.push(correction);
      byTime.set(Date.parse(correction.at), correction);
    } else if (same.text !== correction.text) {
      throw new ContentConflictError(id, `the correction of ${same.at} is published and cannot be changed; add a new correction instead`, 'corrections');
    }
  }
  return kept;
}

/**
 * A published story that readers see changed (the caller knows it did) carries a later time
 * than the version it replaces: its "Updated" line, its feeds and sitemaps say so, and its history orders by it.
 * An editor's own later updatedAt is kept; a write that forgot it gets the time of the write.
 */
function withUpdateTime(replaced: Article, replacedStatus: StoredStatus, article: Article, status: StoredStatus, now = Date.now()): Article {
  if (replacedStatus !== 'published' || status !== 'published') return article;
  const before = Date.parse(versionTime(replaced));
  if (Date.parse(versionTime(article)) > before) return article;
  return { ...article, updatedAt: new Date(Math.max(now, before + 1000)).toISOString().replace(/\.\d{3}Z$/, 'Z') };
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

/** A translation group holds one story per edition: the story a reader is sent to in that language. */
async function assertTranslationGroupIsFree(trx: Db, article: Article): Promise<void> {
  if (!article.translationGroup) return;
  const other = await trx
    .selectFrom('articles')
    .select('id')
    .where('translation_group', '=', article.translationGroup)
    .where('edition', '=', article.edition)
    .where('id', '!=', article.id)
    .executeTakeFirst();
  if (other) {
    throw new ContentConflictError(
      article.id,
      `translation group "${article.translationGroup}" already has a story in edition "${article.edition}": "${other.id}"`,
      'translationGroup',
    );
  }
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
    throw slugRedirectsElsewhere(article.id, previous.slug, previous.article_id);
  }
}

const slugRedirectsElsewhere = (id: string, slug: string, owner: string) =>
  new ContentConflictError(id, `slug "${slug}" is a previous slug of article "${owner}" and still redirects there`);
