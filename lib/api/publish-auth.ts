import { clientAddressHeader } from '../domain/front-headers.mjs';
import { createHash, timingSafeEqual } from 'node:crypto';
import { logger, requestIdHeader } from '../log';
import { clearAuthFailures, readAuthFailures, recordAuthFailure } from '../store/auth-failures';
import type { Db } from '../store/database';
import { apiError } from './responses';

/**
 * The rules every write to the publishing API follows: a bearer token compared in constant
 * time, refused outright when the server has none; a client that sends wrong tokens is refused
 * with 429 for a while, on every instance; JSON only; a bounded body.
 */

/** Set by the HTTP front (lib/server/http-front.mjs) from the socket, or from a trusted proxy's X-Forwarded-For. */

/** Wrong tokens an address may send in a window before it gets 429 (PUBLISH_AUTH_MAX_FAILURES, default 10). */
function authThrottle(env: Readonly<Record<string, string | undefined>> = process.env): { maxFailures: number; windowMs: number } {
  const max = Number(env.PUBLISH_AUTH_MAX_FAILURES);
  const seconds = Number(env.PUBLISH_AUTH_WINDOW_SECONDS);
  return {
    maxFailures: Number.isInteger(max) && max > 0 ? max : 10,
    windowMs: (Number.isInteger(seconds) && seconds > 0 ? seconds : 300) * 1000,
  };
}

/** Bodies above this answer 413 (PUBLISH_MAX_BYTES, default 1 MB): a story is text, not media. */
function maxPublishBytes(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const value = Number(env.PUBLISH_MAX_BYTES);
  return Number.isInteger(value) && value > 0 ? value : 1024 * 1024;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/**
 * null when the request may write; otherwise the 401 to answer, or 429 when its address has
 * sent too many wrong tokens lately (with Retry-After; even the right token waits, so that the
 * answer tells a guesser nothing). Other addresses are not affected.
 */
export async function refuseUnlessAuthorised(request: Request, db: Db): Promise<Response | null> {
  const expected = process.env.PUBLISH_TOKEN;
  const challenge = { 'WWW-Authenticate': 'Bearer realm="publishing"' };
  if (!expected) return apiError(401, 'Publishing is switched off on this server: PUBLISH_TOKEN is not set', [], challenge);
  const client = request.headers.get(clientAddressHeader) || 'unknown';
  const reqId = request.headers.get(requestIdHeader) ?? undefined;
  const { maxFailures, windowMs } = authThrottle();
  const now = Date.now();
  const tooMany = (windowEndsTs: number, failures: number) => {
    const retryAfter = Math.max(1, Math.ceil((windowEndsTs - now) / 1000));
    logger.warn({ reqId, client, failures }, 'publishing: too many wrong tokens from this address; answered 429');
    return apiError(429, `Too many failed attempts from this address. Try again in ${retryAfter} seconds.`, [], { 'Retry-After': String(retryAfter) });
  };
  const before = await readAuthFailures(db, client, now, windowMs);
  if (before.failures >= maxFailures) return tooMany(before.windowEndsTs, before.failures);

  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
  // Hash both sides so that the comparison takes the same time whatever the token's length.
  if (match && timingSafeEqual(digest(match[1]!), digest(expected))) {
    if (before.failures > 0) await clearAuthFailures(db, client);
    return null;
  }
  const after = await recordAuthFailure(db, client, now, windowMs);
  if (after.failures > maxFailures) return tooMany(after.windowEndsTs, after.failures);
  logger.warn({ reqId, client, failures: after.failures }, match ? 'publishing: wrong token' : 'publishing: no token');
  if (!match) return apiError(401, 'Send the publishing token as Authorization: Bearer <token>', [], challenge);
  return apiError(401, 'The publishing token is not valid', [], challenge);
}

export type JsonBody = { ok: true; value: unknown } | { ok: false; response: Response };

/** Reads a JSON body, stopping at the size limit instead of buffering whatever is sent. */
export async function readJsonBody(request: Request): Promise<JsonBody> {
  const limit = maxPublishBytes();
  const tooLarge = () => ({ ok: false as const, response: apiError(413, `The body is larger than ${limit} bytes`) });
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    return { ok: false, response: apiError(415, 'Send the body as JSON, with Content-Type: application/json') };
  }
  const body = await readBodyBytes(request, limit);
  if (!body.ok) return tooLarge();
  const text = Buffer.from(body.bytes).toString('utf8');
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return {
      ok: false,
      response: apiError(400, 'The body is not valid JSON', [{ field: '(body)', message: error instanceof Error ? error.message : 'cannot be parsed' }]),
    };
  }
}

/** Reads a body up to `limit` bytes, stopping (and saying so) as soon as it is larger, instead of buffering whatever is sent. */
export async function readBodyBytes(request: Request, limit: number): Promise<{ ok: true; bytes: Uint8Array } | { ok: false }> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) return { ok: false };
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        return { ok: false };
      }
      chunks.push(value);
    }
  }
  return { ok: true, bytes: new Uint8Array(Buffer.concat(chunks)) };
}
