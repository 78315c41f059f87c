import { articleIdPattern } from '@/lib/domain/live-updates-contract';
import { apiError, jsonResponse, withErrorHandling } from '@/lib/api/responses';
import { getStore } from '@/lib/store/database';
import { addCorrection } from '@/lib/api/publish-handlers';
import { readJsonBody, refuseUnlessAuthorised } from '@/lib/api/publish-auth';
import { privateNoStore } from '@/lib/cache/cache-control';

/**
 * POST /api/v1/articles/{id}/corrections — add a correction to a story: { text, at? } (at
 * defaults to now). Corrections are append-only: none is ever changed or removed.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return withErrorHandling(request, async () => {
    const { db } = await getStore();
    const refused = await refuseUnlessAuthorised(request, db);
    if (refused) return refused;
    const { id } = await params;
    if (!articleIdPattern.test(id)) return apiError(404, `No story "${id.slice(0, 100)}"`, [{ field: 'id', message: 'no such story' }]);
    const body = await readJsonBody(request);
    if (!body.ok) return body.response;
    const outcome = await addCorrection(db, id, body.value);
    if (!outcome.ok) return apiError(outcome.status, outcome.message, outcome.issues);
    return jsonResponse(outcome.body, { status: outcome.status, headers: { 'Cache-Control': privateNoStore } });
  });
}
