import { handleBreakingNews } from '@/lib/api/front-handlers';
import { withErrorHandling } from '@/lib/api/responses';

/**
 * /api/v1/breaking/{edition} — the edition's breaking-news banner, with the publishing token
 * (decision 019). PUT `{ "text", "storyId"?, "until"? }` puts it on every page of the edition
 * at once; GET reads it; DELETE takes it down.
 */
type Params = { params: Promise<{ edition: string }> };

const handle = (request: Request, { params }: Params) => withErrorHandling(request, async () => handleBreakingNews(request, await params));

export { handle as GET, handle as PUT, handle as DELETE };
