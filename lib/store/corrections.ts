import type { Article } from '../domain/article-schema';
import type { EditionId } from '../domain/editions';
import type { EditionCorrection, StoredStatus } from '../domain/stories';
import { articlePath } from '../domain/urls';
import type { Db } from './rows';

/**
 * Every correction of an edition in one place (issue 32): the corrections page and its feeds.
 * A story's corrections live in its document; this table repeats them, one row each, so that
 * the newest of a whole archive are one index walk, and follows the story's status like the
 * tag lists (a withdrawn story's corrections leave the page with it).
 */

export async function saveCorrections(trx: Db, article: Article, status: StoredStatus): Promise<void> {
  await trx.deleteFrom('article_corrections').where('article_id', '=', article.id).execute();
  if (article.corrections.length === 0) return;
  await trx.insertInto('article_corrections').values(correctionRows(article, status)).execute();
}

export function correctionRows(article: Article, status: StoredStatus) {
  return article.corrections.map((correction) => ({
    article_id: article.id,
    edition: article.edition,
    at: correction.at,
    at_ts: Date.parse(correction.at),
    text: correction.text,
    is_published: status === 'published' ? 1 : 0,
  }));
}

/** An edition's corrections of published stories, newest first. */
export async function listCorrections(db: Db, edition: EditionId, limit: number): Promise<EditionCorrection[]> {
  const rows = await db
    .selectFrom('article_corrections as c')
    .innerJoin('articles as a', 'a.id', 'c.article_id')
    .select(['c.at', 'c.text', 'a.id', 'a.edition', 'a.section', 'a.slug', 'a.published_at', 'a.headline'])
    .where('c.edition', '=', edition)
    .where('c.is_published', '=', 1)
    .orderBy('c.at_ts', 'desc')
    .orderBy('c.article_id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    at: row.at,
    text: row.text,
    story: {
      id: row.id,
      headline: row.headline,
      path: articlePath({ edition: row.edition as EditionId, section: row.section, slug: row.slug, publishedAt: row.published_at }),
    },
  }));
}
