/**
 * Which addresses a story may link to or load pictures from. Kept free of dependencies: the
 * renderer uses it in the browser too (live updates), where the schema library must not go.
 */

/** Links may point to the web, to a mail address or to a path of this site — never `javascript:` and friends. */
export function isSafeHref(href: string): boolean {
  if (href.startsWith('/')) return !href.startsWith('//');
  if (href.startsWith('#')) return true;
  try {
    const url = new URL(href);
    return url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'mailto:';
  } catch {
    return false;
  }
}

/** Images live under this site's `/images/` or on an https host. */
export function isImageSource(src: string): boolean {
  if (src.startsWith('/images/')) return !src.includes('..') && !src.includes('\\');
  return /^https:\/\/[^/]+\//.test(src);
}
