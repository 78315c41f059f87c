import type { Article } from './article-schema';
import { mediaStreamId } from './safe-links';

/**
 * What the store knows of an uploaded video, recording or caption file (decision 025): what a
 * player, a crawler and the API need of it. The store (lib/store/media-streams.ts) keeps it;
 * pages render from it.
 */

export type MediaFileKind = 'video' | 'audio' | 'captions';

/** A rendition made from an upload: the file a player is given, at one size. */
export type Rendition = { id: string; contentType: string; extension: string; width: number | null; height: number | null; byteLength: number };

/** `none`: nothing to make (captions, renditions themselves); `pending` → `ready` or `failed`. */
export type RenditionState = 'none' | 'pending' | 'ready' | 'failed';

export type MediaFile = {
  id: string;
  kind: MediaFileKind;
  contentType: string;
  extension: string;
  byteLength: number;
  chunkSize: number;
  durationMs: number | null;
  width: number | null;
  height: number | null;
  /** The poster picture's path (/media/{id}.jpg), for a video. */
  poster: string | null;
  renditionOf: string | null;
  renditions: Rendition[];
  renditionState: RenditionState;
};

/** A duration in ISO 8601, as schema.org and the video sitemap want it: PT2M5S. */
export function isoDuration(ms: number): string {
  const total = Math.max(1, Math.round(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds || (!hours && !minutes) ? `${seconds}S` : ''}`;
}

/** The uploaded files a story plays: its lead video, its videos and recordings, and their captions. */
export function mediaFileIdsOf(article: Pick<Article, 'mainVideo' | 'body'>): string[] {
  const sources: string[] = [];
  const blocks = article.body;
  if (article.mainVideo) sources.push(article.mainVideo.src, ...article.mainVideo.captions.map((track) => track.src));
  for (const block of blocks) {
    if (block.type === 'video') sources.push(block.src, ...block.captions.map((track) => track.src));
    if (block.type === 'audio') sources.push(block.src);
  }
  return [...new Set(sources.map(mediaStreamId).filter((id): id is string => id !== null))].sort();
}
