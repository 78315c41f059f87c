/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  images: {
    formats: ['image/avif', 'image/webp'],
    localPatterns: [{ pathname: '/images/**', search: '' }],
    deviceSizes: [480, 640, 750, 828, 1080, 1200, 1600, 2000],
    imageSizes: [160, 320],
    qualities: [70],
  },
};

export default nextConfig;
