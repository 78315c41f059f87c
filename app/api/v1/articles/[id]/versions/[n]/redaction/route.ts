import { withErrorHandling } from '@/lib/api/responses';
import { redactStoryVersion } from '@/lib/api/newsroom-handlers';

/**
 * POST /api/v1/articles/{id}/versions/{n}/redaction — `{ "reason" }`: a kept version's text is
 * taken out of every answer for a legal reason; the fact, the reason and the time stay. 409 for
 * the current version (issue 32).
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string; n: string }> }) {
  return withErrorHandling(request, async () => {
    const { id, n } = await params;
    return redactStoryVersion(request, id, n);
  });
}
