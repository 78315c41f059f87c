import 'server-only';
import { cachedRead } from '../cache/cached-read';
import { contentTags } from '../domain/content-tags';
import type { EditionId } from '../domain/editions';
import type { SitemapEntry, SitemapMonth } from '../domain/stories';
import { getStore } from '../store/database';
import { listSectionLastPublished } from '../store/sections';
import { listIndexableListPages, listSitemapMonths, listStoriesPublishedBetween } from '../store/sitemaps';

/**
 * What the sitemaps read, through the same tagged cache as the pages' reads (reads.ts). Feeds
 * read what pages read: reads.ts's getSections and getLatest. Every sitemap of an edition
 * depends on its sitemap tag (any publish, move or withdrawal in it) and its sections.
 */

const sitemapTags = (edition: EditionId) => [contentTags.sitemaps(edition), contentTags.sections(edition)];

/** The months of an edition that hold published stories, oldest first. */
export const getSitemapMonths = (edition: EditionId): Promise<SitemapMonth[]> =>
  cachedRead(['sitemap-months', edition], sitemapTags(edition), async () => listSitemapMonths((await getStore()).db, edition));

/** The stories of one sitemap file: a month, or a part of a month that holds more than one file can. */
export const getSitemapStories = (edition: EditionId, span: { fromTs: number; toTs: number; limit: number; offset: number }): Promise<SitemapEntry[]> =>
  cachedRead(['sitemap-stories', edition, span.fromTs, span.toTs, span.limit, span.offset], sitemapTags(edition), async () =>
    listStoriesPublishedBetween((await getStore()).db, { edition, ...span }),
  );

export type IndexablePages = {
  /** The latest publication time of each section that has a published story. */
  sectionsLastPublished: [string, number][];
  tags: { slug: string; lastPublishedTs: number }[];
  authors: { slug: string; lastPublishedTs: number }[];
};

/** The fronts worth indexing: sections, tags and authors with at least one published story. */
export const getIndexablePages = (edition: EditionId, limits: { tags: number; authors: number }): Promise<IndexablePages> =>
  cachedRead(['sitemap-pages', edition, limits.tags, limits.authors], sitemapTags(edition), async () => {
    const { db } = await getStore();
    const [lastBySection, tags, authors] = await Promise.all([
      listSectionLastPublished(db, edition),
      listIndexableListPages(db, edition, 'tag', limits.tags),
      listIndexableListPages(db, edition, 'author', limits.authors),
    ]);
    return { sectionsLastPublished: [...lastBySection.entries()], tags, authors };
  });

/**
 * The stories of the news sitemap: published within the window, newest first. The window moves
 * with the clock, so the read is also redone every five minutes.
 */
export const getNewsStories = (edition: EditionId, windowMs: number, limit: number): Promise<SitemapEntry[]> =>
  cachedRead(
    ['sitemap-news', edition, windowMs, limit],
    sitemapTags(edition),
    async () =>
      listStoriesPublishedBetween((await getStore()).db, { edition, fromTs: Date.now() - windowMs, toTs: Number.MAX_SAFE_INTEGER, limit, newestFirst: true }),
    300,
  );
