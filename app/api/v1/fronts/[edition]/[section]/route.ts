import { handleFront } from '@/lib/api/front-handlers';
import { withErrorHandling } from '@/lib/api/responses';

/** /api/v1/fronts/{edition}/{section} — what leads a section's front: as the edition's home (../route.ts). */
type Params = { params: Promise<{ edition: string; section: string }> };

const handle = (request: Request, { params }: Params) => withErrorHandling(request, async () => handleFront(request, await params));

export { handle as GET, handle as PUT, handle as DELETE };
