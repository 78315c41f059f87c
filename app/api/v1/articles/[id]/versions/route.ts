import { withErrorHandling } from '@/lib/api/responses';
import { readVersions } from '@/lib/api/newsroom-handlers';

/**
 * GET /api/v1/articles/{id}/versions — every version of a story, oldest first, the current one
 * last: for editors (the publishing token), never cached. A redacted version carries its reason
 * and no text (issue 32).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return withErrorHandling(request, async () => readVersions(request, (await params).id));
}
