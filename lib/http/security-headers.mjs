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
 * gets a nonce instead, which Next puts on its own scripts. Styles: Next writes the page's CSS
 * into one `<style>` (experimental.inlineCss), allowed by its hash, taken from the page when
 * the cache stores it, or among the hashes of every `<style>` this build can write when the
 * page is rendered for one request. Anything else — API answers, feeds, files, errors — gets
 * the base policy, which allows no inline script or style at all.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { imageHosts } from '../domain/image-hosts.mjs';
import { frameOriginsOf } from '../domain/embed-origins.mjs';

/**
 * @param {{ scriptSources?: string[], styleSources?: string[], frameSources?: string[], env?: Readonly<Record<string, string | undefined>> }} [options]
 * @returns {string}
 */
export function contentSecurityPolicy({ scriptSources = [], styleSources = [], frameSources = [], env = process.env } = {}) {
  const images = ["'self'", ...imageHosts(env).map((host) => `https://${host}`)];
  return [
    "default-src 'self'",
    `script-src ${["'self'", ...scriptSources].join(' ')}`,
    // Stylesheets are files, or a page's own <style> by hash (Next inlines a page's CSS,
    // decision 009); next/image writes a style attribute on its pictures.
    `style-src ${["'self'", ...styleSources].join(' ')}`,
    "style-src-attr 'unsafe-inline'",
    `img-src ${images.join(' ')}`,
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "media-src 'self'",
    // The service worker (issue 31), from this site only; no other worker.
    "worker-src 'self'",
    // Closed, but to the embeds a page shows (decision 025): their frames, once the reader asks.
    `frame-src ${frameSources.length ? frameSources.join(' ') : "'none'"}`,
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
 * The hash sources of a document's `<style>` elements (raw text: what the browser hashes).
 * @param {string} html
 * @returns {string[]}
 */
export function inlineStyleHashes(html) {
  const hashes = new Set();
  for (const match of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) {
    if (match[1]) hashes.add(sha256Source(match[1]));
  }
  return [...hashes];
}

/**
 * The CSP of one cached render of a page: its inline scripts and styles by hash.
 * @param {string} html
 */
export function pageContentSecurityPolicy(html) {
  return contentSecurityPolicy({ scriptSources: inlineScriptHashes(html), styleSources: inlineStyleHashes(html), frameSources: frameOriginsOf(html) });
}

/** A fresh nonce for a page rendered for one request. */
export function newNonce() {
  return randomBytes(18).toString('base64');
}

/**
 * The most stylesheets a build may have: a page rendered for one request allows every order of
 * every choice of them (64 hashes at four). prepare-standalone fails a build with more.
 */
export const maxBuildStylesheets = 4;

/**
 * The texts of this build's stylesheets, in a stable order (`.next/static` under the server's
 * working directory; none under `next dev`, where Next links its stylesheets).
 * @param {string} [staticDir]
 * @returns {string[]}
 */
export function buildStylesheets(staticDir = path.join(process.cwd(), '.next', 'static')) {
  if (!fs.existsSync(staticDir)) return [];
  return fs
    .readdirSync(staticDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.css'))
    .sort()
    .map((file) => fs.readFileSync(path.join(staticDir, file), 'utf8'));
}

/**
 * Every `<style>` element a page of this build can carry, by hash. Next inlines a page's
 * stylesheets (experimental.inlineCss) as one `<style>` holding the files it needs one after
 * the other, in the order React met them; React gives that element no nonce. A page rendered
 * for one request cannot be hashed before it is sent, so its policy allows each order of each
 * choice of the build's stylesheets: with cssChunking 'graph' the build has three (15 hashes).
 * @param {string[]} sheets
 * @returns {string[]}
 */
export function styleHashesOf(sheets) {
  if (sheets.length > maxBuildStylesheets) {
    throw new Error(`the build has ${sheets.length} stylesheets, more than the ${maxBuildStylesheets} a per-request page's policy can list (decision 011)`);
  }
  /** @type {string[]} */
  const hashes = [];
  /** @param {string} text @param {number[]} used */
  const extend = (text, used) => {
    sheets.forEach((sheet, i) => {
      if (used.includes(i)) return;
      hashes.push(sha256Source(text + sheet));
      extend(text + sheet, [...used, i]);
    });
  };
  extend('', []);
  return [...new Set(hashes)];
}

/** @type {string[] | undefined} */
let buildStyleHashes;

/** This build's hashes; none where there is no build to read (`next dev` links its stylesheets) or too many sheets (the build refuses those). */
function currentBuildStyleHashes() {
  try {
    return styleHashesOf(buildStylesheets());
  } catch {
    return [];
  }
}

/**
 * The policy of a page rendered for one request: its scripts by nonce (Next puts the nonce on
 * them), its `<style>` by the build's hashes (styleHashesOf).
 * @param {string} nonce
 * @param {string[]} [styleHashes]
 */
export function nonceContentSecurityPolicy(nonce, styleHashes = (buildStyleHashes ??= currentBuildStyleHashes())) {
  return contentSecurityPolicy({ scriptSources: [`'nonce-${nonce}'`], styleSources: styleHashes });
}

/**
 * The CSP of a self-contained document with inline styles of its own (the 503 page).
 * @param {string[]} styles the text of its `<style>` elements
 */
export function documentWithStylesPolicy(styles) {
  return contentSecurityPolicy({ styleSources: styles.map(sha256Source) });
}

/**
 * The CSP of a lite page (issue 31): its one inline stylesheet, and no script at all.
 * @param {string[]} styles the text of its `<style>` elements
 */
export function litePagePolicy(styles) {
  return documentWithStylesPolicy(styles).replace("script-src 'self'", "script-src 'none'");
}

/**
 * The policy of a picture Next's image optimizer answers: nothing may run in it, even opened on
 * its own (an SVG, say); the same base directives as every other answer (next.config.js).
 * @returns {string}
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
