import { withErrorHandling } from '@/lib/api/responses';
import { addCorrection, storyWrite } from '@/lib/api/publish-handlers';

/**
 * POST /api/v1/articles/{id}/corrections — add a correction to a story: { text, at? } (at
 * defaults to now). Corrections are append-only: none is ever changed or removed.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return withErrorHandling(request, () => storyWrite(request, params, addCorrection));
}
