import type { Selectable } from 'kysely';
import type { Article, ArticleImage, LiveUpdate } from '../domain/article-schema';
import type { EditionId } from '../domain/editions';
import type { ArticleSummary } from '../domain/stories';
import { articlePath } from '../domain/urls';
import type { Db } from './schema';

export type { Db };
import type { ArticlesTable } from './schema';

/**
 * What comes out of the store, turned into the domain's types: the one place that reads stored
 * JSON. Documents were validated by the article schema when they were written (and migration
 * 011 cleaned rows written before its text rules), so they are read back as they were written.
 */

export const summaryColumns = [
  'id',
  'edition',
  'section',
  'slug',
  'headline',
  'standfirst',
  'published_at',
  'updated_at',
  'main_image',
  'live_until_ts',
] as const;

export type SummaryRow = Pick<Selectable<ArticlesTable>, (typeof summaryColumns)[number]>;

/** Whether a story is live at `now`: a live story whose window has not closed (migration 016). */
export function isLiveAt(liveUntilTs: number | string | null, now = Date.now()): boolean {
  return liveUntilTs !== null && Number(liveUntilTs) > now;
}

export function toSummary(row: SummaryRow): ArticleSummary {
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
    image: readImage(row.main_image),
    live: isLiveAt(row.live_until_ts),
  };
}

/** A story's stored document (the `document` column). */
export function readArticleDocument(json: string): Article {
  // Stories stored before corrections existed (migration 013) have none.
  const article = JSON.parse(json) as Article;
  return article.corrections ? article : { ...article, corrections: [] };
}

/** A story's main picture (the `main_image` column). */
export function readImage(json: string): ArticleImage {
  return JSON.parse(json) as ArticleImage;
}

/** The blocks of a live update (the `blocks` column). */
export function readBlocks(json: string): LiveUpdate['body'] {
  return JSON.parse(json) as LiveUpdate['body'];
}
