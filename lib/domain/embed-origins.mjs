// @ts-check
/**
 * The origins of the frames that show other sites' posts and clips (lib/domain/embeds.ts,
 * decision 025): the only ones a page's Content-Security-Policy may open its frame-src to, and
 * only a page that shows one of them. Plain JavaScript: the cache handler, outside Next's
 * bundler, reads it to write each page's policy.
 */
export const embedFrameOrigins = /** @type {const} */ ({
  youtube: 'https://www.youtube-nocookie.com',
  vimeo: 'https://player.vimeo.com',
  x: 'https://platform.twitter.com',
  instagram: 'https://www.instagram.com',
  tiktok: 'https://www.tiktok.com',
  bluesky: 'https://embed.bsky.app',
});

const known = new Set(Object.values(embedFrameOrigins));

/**
 * The frame origins a page's embeds name (`data-frame-origin` on their cards), known ones only.
 * @param {string} html
 * @returns {string[]}
 */
export function frameOriginsOf(html) {
  const found = new Set();
  for (const match of html.matchAll(/\sdata-frame-origin="([^"]+)"/g)) {
    if (known.has(/** @type {any} */ (match[1]))) found.add(match[1]);
  }
  return [...found];
}
