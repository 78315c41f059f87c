import { createHash, timingSafeEqual } from 'node:crypto';
import { apiError } from './responses';

/**
 * The rules every write to the publishing API follows: a bearer token compared in constant
 * time, refused outright when the server has none; JSON only; a bounded body.
 */

/** Bodies above this answer 413 (PUBLISH_MAX_BYTES, default 1 MB): a story is text, not media. */
export function maxPublishBytes(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const value = Number(env.PUBLISH_MAX_BYTES);
  return Number.isInteger(value) && value > 0 ? value : 1024 * 1024;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** null when the request may write; otherwise the 401 to answer. */
export function refuseUnlessAuthorised(request: Request): Response | null {
  const expected = process.env.PUBLISH_TOKEN;
  const challenge = { 'WWW-Authenticate': 'Bearer realm="publishing"' };
  if (!expected) return apiError(401, 'Publishing is switched off on this server: PUBLISH_TOKEN is not set', [], challenge);
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
  if (!match) return apiError(401, 'Send the publishing token as Authorization: Bearer <token>', [], challenge);
  // Hash both sides so that the comparison takes the same time whatever the token's length.
  if (!timingSafeEqual(digest(match[1]!), digest(expected))) return apiError(401, 'The publishing token is not valid', [], challenge);
  return null;
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
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) return tooLarge();
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
        return tooLarge();
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, response: apiError(400, 'The body is not valid JSON', [{ field: '(body)', message: error instanceof Error ? error.message : 'cannot be parsed' }]) };
  }
}
