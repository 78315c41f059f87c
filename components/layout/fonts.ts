import localFont from 'next/font/local';

/**
 * Source Serif 4 for reading, from @fontsource (self-hosted: nothing is fetched at build time).
 * Latin subset, variable weight; next/font sizes a local fallback so the swap does not shift text.
 */
export const serif = localFont({
  src: [
    { path: '../../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2', weight: '200 900', style: 'normal' },
    { path: '../../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-italic.woff2', weight: '200 900', style: 'italic' },
  ],
  variable: '--font-serif',
  display: 'swap',
  fallback: ['Georgia', 'Times New Roman', 'serif'],
  adjustFontFallback: 'Times New Roman',
});
