import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ListPosition } from './stories';

/**
 * Opaque, tamper-evident list cursors: the keyset position (and the list it belongs to),
 * base64url-encoded and signed with HMAC-SHA256. A cursor that was edited, forged, or taken
 * from another list is refused.
 */

type CursorBody = { l: string; t: number; i: string };

const signatureLength = 22; // 128 bits of the HMAC, base64url

function sign(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url').slice(0, signatureLength);
}

export function encodeCursor(list: string, position: ListPosition, secret: string): string {
  const payload = Buffer.from(JSON.stringify({ l: list, t: position.publishedTs, i: position.id } satisfies CursorBody)).toString('base64url');
  return `${payload}.${sign(payload, secret)}`;
}

/** The position a cursor points at, or null when it is malformed, forged or from another list. */
export function decodeCursor(token: string, list: string, secret: string): ListPosition | null {
  if (token.length > 512) return null;
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<CursorBody>;
    if (body.l !== list || typeof body.t !== 'number' || !Number.isSafeInteger(body.t) || typeof body.i !== 'string') return null;
    return { publishedTs: body.t, id: body.i };
  } catch {
    return null;
  }
}
