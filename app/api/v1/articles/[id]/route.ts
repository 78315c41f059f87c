import { articleIdPattern } from '@/lib/api/live-updates';
import { withdrawArticle } from '@/lib/api/publish-article';
import { refuseUnlessAuthorised } from '@/lib/api/publishing';
import { apiError, jsonResponse, withErrorHandling } from '@/lib/api/responses';
import { privateNoStore } from '@/lib/cache/cache-control';
import { getStore } from '@/lib/store/database';

/**
 * DELETE /api/v1/articles/{id} — withdraw a story. Its address answers 410 from then on, and it
 * leaves every list, feed and sitemap. Withdrawing twice is harmless.
 */
export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return withErrorHandling(request, async () => {
    const refused = refuseUnlessAuthorised(request);
    if (refused) return refused;
    const { id } = await params;
    if (!articleIdPattern.test(id)) return apiError(404, `No story "${id}"`, [{ parameter: 'id', message: 'no such story' }]);
    const { db } = await getStore();
    const outcome = await withdrawArticle(db, id);
    if (!outcome.ok) return apiError(outcome.status, outcome.message, outcome.issues);
    return jsonResponse(outcome.body, { headers: { 'Cache-Control': privateNoStore } });
  });
}
