import { withErrorHandling } from '@/lib/api/responses';
import { refuseUnlessAuthorised } from '@/lib/api/publish-auth';
import { readMediaFile } from '@/lib/api/media-handlers';
import { getStore } from '@/lib/store/database';

/**
 * GET /api/v1/media/{id} — what the store knows of an uploaded video, recording or caption file
 * (decision 025): the upload's answer again, with where its renditions stand (`pending`, `ready`,
 * `failed`) and, once made, each of them. With the publishing token; never cached.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return withErrorHandling(request, async () => {
    const { db } = await getStore();
    const refused = await refuseUnlessAuthorised(request, db);
    if (refused) return refused;
    return readMediaFile(db, (await params).id);
  });
}
