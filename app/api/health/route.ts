/**
 * GET /api/health — liveness: the process is up and answering. It checks nothing else, so a
 * load balancer never restarts an instance because the database is away (that is /api/ready).
 */
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
}
