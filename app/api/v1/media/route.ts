import { withErrorHandling } from '@/lib/api/responses';
import { refuseUnlessAuthorised } from '@/lib/api/publish-auth';
import { uploadMedia } from '@/lib/api/media-handlers';
import { getStore } from '@/lib/store/database';

/**
 * POST /api/v1/media — upload a picture for stories (decision 015). Same token as publishing.
 * Answers { id, src, width, height, contentType, bytes, suggestedCredit }: 201 when new, 200
 * when the same picture is already stored.
 */
export async function POST(request: Request) {
  return withErrorHandling(request, async () => {
    const { db } = await getStore();
    const refused = await refuseUnlessAuthorised(request, db);
    if (refused) return refused;
    return uploadMedia(db, request);
  });
}
