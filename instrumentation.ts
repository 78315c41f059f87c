import type { Instrumentation } from 'next';

/**
 * Runs once when a server starts: on Node.js, opens the content store and connects the page
 * cache to it (lib/data/process-start.ts). The import sits behind the runtime check so that Next's
 * Edge build of this file leaves it out.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startNodeServer } = await import('./lib/data/process-start');
    await startNodeServer();
  }
}

/** Errors while rendering or in a route: one JSON line with the request id and where it happened. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { logger, markErrorLogged } = await import('./lib/log');
    const headers = request.headers as Record<string, string | string[] | undefined>;
    const reqId = headers['x-request-id'];
    markErrorLogged(typeof reqId === 'string' ? reqId : undefined);
    logger.error(
      {
        reqId,
        method: request.method,
        path: request.path,
        route: context.routePath,
        err: error instanceof Error ? { message: error.message, digest: (error as Error & { digest?: string }).digest } : String(error),
      },
      'request failed',
    );
  }
};
