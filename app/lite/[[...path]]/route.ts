import { liteTargetHeader, liteViaHeader } from '@/lib/routing/request-headers';
import { liteAnswer } from '@/lib/lite/lite-answer';

/**
 * A reader page's lite version (issue 31). Readers never ask this path: the proxy rewrites a
 * `.lite` address, or a full page's address asked with `Save-Data: on`, to it (proxy.ts), and
 * answers 404 to anyone who asks for it by name.
 */
export async function GET(request: Request): Promise<Response> {
  const target = request.headers.get(liteTargetHeader);
  if (!target?.startsWith('/')) return new Response(null, { status: 404 });
  return liteAnswer(request, target, request.headers.get(liteViaHeader) === 'save-data');
}

export const dynamic = 'force-dynamic';
