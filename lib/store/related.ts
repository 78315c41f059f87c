import type { Article } from '../domain/article-schema';
import { slugify } from '../domain/slug';
import type { ArticleSummary } from '../domain/stories';
import { listStories } from './lists';
import { summaryColumns, toSummary, type Db } from './rows';

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
