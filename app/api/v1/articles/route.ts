import { ArticleListQuerySchema, queryObject } from '@/lib/api/article-list';
import { listArticles } from '@/lib/api/list-articles';
import { apiError, jsonResponse, listCacheControl, parameterIssues, withErrorHandling } from '@/lib/api/responses';
import { getStore } from '@/lib/store/database';

/**
 * GET /api/v1/articles?edition=en&section=&tag=&author=&limit=&cursor=
 * Published stories newest first: `{ items, nextCursor }`. Public and read-only.
 */
export async function GET(request: Request) {
  return withErrorHandling(async () => {
    const searchParams = new URL(request.url).searchParams;
    const parsed = ArticleListQuerySchema.safeParse(queryObject(searchParams, ['edition', 'section', 'tag', 'author', 'limit', 'cursor']));
    if (!parsed.success) return apiError(400, 'Invalid query', parameterIssues(parsed.error));
    const { db } = await getStore();
    const result = await listArticles(db, parsed.data);
    if (!result.ok) return apiError(result.status, result.message, result.issues, { 'Cache-Control': 'public, max-age=0, s-maxage=30' });
    return jsonResponse(result.body, { headers: { 'Cache-Control': listCacheControl } });
  });
}
