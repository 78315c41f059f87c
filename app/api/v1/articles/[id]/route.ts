import { articleIdPattern } from '@/lib/domain/live-updates-contract';
import { withdrawArticle } from '@/lib/api/publish-handlers';
import { refuseUnlessAuthorised } from '@/lib/api/publish-auth';
import { apiError, jsonResponse, withErrorHandling } from '@/lib/api/responses';
import { privateNoStore } from '@/lib/cache/cache-control';
import { readArticle } from '@/lib/api/read-handlers';
import { readArticleForEditor } from '@/lib/api/publish-handlers';
import { getStore } from '@/lib/store/database';
import { taggedRoute } from '@/lib/cache/response-tags';

/**
 * GET /api/v1/articles/{id} — a published story as the publishing API takes it (the import's
 * schema), with its `path`: what an editing tool reads before it sends a correction. 410 for a
 * withdrawn story, 404 for any other id. Public: it holds only what the page shows.
 *
 * With the publishing token, an editor's read: the story whatever its status — a draft or a
 * scheduled story too, with a fresh preview link — never cached (decision 015).
 */
async function readStory(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return withErrorHandling(request, async () => {
    const { id } = await params;
    if (!articleIdPattern.test(id))
      return apiError(404, `No story "${id.slice(0, 100)}"`, [{ parameter: 'id', message: 'no such story' }], {
        'Cache-Control': 'public, max-age=0, s-maxage=30',
      });
    const { db } = await getStore();
    if (request.headers.has('authorization')) {
      const refused = await refuseUnlessAuthorised(request, db);
      if (refused) return refused;
      return readArticleForEditor(db, id);
    }
    return readArticle(db, id);
  });
}

/** GET: the answer carries the content tags of what it read (lib/cache/response-tags.ts). */
export const GET = taggedRoute(readStory);

/**
 * DELETE /api/v1/articles/{id} — withdraw a story. Its address answers 410 from then on, and it
 * leaves every list, feed and sitemap. Withdrawing twice is harmless.
 */
export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return withErrorHandling(request, async () => {
    const { db } = await getStore();
    const refused = await refuseUnlessAuthorised(request, db);
    if (refused) return refused;
    const { id } = await params;
    if (!articleIdPattern.test(id)) return apiError(404, `No story "${id.slice(0, 100)}"`, [{ parameter: 'id', message: 'no such story' }]);
    const outcome = await withdrawArticle(db, id);
    if (!outcome.ok) return apiError(outcome.status, outcome.message, outcome.issues);
    return jsonResponse(outcome.body, { headers: { 'Cache-Control': privateNoStore } });
  });
}
