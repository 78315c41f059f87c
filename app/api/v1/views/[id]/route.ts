import { registered } from '@/lib/runtime/process-state.mjs';
import { clientAddressHeader } from '@/lib/domain/front-headers.mjs';
import { beaconCounts } from '@/lib/http/read-beacon.mjs';

/**
 * POST /api/v1/views/{id} — the read beacon (issue 32). In production the HTTP front answers it
 * before Next (lib/server/view-beacon.mjs); this route answers it where there is no front
 * (`next dev`), by the same rule (lib/http/read-beacon.mjs): 204, counted by the view counter.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const userAgent = request.headers.get('user-agent') ?? '';
  if (beaconCounts({ storyId: id, userAgent, fetchSite: request.headers.get('sec-fetch-site') })) {
    registered('views')?.record(id, request.headers.get(clientAddressHeader) ?? '', userAgent);
  }
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
}
