import { registered } from '../runtime/process-state.mjs';
import type { z } from 'zod';
import { logger, markErrorLogged, requestIdHeader } from '../log';
import { isStoreConfigError, isStoreUnavailable } from '../store/store-errors';

/**
 * JSON answers of the API. Errors name what was wrong and, where it is a parameter or a field,
 * which one; they never carry a stack trace or SQL.
 */

export type ApiIssue = { parameter?: string; field?: string; message: string };

export function jsonResponse(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...init.headers },
  });
}

export function apiError(status: number, message: string, issues: ApiIssue[] = [], headers: Record<string, string> = {}): Response {
  return jsonResponse({ error: { status, message, ...(issues.length ? { issues } : {}) } }, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}

export function parameterIssues(error: z.ZodError): ApiIssue[] {
  return error.issues.map((issue) => ({ parameter: issue.path.map(String).join('.') || undefined, message: issue.message }));
}

export function fieldIssues(error: z.ZodError): ApiIssue[] {
  return error.issues.map((issue) => ({ field: issue.path.map(String).join('.') || '(body)', message: issue.message }));
}

/**
 * Runs a handler: a store that cannot be reached answers 503 with Retry-After, anything else
 * unexpected a plain 500; both are logged (JSON, with the request id) on the server only.
 */
export async function withErrorHandling(request: Request, handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    const reqId = request.headers.get(requestIdHeader) ?? undefined;
    markErrorLogged(reqId);
    if (isStoreUnavailable(error) || isStoreConfigError(error)) {
      registered('metrics')?.storeError('store');
      logger.error({ reqId, path: new URL(request.url).pathname, err: (error as Error).message }, 'api: content store unreachable');
      return apiError(503, 'The content store is unavailable. Try again in a moment.', [], { 'Retry-After': '30', 'Cache-Control': 'no-store' });
    }
    logger.error(
      { reqId, path: new URL(request.url).pathname, err: error instanceof Error ? { message: error.message, stack: error.stack } : String(error) },
      'api: unexpected error',
    );
    return apiError(500, 'Something went wrong on our side. Try again in a moment.');
  }
}

/** Lists change when a story is published: a CDN may hold them briefly and serve stale while refreshing. */
export const listCacheControl = 'public, max-age=0, s-maxage=30, stale-while-revalidate=300, stale-if-error=86400';
