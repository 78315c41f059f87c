import { embedFrameOrigins } from './embed-origins.mjs';

/**
 * Posts and clips from other sites that a story may show (decision 025): which addresses are
 * taken, and what the page needs to show one when the reader asks — the frame's address and its
 * origin, which the page's Content-Security-Policy then names, and nothing else. Kept free of
 * dependencies: the island that loads a frame uses it in the browser.
 */

type EmbedProvider = 'youtube' | 'vimeo' | 'x' | 'instagram' | 'tiktok' | 'bluesky';

export type ParsedEmbed = {
  provider: EmbedProvider;
  /** The provider's own name, as readers know it. */
  name: string;
  /** The post's address, normalised: where the card's link goes. */
  url: string;
  /** The frame that shows it, once asked for. */
  frameSrc: string;
  frameOrigin: string;
  /** The frame's shape: width / height. */
  aspect: number;
};

export const embedProviderNames = ['YouTube', 'X', 'Instagram', 'TikTok', 'Bluesky', 'Vimeo'];

const hostIs = (host: string, ...names: string[]) => names.some((name) => host === name || host === `www.${name}` || host === `m.${name}`);

/** An embed's address, checked: null for anything that is not a post or clip on one of the providers (javascript:, other hosts, other pages). */
export function parseEmbedUrl(input: string): ParsedEmbed | null {
  if (/[\t\n\r\s]/.test(input)) return null;
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return null;
  const host = url.hostname.toLowerCase();
  const parts = url.pathname.split('/').filter(Boolean);
  if (hostIs(host, 'youtube.com', 'youtu.be', 'youtube-nocookie.com')) {
    const id =
      host.endsWith('youtu.be') && parts.length === 1
        ? parts[0]
        : parts[0] === 'watch' || parts.length === 0
          ? url.searchParams.get('v')
          : ['shorts', 'embed', 'live'].includes(parts[0]!) && parts.length === 2
            ? parts[1]
            : null;
    if (!id || !/^[A-Za-z0-9_-]{11}$/.test(id)) return null;
    return {
      provider: 'youtube',
      name: 'YouTube',
      url: `https://www.youtube.com/watch?v=${id}`,
      frameSrc: `https://www.youtube-nocookie.com/embed/${id}?autoplay=1`,
      frameOrigin: embedFrameOrigins.youtube,
      aspect: 16 / 9,
    };
  }
  if (hostIs(host, 'vimeo.com') && parts.length === 1 && /^\d{1,12}$/.test(parts[0]!)) {
    return {
      provider: 'vimeo',
      name: 'Vimeo',
      url: `https://vimeo.com/${parts[0]}`,
      frameSrc: `https://player.vimeo.com/video/${parts[0]}?autoplay=1&dnt=1`,
      frameOrigin: embedFrameOrigins.vimeo,
      aspect: 16 / 9,
    };
  }
  if (hostIs(host, 'x.com', 'twitter.com') && parts.length === 3 && parts[1] === 'status' && /^\w{1,15}$/.test(parts[0]!) && /^\d{1,20}$/.test(parts[2]!)) {
    return {
      provider: 'x',
      name: 'X',
      url: `https://x.com/${parts[0]}/status/${parts[2]}`,
      frameSrc: `https://platform.twitter.com/embed/Tweet.html?id=${parts[2]}&dnt=true`,
      frameOrigin: embedFrameOrigins.x,
      aspect: 4 / 5,
    };
  }
  if (hostIs(host, 'instagram.com') && parts.length === 2 && ['p', 'reel'].includes(parts[0]!) && /^[\w-]{5,40}$/.test(parts[1]!)) {
    return {
      provider: 'instagram',
      name: 'Instagram',
      url: `https://www.instagram.com/${parts[0]}/${parts[1]}/`,
      frameSrc: `https://www.instagram.com/${parts[0]}/${parts[1]}/embed/`,
      frameOrigin: embedFrameOrigins.instagram,
      aspect: 4 / 5,
    };
  }
  if (hostIs(host, 'tiktok.com') && parts.length === 3 && /^@[\w.]{1,30}$/.test(parts[0]!) && parts[1] === 'video' && /^\d{1,20}$/.test(parts[2]!)) {
    return {
      provider: 'tiktok',
      name: 'TikTok',
      url: `https://www.tiktok.com/${parts[0]}/video/${parts[2]}`,
      frameSrc: `https://www.tiktok.com/embed/v2/${parts[2]}`,
      frameOrigin: embedFrameOrigins.tiktok,
      aspect: 9 / 16,
    };
  }
  if (
    host === 'bsky.app' &&
    parts.length === 4 &&
    parts[0] === 'profile' &&
    parts[2] === 'post' &&
    /^[\w.:-]{3,253}$/.test(parts[1]!) &&
    /^[a-z0-9]{6,20}$/.test(parts[3]!)
  ) {
    return {
      provider: 'bluesky',
      name: 'Bluesky',
      url: `https://bsky.app/profile/${parts[1]}/post/${parts[3]}`,
      frameSrc: `https://embed.bsky.app/embed/${parts[1]}/app.bsky.feed.post/${parts[3]}`,
      frameOrigin: embedFrameOrigins.bluesky,
      aspect: 4 / 5,
    };
  }
  return null;
}
