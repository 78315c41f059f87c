/**
 * Which addresses a story may link to or load pictures from. Kept free of dependencies: the
 * renderer uses it in the browser too (live updates), where the schema library must not go.
 *
 * Both are judged the way a browser will read them: by the WHATWG URL parser, which turns
 * `\` into `/` and drops tabs and newlines, so `/\evil.example` or `/<TAB>/evil.example` —
 * "paths" to a string compare — are links to another host.
 */

/** The origin a relative address is resolved against; no real host has this name. */
const here = 'https://this-site.invalid';

/** Links may point to the web, to a mail address or to a path of this site — never `javascript:` and friends. */
export function isSafeHref(href: string): boolean {
  // Tabs and line breaks are removed by the URL parser: an address that needs them is a trick.
  if (/[\t\n\r]/.test(href)) return false;
  if (href.startsWith('/') || href.startsWith('#')) {
    try {
      return new URL(href, here).origin === here;
    } catch {
      return false;
    }
  }
  try {
    const url = new URL(href);
    return url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'mailto:';
  } catch {
    return false;
  }
}

/**
 * A picture's path on this site, decoded and normalised as the server will read it: a path
 * under /images/ with no dot segments, backslashes, control characters or malformed
 * percent-encodings, that the URL parser leaves as it is. Null when it is not one.
 */
export function localImagePath(src: string): string | null {
  if (!src.startsWith('/images/') || /[\\\t\n\r]/.test(src)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(src);
  } catch {
    return null;
  }
  if (/[\u0000-\u001f\u007f\\]/.test(decoded) || decoded.split('/').some((segment) => segment === '.' || segment === '..')) return null;
  let parsed: URL;
  try {
    parsed = new URL(src, here);
  } catch {
    return null;
  }
  if (parsed.origin !== here || parsed.search || parsed.hash || parsed.pathname !== src) return null;
  return decoded;
}

/** An https picture on another host: its host name, else null. */
export function remoteImageHost(src: string): string | null {
  if (!src.startsWith('https://')) return null;
  try {
    const url = new URL(src);
    return url.protocol === 'https:' && url.hostname && !url.username && !url.password && url.pathname.length > 1 ? url.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}

/** An uploaded picture is stored as JPEG, or as WebP when it has transparency (decision 015). */
const mediaPattern = /^\/media\/([0-9a-f]{32})\.(jpg|webp)$/;

/** An uploaded picture's address, `/media/{id}.{extension}`: its id, else null. */
export function mediaId(src: string): string | null {
  return mediaPattern.exec(src)?.[1] ?? null;
}

/** What video, audio and caption files are stored as (decision 025): the extension says the container. */
const mediaStreamExtensions = ['mp4', 'mov', 'webm', 'm4a', 'mp3', 'wav', 'vtt'] as const;
const mediaStreamPattern = new RegExp(`^/media/([0-9a-f]{32})\\.(${mediaStreamExtensions.join('|')})$`);

/** An uploaded video's, recording's or caption file's address, `/media/{id}.{extension}`: its id, else null. */
export function mediaStreamId(src: string): string | null {
  return mediaStreamPattern.exec(src)?.[1] ?? null;
}
