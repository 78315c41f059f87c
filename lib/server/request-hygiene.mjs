// @ts-check
/**
 * Request hygiene, before anything else looks at a request (http-front.mjs): who sent it (the
 * client's address through trusted proxies), and whether its target is one this site can
 * answer — an origin-form path (else 400), not overlong (414), its stray `%` taken literally
 * (so that a malformed address is a 404, never the framework's 500), and a picture path the
 * image optimizer can fetch from itself (else 400).
 */
import { pathOf, send } from './answers.mjs';
import { pathSegments, splitTarget } from '../domain/url-grammar.mjs';

const maxTargetLength = 8192;

/**
 * The same path (or whole request target) with every `%` that does not begin a well-formed, valid UTF-8 percent-encoded
 * sequence escaped as `%25`; the path itself when it decodes.
 * @param {string} path
 * @returns {string}
 */
export function literalPercents(path) {
  if (!path.includes('%')) return path;
  try {
    decodeURIComponent(path);
    return path;
  } catch {
    // repaired below
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let out = '';
  let i = 0;
  while (i < path.length) {
    if (path[i] !== '%') {
      out += path[i];
      i += 1;
      continue;
    }
    // A run of %XX triplets: valid when its bytes are UTF-8, else every % of it is literal.
    let j = i;
    const bytes = [];
    while (j + 2 < path.length && path[j] === '%' && /^[0-9a-fA-F]{2}$/.test(path.slice(j + 1, j + 3))) {
      bytes.push(parseInt(path.slice(j + 1, j + 3), 16));
      j += 3;
    }
    if (bytes.length === 0) {
      out += '%25';
      i += 1;
      continue;
    }
    const run = path.slice(i, j);
    let valid = true;
    try {
      decoder.decode(new Uint8Array(bytes));
    } catch {
      valid = false;
    }
    out += valid ? run : run.replaceAll('%', '%25');
    i = j;
  }
  return out;
}

/**
 * Whether Next can fetch a local picture path from itself and get the file: it decodes, holds
 * no control character or backslash once decoded, and is already in the one form the router
 * answers without a redirect (no empty, `.` or `..` segment, no trailing slash) — Next's image
 * optimizer answers 500 for a redirect.
 * @param {string} path
 */
function isFetchablePath(path) {
  if (literalPercents(path) !== path) return false;
  const decoded = decodeURIComponent(path);
  if (/[\u0000-\u001f\u007f\\]/.test(decoded)) return false;
  const segments = pathSegments(decoded);
  return segments.length > 0 && segments.every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/**
 * Refuses or repairs the request's target; true when it has been answered (400 or 414).
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {import('pino').Logger} log
 * @param {string} reqId
 * @returns {boolean}
 */
export function refusedTarget(req, res, log, reqId) {
  const target = req.url ?? '';
  if (!target.startsWith('/') || target.startsWith('//')) {
    log.warn({ reqId, method: req.method, target: target.slice(0, 200) }, 'refused: not a path on this site');
    send(res, 400, 'text/plain; charset=utf-8', 'Bad request: the request target must be a path on this site.\n', { 'Cache-Control': 'no-store' });
    return true;
  }
  if (target.length > maxTargetLength) {
    log.warn({ reqId, method: req.method, length: target.length }, 'refused: request target too long');
    send(res, 414, 'text/plain; charset=utf-8', `URI too long: at most ${maxTargetLength} characters.\n`, { 'Cache-Control': 'no-store' });
    return true;
  }
  // The query too: some of the framework's own routes (/_next/image) decode it strictly.
  const literal = literalPercents(target);
  if (literal !== target) {
    log.warn({ reqId, method: req.method, target: target.slice(0, 200) }, 'malformed percent-encoding in the request target: taken literally');
    req.url = literal;
  }
  // The framework's image optimizer decodes a local picture's path once more when it fetches
  // it from itself, and answers 500 when that fails: a path that does not decode is a 400 here.
  if (pathOf(target) === '/_next/image') {
    const picture = splitTarget(req.url ?? '').query.get('url') ?? '';
    if (picture.startsWith('/') && !isFetchablePath(picture)) {
      log.warn({ reqId, url: picture.slice(0, 200) }, 'refused: a picture path that does not decode to a plain path');
      send(res, 400, 'text/plain; charset=utf-8', 'Bad request: "url" must be a path that decodes (percent-encoded UTF-8), without control characters.\n', {
        'Cache-Control': 'no-store',
      });
      return true;
    }
  }
  return false;
}

/** @param {string} address */
export function normaliseAddress(address) {
  const trimmed = address.trim().toLowerCase();
  return trimmed.startsWith('::ffff:') && trimmed.includes('.') ? trimmed.slice(7) : trimmed;
}

/**
 * The client's address: the socket's, or, when the socket is a trusted proxy, the nearest
 * address in X-Forwarded-For that is not one of ours (a client may put anything at the start).
 * @param {string} socketAddress
 * @param {string | string[] | undefined} forwardedFor
 * @param {Set<string>} trusted
 */
export function clientAddress(socketAddress, forwardedFor, trusted) {
  if (!forwardedFor || !trusted.has(socketAddress)) return socketAddress;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',').map(normaliseAddress).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    const hop = /** @type {string} */ (hops[i]);
    if (!trusted.has(hop)) return /^[0-9a-f.:]{2,45}$/.test(hop) ? hop : socketAddress;
  }
  return hops[0] ?? socketAddress;
}
