/**
 * The framework's floor (issue 17): a trivial Next.js page with our article's text and
 * picture, no client component of its own, no proxy, no cache handler. `npm run bench` builds
 * it here and serves it with `next start` beside our site, so that every figure of ours is
 * compared with what Next itself costs on the same machine in the same run.
 *
 * @type {import('next').NextConfig}
 */
const floorConfig = {
  poweredByHeader: false,
  // The same picture pipeline as ours (next.config.js): AVIF/WebP at the same widths and quality.
  images: {
    formats: ['image/avif', 'image/webp'],
    deviceSizes: [480, 640, 750, 828, 1080, 1200, 1600, 2000],
    imageSizes: [160, 320],
    qualities: [70],
  },
};

export default floorConfig;
