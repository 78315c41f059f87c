import { api } from '@/lib/domain/urls';
import type { ArticleListResponse } from '@/lib/domain/api-contract';
import type { LiveUpdatesResponse } from '@/lib/domain/live-updates-contract';

/**
 * What the browser islands ask the JSON API, and the query keys they cache the answers under.
 * The server prefetches under the same keys, so a hydrated island starts with the answer.
 */

export type ArticleListParams = { edition: string; section?: string; tag?: string; author?: string; limit: number; cursor?: string };

export const articleListKey = (params: Omit<ArticleListParams, 'cursor'>) => ['articles', params] as const;
export const articlePagesKey = (params: Omit<ArticleListParams, 'cursor'> & { from: string }) => ['article-pages', params] as const;
export const liveUpdatesKey = (articleId: string, after: string | null) => ['live-updates', articleId, after] as const;

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as T;
}

export function fetchArticleList(params: ArticleListParams): Promise<ArticleListResponse> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) query.set(key, String(value));
  return getJson(api.articles(query));
}

export function fetchLiveUpdates(articleId: string, after: string | null): Promise<LiveUpdatesResponse> {
  return getJson(api.liveUpdates(articleId, after));
}
