import { handleFront } from '@/lib/api/front-handlers';
import { withErrorHandling } from '@/lib/api/responses';

/**
 * /api/v1/fronts/{edition} — what leads the edition's home (decision 019), with the publishing
 * token. PUT `{ "lead": "<story id>", "top": ["<story id>", …], "until"? }` sets it; GET reads
 * it back; DELETE returns the home to recency. A story that cannot be placed (unknown,
 * withdrawn, unpublished, of another edition) is refused with a 400 naming it.
 */
type Params = { params: Promise<{ edition: string }> };

const handle = (request: Request, { params }: Params) => withErrorHandling(request, async () => handleFront(request, await params));

export { handle as GET, handle as PUT, handle as DELETE };
