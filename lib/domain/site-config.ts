/**
 * The publication and where it lives. Everything a crawler sees as an absolute URL is built
 * from `siteUrl()`, read from SITE_URL at run time (default http://localhost:3000).
 */

export const publication = {
  name: 'Meridian',
  /** Square, at least 112 px, crawlable: what search engines show for the publisher. */
  logo: { src: '/brand/meridian-logo.png', width: 512, height: 512 },
} as const;

const defaultSiteUrl = 'http://localhost:3000';

/** The variables these read; process.env by default. */
type Env = Readonly<Record<string, string | undefined>>;

/** The public origin of the site, without a trailing slash. An invalid SITE_URL is refused loudly. */
export function siteUrl(env: Env = process.env): string {
  const raw = env.SITE_URL?.trim() || defaultSiteUrl;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SITE_URL must be an absolute http(s) URL such as https://news.example.com (got "${raw}")`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`SITE_URL must use http or https (got "${raw}")`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** An absolute URL on this site for a path that starts with /. */
export function absoluteUrl(path: string, env: Env = process.env): string {
  return `${siteUrl(env)}${path}`;
}

/** The absolute URL of a picture: one of ours by its path, or an allowed host's as it is (IMAGE_HOSTS). */
export function imageUrl(src: string, env: Env = process.env): string {
  return src.startsWith('/') ? absoluteUrl(src, env) : src;
}

/** Stories per page on section, tag, author and search pages (STORIES_PER_PAGE, default 10). */
export function storiesPerPage(env: Env = process.env): number {
  const value = Number(env.STORIES_PER_PAGE);
  return Number.isInteger(value) && value >= 1 && value <= 100 ? value : 10;
}

/** How often the latest-stories rail asks for new stories (LATEST_POLL_SECONDS, default 60). */
export function latestPollSeconds(env: Env = process.env): number {
  return boundedSeconds(env.LATEST_POLL_SECONDS, 60);
}

/** How often a live story asks for new updates (LIVE_POLL_SECONDS, default 30). */
export function livePollSeconds(env: Env = process.env): number {
  return boundedSeconds(env.LIVE_POLL_SECONDS, 30);
}

function boundedSeconds(raw: string | undefined, fallback: number): number {
  const value = Number(raw);
  return Number.isFinite(value) && value >= 1 && value <= 3600 ? value : fallback;
}
