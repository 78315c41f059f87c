import { articleIdPattern, LiveUpdatesQuerySchema } from '@/lib/domain/live-updates-contract';
import { queryObject } from '@/lib/domain/api-contract';
import { apiError, parameterIssues, withErrorHandling } from '@/lib/api/responses';
import { readLiveUpdates } from '@/lib/api/read-handlers';
import { getStore } from '@/lib/store/database';
import { publishLiveUpdate, storyWrite } from '@/lib/api/publish-handlers';
import { taggedRoute } from '@/lib/cache/response-tags';

/**
 * GET /api/v1/articles/{id}/updates?after={updateId}&limit=: the updates of a live story,
 * newest first — with `after`, only those newer than that update.
 */
async function readUpdates(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return withErrorHandling(request, async () => {
    const { id } = await params;
    if (!articleIdPattern.test(id)) return apiError(404, `No live story "${id.slice(0, 100)}"`, [{ parameter: 'id', message: 'no such story' }]);
    const parsed = LiveUpdatesQuerySchema.safeParse(queryObject(new URL(request.url).searchParams, ['after', 'limit']));
    if (!parsed.success) return apiError(400, 'Invalid query', parameterIssues(parsed.error));
    return readLiveUpdates((await getStore()).db, id, parsed.data);
  });
}

/** GET: the answer carries the content tags of what it read (lib/cache/response-tags.ts). */
export const GET = taggedRoute(readUpdates);

/**
 * POST /api/v1/articles/{id}/updates — add (or correct, by id) an update of a live story:
 * { title?, body: [blocks], publishedAt?, id? }. Time defaults to now.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return withErrorHandling(request, () => storyWrite(request, params, publishLiveUpdate));
}
