import { cacheStatus } from '@/lib/cache/cache-status';
import { pingStore } from '@/lib/store/database';
import { assumptionReport } from '@/lib/http/next-formats.mjs';

/**
 * GET /api/ready — readiness: the content store answers a query and, when REDIS_URL is set, the
 * shared cache answers a ping, each within a second. 200 when both do, 503 (with what failed)
 * when not: a load balancer sends no new readers here until it is ready again. `next` lists
 * the assumptions about Next's private formats checked so far and any that failed
 * (lib/http/next-formats.mjs): a failed one leaves the instance ready — it serves correctly
 * through Next, only without the optimisation that rests on it — and says so here.
 */
export const dynamic = 'force-dynamic';

const withinASecond = <T>(promise: Promise<T>) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer within 1 s')), 1000))]);

async function check(run: () => Promise<unknown>): Promise<{ ok: boolean; error?: string }> {
  try {
    await withinASecond(run());
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

export async function GET() {
  const store = await check(pingStore);
  const cache = process.env.REDIS_URL
    ? {
        ...(await check(async () => {
          const shared = cacheStatus()?.sharedCache();
          if (!shared) throw new Error('the shared cache has not started');
          return shared.ping();
        })),
        shared: true,
      }
    : { ok: true, shared: false };
  const ready = store.ok && cache.ok;
  return Response.json(
    { status: ready ? 'ready' : 'unavailable', store, cache, next: assumptionReport() },
    { status: ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
