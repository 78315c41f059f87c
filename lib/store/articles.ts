import type { Article } from '../domain/article-schema';
import type { EditionId } from '../domain/editions';
import type { ArticleState, ArticleUrlResolution, StoredStatus } from '../domain/stories';
import { articlePath, type ArticleLocator } from '../domain/urls';
import { readArticleDocument, type Db } from './rows';

/** One story: by its address, by its id, what its address answers, and how many there are. */

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
  return row ? readArticleDocument(row.document) : undefined;
}

/** A stored story by id, whatever its status, with what its row says of it. */
export type StoredArticle = { article: Article; status: StoredStatus; storedTs: number };

export async function getArticleById(db: Db, id: string): Promise<StoredArticle | undefined> {
  const row = await db.selectFrom('articles').select(['document', 'status', 'stored_ts']).where('id', '=', id).executeTakeFirst();
  return row ? { article: readArticleDocument(row.document), status: row.status, storedTs: Number(row.stored_ts) } : undefined;
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
  // A draft or a scheduled story is not there yet: exactly like a story that does not exist.
  if (!row || row.status === 'draft' || row.status === 'scheduled') return { kind: 'missing' };
  if (row.status === 'withdrawn') return { kind: 'gone' };
  if (!renamed && row.section === locator.section && row.path_date === locator.date) return { kind: 'found', id: row.id };
  const edition = row.edition as EditionId;
  return { kind: 'moved', path: articlePath({ edition, section: row.section, slug: row.slug, publishedAt: row.published_at }) };
}

/** Whether a published story with this id exists, and whether it is live. */
export async function getArticleState(db: Db, id: string): Promise<ArticleState | undefined> {
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

/** Until when a published story is live; undefined when it is not live now (its window closed, or never a live story). */
export async function getLiveUntilTs(db: Db, id: string, now = Date.now()): Promise<number | undefined> {
  const row = await db.selectFrom('articles').select('live_until_ts').where('id', '=', id).where('status', '=', 'published').executeTakeFirst();
  return row?.live_until_ts !== null && row?.live_until_ts !== undefined && Number(row.live_until_ts) > now ? Number(row.live_until_ts) : undefined;
}

export async function countArticles(db: Db): Promise<number> {
  const row = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** A published story of a translation group: what a link to it in another language needs. */
export type TranslationRow = { id: string; edition: EditionId; path: string; headline: string; publishedAt: string };

/** The published stories of a translation group, one per edition, in the editions' order. */
export async function listTranslations(db: Db, group: string): Promise<TranslationRow[]> {
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'edition', 'section', 'slug', 'headline', 'published_at'])
    .where('translation_group', '=', group)
    .where('status', '=', 'published')
    .orderBy('edition')
    .execute();
  return rows.map((row) => {
    const edition = row.edition as EditionId;
    return {
      id: row.id,
      edition,
      path: articlePath({ edition, section: row.section, slug: row.slug, publishedAt: row.published_at }),
      headline: row.headline,
      publishedAt: row.published_at,
    };
  });
}

/** The bylines of these stories, each story's in its own order. */
export async function listStoryAuthors(db: Db, ids: string[]): Promise<Map<string, { name: string; slug: string }[]>> {
  const byStory = new Map<string, { name: string; slug: string }[]>();
  if (ids.length === 0) return byStory;
  const rows = await db
    .selectFrom('article_authors')
    .select(['article_id', 'author_name', 'author_slug'])
    .where('article_id', 'in', ids)
    .orderBy('article_id')
    .orderBy('position')
    .execute();
  for (const row of rows) {
    const authors = byStory.get(row.article_id) ?? [];
    authors.push({ name: row.author_name, slug: row.author_slug });
    byStory.set(row.article_id, authors);
  }
  return byStory;
}
