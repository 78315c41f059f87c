// @ts-check
/**
 * What the HTTP front (http-front.mjs) answers by itself, and with what: the security headers
 * every answer carries (FrontResponse), a small answer of its own (`send`), and the request ids
 * whose 5xx is already logged.
 */
import http from 'node:http';
import { constantSecurityHeaders, contentSecurityPolicy } from '../http/security-headers.mjs';
import { shared } from '../runtime/process-state.mjs';
import { decisionHeader } from '../domain/front-headers.mjs';
import { pathOfTarget } from '../domain/url-grammar.mjs';

/**
 * What the request's one access line says beyond its method, path and status (http-front.mjs):
 * the proxy's decision (taken off its answer as it is sent), and `from: 'front'` when the front
 * answered without Next; `shed`, why the front answered 503 at once.
 * @type {WeakMap<http.ServerResponse, { decision?: string, from?: string, shed?: string }>}
 */
const accessFields = new WeakMap();

/**
 * @param {http.ServerResponse} res
 * @param {{ decision?: string, from?: string, shed?: string }} fields
 */
export function noteAccess(res, fields) {
  accessFields.set(res, { ...accessFields.get(res), ...fields });
}

/** @param {http.ServerResponse} res */
export const accessOf = (res) => accessFields.get(res) ?? {};

/**
 * The request ids whose 5xx something else already logged (instrumentation's onRequestError,
 * the API's error handler, the proxy when the store is down): shared with Next's bundles
 * (lib/runtime/process-state.mjs), which cannot import this file.
 * @returns {Set<string>}
 */
export function loggedErrorIds() {
  return shared('loggedErrors', () => new Set());
}

/**
 * A response that adds the security headers as it is sent, unless the answer set its own
 * (a page's CSP with its script hashes or nonce). A 304 gets no CSP of ours: a browser or
 * nginx would put it in place of the stored page's own.
 */
export class FrontResponse extends http.ServerResponse {
  /** @param {number} statusCode @param {...any} rest */
  // @ts-expect-error -- writeHead's overloads; every form is passed on unchanged.
  writeHead(statusCode, ...rest) {
    const decision = this.getHeader(decisionHeader);
    if (decision !== undefined) {
      noteAccess(this, { decision: String(decision) });
      this.removeHeader(decisionHeader);
    }
    const given = headerNames(rest);
    for (const [name, value] of Object.entries(constantSecurityHeaders)) {
      if (!this.hasHeader(name) && !given.has(name.toLowerCase())) this.setHeader(name, value);
    }
    if (statusCode !== 304 && !this.hasHeader('content-security-policy') && !given.has('content-security-policy')) {
      this.setHeader('Content-Security-Policy', basePolicy());
    }
    return super.writeHead(statusCode, ...rest);
  }
}

/** @type {string | undefined} */
let cachedBasePolicy;
const basePolicy = () => (cachedBasePolicy ??= contentSecurityPolicy());

/** @param {any[]} args the arguments of writeHead after the status @returns {Set<string>} */
function headerNames(args) {
  const names = new Set();
  const headers = args.find((arg) => arg && typeof arg === 'object');
  if (!headers) return names;
  if (Array.isArray(headers)) {
    if (Array.isArray(headers[0])) for (const [name] of headers) names.add(String(name).toLowerCase());
    else for (let i = 0; i < headers.length; i += 2) names.add(String(headers[i]).toLowerCase());
  } else {
    for (const name of Object.keys(headers)) names.add(name.toLowerCase());
  }
  return names;
}

/**
 * @param {http.ServerResponse} res
 * @param {number} status
 * @param {string} type
 * @param {string} body
 * @param {Record<string, string>} headers
 */
export function send(res, status, type, body, headers) {
  if (res.headersSent) return;
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.end(res.req?.method === 'HEAD' ? undefined : body);
}

/** @param {string} text */
export const escapeHtml = (text) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** @param {string} target */
export function pathOf(target) {
  return pathOfTarget(target).slice(0, 300);
}
