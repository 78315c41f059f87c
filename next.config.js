import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { imageHosts } from './lib/domain/image-hosts.mjs';
import { imageResponsePolicy } from './lib/http/security-headers.mjs';

/**
 * Every instance of one deployment must have the same build id (pages and client bundles are
 * keyed by it). NEXT_BUILD_ID when the deploy pipeline gives one, else the commit built, else
 * Next's random id. Server actions are encrypted with NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, which
 * Next reads itself: set the same value on the build and on every instance (README, "Running
 * several instances").
 */
function buildId() {
  if (process.env.NEXT_BUILD_ID) return process.env.NEXT_BUILD_ID;
  try {
    const commit = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
    return dirty ? null : commit;
  } catch {
    return null;
  }
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A self-contained server in .next/standalone (scripts/prepare-standalone.ts completes it):
  // what each instance of a deployment runs.
  output: 'standalone',
  generateBuildId: buildId,
  // proxy.ts sees the URL the server was asked for. Without this, Next rebuilds it with
  // `localhost` whatever HOSTNAME the server listens on, and a rewrite to an internal page of
  // an instance bound to 127.0.0.1 or a private address is taken for an external URL.
  skipProxyUrlNormalize: true,
  // Pages, cached route data and unstable_cache reads live here, invalidated by content tags
  // that every write records in the store (docs/decisions/008-caching-by-content-tags.md).
  cacheHandler: fileURLToPath(new URL('./lib/cache/next-cache-handler.mjs', import.meta.url)),
  cacheMaxMemorySize: 0,
  reactStrictMode: true,
  // ETags are computed once per render by the cache handler, and conditional requests answered
  // by the proxy; Next would hash every response body again (lib/cache/next-cache-handler.mjs).
  generateEtags: false,
  poweredByHeader: false,
  // Every page's CSS comes in the document, as one <style> (inlineCss): a stylesheet request is
  // a round trip before the first paint, the largest cost between our pages and the framework's
  // floor on a slow network (decision 009, "Inlined CSS"). Its CSP hash is taken when the page is
  // cached (lib/http/security-headers.mjs). The graph merging, with a request priced at 100 kB of
  // CSS, keeps the build at three sheets (the global sheet, one chunk of the components and the
  // not-found page's, and the story history's: issue 32) instead of up to five (docs/decisions/
  // 013-layers.md, Consequences), few enough for a per-request page's policy to list every
  // <style> the build can write.
  experimental: { cssChunking: { type: 'graph', requestCost: 100_000 }, inlineCss: true },
  // Metadata goes into <head> before the body for every user agent, not only the crawlers Next
  // recognises: our metadata reads the same cached data as the page, so waiting costs nothing.
  htmlLimitedBots: /.*/,
  images: {
    formats: ['image/avif', 'image/webp'],
    // Our pictures, and pictures uploaded through the API or the import (decision 015).
    localPatterns: [
      { pathname: '/images/**', search: '' },
      { pathname: '/media/*', search: '' },
    ],
    // Story pictures from other hosts: only those listed in IMAGE_HOSTS, over https. The same
    // list must be set where the server runs (lib/server/main.mjs refuses to start otherwise):
    // the schema and the Content-Security-Policy read it there.
    remotePatterns: imageHosts().map((hostname) => ({ protocol: 'https', hostname, pathname: '/**' })),
    // The end-to-end tests' picture host is on 127.0.0.1, which Next refuses to fetch from
    // (SSRF protection) unless told. Never set IMAGES_ALLOW_LOCAL_IP in production.
    dangerouslyAllowLocalIP: process.env.IMAGES_ALLOW_LOCAL_IP === '1',
    // Resized pictures carry the site's base policy, with no script at all and a sandbox.
    contentSecurityPolicy: imageResponsePolicy(),
    deviceSizes: [480, 640, 750, 828, 1080, 1200, 1600, 2000],
    imageSizes: [160, 320],
    qualities: [70],
  },
};

export default nextConfig;
