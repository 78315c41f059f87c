import { fileURLToPath } from 'node:url';

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Pages, cached route data and unstable_cache reads live here, invalidated by content tags
  // that every write records in the store (docs/decisions/008-caching-by-content-tags.md).
  cacheHandler: fileURLToPath(new URL('./lib/cache/next-cache-handler.mjs', import.meta.url)),
  cacheMaxMemorySize: 0,
  reactStrictMode: true,
  poweredByHeader: false,
  // Metadata goes into <head> before the body for every user agent, not only the crawlers Next
  // recognises: our metadata reads the same cached data as the page, so waiting costs nothing.
  htmlLimitedBots: /.*/,
  images: {
    formats: ['image/avif', 'image/webp'],
    localPatterns: [{ pathname: '/images/**', search: '' }],
    deviceSizes: [480, 640, 750, 828, 1080, 1200, 1600, 2000],
    imageSizes: [160, 320],
    qualities: [70],
  },
};

export default nextConfig;
