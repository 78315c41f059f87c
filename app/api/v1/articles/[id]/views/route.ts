import { withErrorHandling } from '@/lib/api/responses';
import { readViews } from '@/lib/api/newsroom-handlers';

/**
 * GET /api/v1/articles/{id}/views — how many readers read a story, per UTC hour over the last
 * 30 days, with the last 24 hours' total: for editors (the publishing token), never cached (issue 32).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return withErrorHandling(request, async () => readViews(request, (await params).id));
}
