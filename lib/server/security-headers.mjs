// @ts-check
/**
 * The security headers every answer carries, and the Content-Security-Policy of each kind of
 * answer (docs/decisions/011-content-security-policy.md).
 *
 * Plain JavaScript: the HTTP front (lib/server/http-front.mjs) and the page cache handler
 * (lib/cache/next-cache-handler.mjs) run outside Next's bundler and use it too.
 *
 * Scripts: a page the cache holds is the same for every reader, so it cannot carry a
 * per-request nonce. Its CSP allows this site's script files and, by hash, exactly the inline
 * scripts of that render (Next's bootstrap and its RSC payload): the cache handler hashes them
 * once, when it stores the page, beside the ETag. A page rendered for one request (search)
 * gets a nonce instead, which Next puts on its own scripts. Anything else — API answers,
 * feeds, files, errors — gets the base policy, which allows no inline script at all.
 */
import { createHash, randomBytes } from 'node:crypto';
import { imageHosts } from '../domain/image-hosts.mjs';

/**
 * @param {{ scriptSources?: string[], env?: Readonly<Record<string, string | undefined>> }} [options]
 * @returns {string}
 */
export function contentSecurityPolicy({ scriptSources = [], env = process.env } = {}) {
  const images = ["'self'", ...imageHosts(env).map((host) => `https://${host}`)];
  return [
    "default-src 'self'",
    `script-src ${["'self'", ...scriptSources].join(' ')}`,
    // Stylesheets are files; next/image writes a style attribute on its pictures.
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    `img-src ${images.join(' ')}`,
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "media-src 'self'",
    "worker-src 'none'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

/** @param {string} text */
const sha256Source = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The hash sources of a document's inline scripts: every `<script>` without `src` whose type
 * is one a browser runs (JSON-LD and other data blocks are not scripts to CSP).
 * @param {string} html
 * @returns {string[]}
 */
export function inlineScriptHashes(html) {
  const hashes = new Set();
  const pattern = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
  for (const match of html.matchAll(pattern)) {
    const attributes = match[1] ?? '';
    const body = match[2] ?? '';
    if (/\ssrc\s*=/i.test(attributes) || body === '') continue;
    const type = /\stype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
    if (type && type !== 'module' && type !== 'text/javascript' && type !== 'application/javascript') continue;
    hashes.add(sha256Source(body));
  }
  return [...hashes];
}

/**
 * The CSP of one cached render of a page: its inline scripts by hash.
 * @param {string} html
 */
export function pageContentSecurityPolicy(html) {
  return contentSecurityPolicy({ scriptSources: inlineScriptHashes(html) });
}

/** A fresh nonce for a page rendered for one request. */
export function newNonce() {
  return randomBytes(18).toString('base64');
}

/** @param {string} nonce */
export function nonceContentSecurityPolicy(nonce) {
  return contentSecurityPolicy({ scriptSources: [`'nonce-${nonce}'`] });
}

/**
 * The CSP of a self-contained document with inline styles of its own (the 503 page).
 * @param {string[]} styles the text of its `<style>` elements
 */
export function documentWithStylesPolicy(styles) {
  return contentSecurityPolicy().replace("style-src 'self'", `style-src 'self' ${styles.map(sha256Source).join(' ')}`);
}

/**
 * The policy of a picture Next's image optimizer answers: nothing may run in it, even opened on
 * its own (an SVG, say); the same base directives as every other answer (next.config.js).
 */
export function imageResponsePolicy() {
  return `${contentSecurityPolicy().replace("script-src 'self'", "script-src 'none'")}; sandbox`;
}

/** Headers that are the same on every answer of the site. */
export const constantSecurityHeaders = Object.freeze({
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  // For browsers that predate frame-ancestors.
  'X-Frame-Options': 'SAMEORIGIN',
});
