import { z } from 'zod';
import { defaultEditionId, editionIds, type EditionId } from './editions';
import { slugPattern } from './slug';
import { type ArticleSummary, type StoryFilter } from './stories';

/**
 * The public, read-only list of stories: `GET /api/v1/articles`. Its query is validated with the
 * same schema library as the content, and its items are what the browser islands render.
 */

const maxListLimit = 100;
const defaultListLimit = 20;

const slug = z.string().max(120).regex(slugPattern, 'must be a slug: lowercase letters and digits joined by hyphens');

export const ArticleListQuerySchema = z
  .object({
    edition: z.enum(editionIds, { message: `must be one of: ${editionIds.join(', ')}` }).default(defaultEditionId),
    section: slug.optional(),
    tag: slug.optional(),
    author: slug.optional(),
    limit: z
      .string()
      .regex(/^\d{1,6}$/, `must be a whole number from 1 to ${maxListLimit}`)
      .transform(Number)
      .refine((n) => n >= 1, `must be a whole number from 1 to ${maxListLimit}`)
      // Larger asks are served the largest page rather than refused.
      .transform((n) => Math.min(n, maxListLimit))
      .default(defaultListLimit),
    cursor: z.string().min(1).max(512).optional(),
  })
  .superRefine((query, ctx) => {
    const filters = (['section', 'tag', 'author'] as const).filter((key) => query[key] !== undefined);
    if (filters.length > 1) {
      for (const key of filters.slice(1))
        ctx.addIssue({ code: 'custom', path: [key], message: `use one of section, tag or author, not ${filters.join(' and ')}` });
    }
  });

export type ArticleListQuery = z.output<typeof ArticleListQuerySchema>;

export function listFilter(query: Pick<ArticleListQuery, 'section' | 'tag' | 'author'>): StoryFilter {
  if (query.section) return { kind: 'section', slug: query.section };
  if (query.tag) return { kind: 'tag', slug: query.tag };
  if (query.author) return { kind: 'author', slug: query.author };
  return { kind: 'edition' };
}

/** What a cursor is bound to: the same position means nothing in another list. */
export function listKey(edition: EditionId, filter: StoryFilter): string {
  return filter.kind === 'edition' ? edition : `${edition}/${filter.kind}/${filter.slug}`;
}

export type ArticleListItem = {
  id: string;
  path: string;
  headline: string;
  standfirst: string;
  section: string;
  publishedAt: string;
  updatedAt: string | null;
  thumbnail: { src: string; alt: string; width: number; height: number };
  /** A live story whose updates have not stopped. */
  live: boolean;
};

export type ArticleListResponse = { items: ArticleListItem[]; nextCursor: string | null };

export function toListItem(story: ArticleSummary): ArticleListItem {
  const { src, alt, width, height } = story.image;
  return {
    id: story.id,
    path: story.path,
    headline: story.headline,
    standfirst: story.standfirst,
    section: story.section,
    publishedAt: story.publishedAt,
    updatedAt: story.updatedAt,
    thumbnail: { src, alt, width, height },
    live: story.live,
  };
}

/** The query of a request: first value of each parameter, unknown parameters ignored. */
export function queryObject(searchParams: URLSearchParams, keys: readonly string[]): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of keys) {
    const value = searchParams.get(key);
    if (value !== null) query[key] = value;
  }
  return query;
}
