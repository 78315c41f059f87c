import type { Kysely, Selectable } from 'kysely';
import { articlePath, pathDate, type ArticleLocator } from '../article-path';
import type { EditionId } from '../editions';
import { slugify } from '../slug';
import type { Article, ArticleImage, Section } from '../content/article-schema';
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

export type ArticleUrlResolution =
  | { kind: 'found'; id: string }
  | { kind: 'moved'; path: string }
  | { kind: 'gone' }
  | { kind: 'missing' };

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

const summaryColumns = [
  'id',
  'edition',
  'section',
  'slug',
  'headline',
  'standfirst',
  'published_at',
  'updated_at',
  'main_image',
] as const;

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
  let row = await db
    .selectFrom('articles')
    .select(columns)
    .where('edition', '=', locator.edition)
    .where('slug', '=', locator.slug)
    .executeTakeFirst();
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
  const row = await db
    .selectFrom('article_previous_slugs')
    .select('article_id')
    .where('edition', '=', edition)
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row?.article_id;
}

export type ListLatestQuery = {
  edition: EditionId;
  section?: string;
  limit: number;
  after?: ListCursor | null;
};

/** Published stories newest first, a page at a time, by keyset (never OFFSET). */
export async function listLatest(db: Db, query: ListLatestQuery): Promise<ArticleListPage> {
  let select = db
    .selectFrom('articles')
    .select([...summaryColumns, 'published_ts'])
    .where('edition', '=', query.edition)
    .where('status', '=', 'published');
  if (query.section !== undefined) select = select.where('section', '=', query.section);
  if (query.after) {
    const { publishedTs, id } = query.after;
    select = select.where((eb) =>
      eb.or([eb('published_ts', '<', publishedTs), eb.and([eb('published_ts', '=', publishedTs), eb('id', '<', id)])]),
    );
  }
  const rows = await select
    .orderBy('published_ts', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const hasMore = rows.length > query.limit;
  const pageRows = hasMore ? rows.slice(0, query.limit) : rows;
  const last = pageRows.at(-1);
  return {
    items: pageRows.map(toSummary),
    next: hasMore && last ? { publishedTs: Number(last.published_ts), id: last.id } : null,
  };
}

export async function listSections(db: Db, edition: EditionId): Promise<Section[]> {
  const rows = await db
    .selectFrom('sections')
    .select(['edition', 'slug', 'name', 'description'])
    .where('edition', '=', edition)
    .orderBy('position')
    .execute();
  return rows.map((row) => ({ ...row, edition: row.edition as EditionId }));
}

export async function sectionExists(db: Db, edition: EditionId, slug: string): Promise<boolean> {
  const row = await db
    .selectFrom('sections')
    .select('slug')
    .where('edition', '=', edition)
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row !== undefined;
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
export async function writeContent(db: Db, batch: ContentBatch): Promise<WriteSummary> {
  return db.transaction().execute(async (trx) => {
    const summary: WriteSummary = { sections: 0, created: [], updated: [] };

    for (const [position, section] of batch.sections.entries()) {
      await trx
        .insertInto('sections')
        .values({ ...section, position })
        .onConflict((oc) =>
          oc.columns(['edition', 'slug']).doUpdateSet({ name: section.name, description: section.description, position }),
        )
        .execute();
      summary.sections += 1;
    }

    const knownSections = new Set(
      (await trx.selectFrom('sections').select(['edition', 'slug']).execute()).map((s) => `${s.edition}/${s.slug}`),
    );

    for (const incoming of batch.articles) {
      if (!knownSections.has(`${incoming.edition}/${incoming.section}`)) {
        throw new ContentConflictError(
          incoming.id,
          `section "${incoming.section}" does not exist in edition "${incoming.edition}"`,
        );
      }
      const existing = await trx
        .selectFrom('articles')
        .select(['edition', 'slug'])
        .where('id', '=', incoming.id)
        .executeTakeFirst();
      if (existing && existing.edition !== incoming.edition) {
        throw new ContentConflictError(incoming.id, `already exists in edition "${existing.edition}"; an article cannot change edition`);
      }
      const previousRows = await trx
        .selectFrom('article_previous_slugs')
        .select('slug')
        .where('article_id', '=', incoming.id)
        .execute();
      const previousSlugs = [
        ...new Set([...previousRows.map((r) => r.slug), ...incoming.previousSlugs, ...(existing ? [existing.slug] : [])]),
      ].filter((slug) => slug !== incoming.slug);

      await assertSlugsAreFree(trx, incoming, previousSlugs);

      const article: Article = { ...incoming, previousSlugs };
      const publishedTs = Date.parse(article.publishedAt);
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
        modified_ts: article.updatedAt ? Date.parse(article.updatedAt) : publishedTs,
        status: article.status,
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
      await trx.deleteFrom('article_tags').where('article_id', '=', article.id).execute();
      const tagSlugs = new Set<string>();
      for (const [position, name] of article.tags.entries()) {
        const tagSlug = slugify(name);
        if (tagSlugs.has(tagSlug)) continue;
        tagSlugs.add(tagSlug);
        await trx
          .insertInto('article_tags')
          .values({ article_id: article.id, edition: article.edition, tag_slug: tagSlug, tag_name: name, position })
          .execute();
      }
      await trx.deleteFrom('article_authors').where('article_id', '=', article.id).execute();
      const authorSlugs = new Set<string>();
      for (const [position, author] of article.authors.entries()) {
        if (authorSlugs.has(author.slug)) continue;
        authorSlugs.add(author.slug);
        await trx
          .insertInto('article_authors')
          .values({ article_id: article.id, edition: article.edition, author_slug: author.slug, author_name: author.name, position })
          .execute();
      }
      (existing ? summary.updated : summary.created).push(article.id);
    }
    return summary;
  });
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
    throw new ContentConflictError(
      article.id,
      `slug "${previous.slug}" is a previous slug of article "${previous.article_id}" and still redirects there`,
    );
  }
}
