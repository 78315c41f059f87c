import { ArticleListQuerySchema, queryObject } from '@/lib/domain/api-contract';
import { listArticles } from '@/lib/api/read-handlers';
import { apiError, jsonResponse, listCacheControl, parameterIssues, withErrorHandling } from '@/lib/api/responses';
import { getStore } from '@/lib/store/database';
import { publishArticle } from '@/lib/api/publish-handlers';
import { readJsonBody, refuseUnlessAuthorised } from '@/lib/api/publish-auth';
import { privateNoStore, untilNextScheduled } from '@/lib/cache/cache-control';
import { taggedRoute } from '@/lib/cache/response-tags';

/**
 * GET /api/v1/articles?edition=en&section=&tag=&author=&limit=&cursor=
 * Published stories newest first: `{ items, nextCursor }`. Public and read-only.
 */
async function listStories(request: Request) {
  return withErrorHandling(request, async () => {
    const searchParams = new URL(request.url).searchParams;
    const parsed = ArticleListQuerySchema.safeParse(queryObject(searchParams, ['edition', 'section', 'tag', 'author', 'limit', 'cursor']));
    if (!parsed.success) return apiError(400, 'Invalid query', parameterIssues(parsed.error));
    const { db } = await getStore();
    const result = await listArticles(db, parsed.data);
    if (!result.ok) return apiError(result.status, result.message, result.issues, { 'Cache-Control': 'public, max-age=0, s-maxage=30' });
    return jsonResponse(result.body, { headers: { 'Cache-Control': untilNextScheduled(listCacheControl, parsed.data.edition) } });
  });
}

/** GET: the answer carries the content tags of what it read (lib/cache/response-tags.ts). */
export const GET = taggedRoute(listStories);

/**
 * POST /api/v1/articles — create or update a story by id (JSON, the import's schema).
 * Authorization: Bearer <PUBLISH_TOKEN>. Answers { id, path, status }: 201 when new, 200 when updated.
 */
export async function POST(request: Request) {
  return withErrorHandling(request, async () => {
    const { db } = await getStore();
    const refused = await refuseUnlessAuthorised(request, db);
    if (refused) return refused;
    const body = await readJsonBody(request);
    if (!body.ok) return body.response;
    const outcome = await publishArticle(db, body.value);
    if (!outcome.ok) return apiError(outcome.status, outcome.message, outcome.issues);
    return jsonResponse(outcome.body, { status: outcome.status, headers: { 'Cache-Control': privateNoStore, Location: outcome.body.path } });
  });
}
