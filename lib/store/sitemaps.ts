import { sql } from 'kysely';
import type { EditionId } from '../domain/editions';
import type { CarriedListKind, SitemapEntry, SitemapMonth, SitemapVideo } from '../domain/stories';
import type { Article } from '../domain/article-schema';
import { mediaFileIdsOf } from '../domain/media-files';
import { storyMedia } from '../domain/story-media';
import { getMediaStreams } from './media-streams';
import { articlePath } from '../domain/urls';
import { carriedListTables } from './keys';
import { readImage, type Db } from './rows';

/** What the sitemaps list: months of stories, the stories of a time span, tag and author pages. */

export async function listSitemapMonths(db: Db, edition: EditionId): Promise<SitemapMonth[]> {
  const rows = await db
    .selectFrom('sitemap_months')
    .select(['month', 'story_count', 'last_modified_ts'])
    .where('edition', '=', edition)
    .orderBy('month')
    .execute();
  return rows.map((r) => ({ month: r.month, count: Number(r.story_count), lastModifiedTs: Number(r.last_modified_ts) }));
}

/** Published stories from `fromTs` (inclusive) to `toTs` (exclusive), oldest first. */
export async function listStoriesPublishedBetween(
  db: Db,
  query: { edition: EditionId; fromTs: number; toTs: number; limit: number; offset?: number; newestFirst?: boolean },
): Promise<SitemapEntry[]> {
  const direction = query.newestFirst ? 'desc' : 'asc';
  const rows = await db
    .selectFrom('articles')
    .select(['edition', 'section', 'slug', 'published_at', 'modified_ts', 'main_image', 'headline', 'translation_group'])
    // The whole story only where it plays a video: the video sitemap needs its blocks.
    .select(sql<string | null>`case when document like '%"mainVideo"%' or document like '%"type":"video"%' then document else null end`.as('video_document'))
    .where('edition', '=', query.edition)
    .where('status', '=', 'published')
    .where('published_ts', '>=', query.fromTs)
    .where('published_ts', '<', query.toTs)
    .orderBy('published_ts', direction)
    .orderBy('id', direction)
    .limit(query.limit)
    .offset(query.offset ?? 0)
    .execute();
  const groups = await translationsOfGroups(db, [...new Set(rows.flatMap((row) => (row.translation_group ? [row.translation_group] : [])))]);
  const withVideos = rows.flatMap((row) => (row.video_document ? [JSON.parse(row.video_document) as Article] : []));
  const files = Object.fromEntries(await getMediaStreams(db, withVideos.flatMap(mediaFileIdsOf)));
  const videosOf = (document: string | null): SitemapVideo[] | undefined => {
    if (!document) return undefined;
    const article = JSON.parse(document) as Article;
    return storyMedia(article, files)
      .filter((item) => item.kind === 'video' && item.thumbnail)
      .map((item) => ({
        thumbnail: item.thumbnail!,
        title: item.name,
        description: item.description,
        content: item.content,
        durationSeconds: Math.max(1, Math.round(item.durationMs / 1000)),
        publishedAt: article.publishedAt,
      }));
  };
  return rows.map((row) => ({
    path: articlePath({ edition: row.edition as EditionId, section: row.section, slug: row.slug, publishedAt: row.published_at }),
    lastModifiedTs: Number(row.modified_ts),
    image: readImage(row.main_image),
    headline: row.headline,
    publishedAt: row.published_at,
    alternates: row.translation_group ? (groups.get(row.translation_group) ?? []) : [],
    videos: videosOf(row.video_document),
  }));
}

/** The published stories of each translation group, by group: one query per 500 groups. */
async function translationsOfGroups(db: Db, groups: string[]): Promise<Map<string, { edition: EditionId; path: string }[]>> {
  const byGroup = new Map<string, { edition: EditionId; path: string }[]>();
  for (let i = 0; i < groups.length; i += 500) {
    const rows = await db
      .selectFrom('articles')
      .select(['translation_group', 'edition', 'section', 'slug', 'published_at'])
      .where('translation_group', 'in', groups.slice(i, i + 500))
      .where('status', '=', 'published')
      .orderBy('edition')
      .execute();
    for (const row of rows) {
      const edition = row.edition as EditionId;
      const list = byGroup.get(row.translation_group!) ?? [];
      list.push({ edition, path: articlePath({ edition, section: row.section, slug: row.slug, publishedAt: row.published_at }) });
      byGroup.set(row.translation_group!, list);
    }
  }
  return byGroup;
}

/** Tag or author pages that list at least one published story, with their latest story's time. */
export async function listIndexableListPages(
  db: Db,
  edition: EditionId,
  kind: CarriedListKind,
  limit: number,
): Promise<{ slug: string; lastPublishedTs: number }[]> {
  const { table, slugColumn } = carriedListTables[kind];
  const slug = sql.ref<string>(slugColumn);
  const rows = await db
    .selectFrom(table)
    .select([sql<string>`${slug}`.as('slug'), (eb) => eb.fn.max('published_ts').as('last')])
    .where('edition', '=', edition)
    .where('is_published', '=', 1)
    .groupBy(slug)
    .orderBy(slug)
    .limit(limit)
    .execute();
  return rows.map((r) => ({ slug: r.slug, lastPublishedTs: Number(r.last) }));
}
