import fs from 'node:fs';
import path from 'node:path';
import { cache } from 'react';
import { getStore, type Db } from '../store/database';
import { getMediaBytes, getMediaInfo } from '../store/media';
import { getMediaStreams } from '../store/media-streams';
import { cachedRead } from '../cache/cached-read';
import { contentTags } from '../domain/content-tags';
import type { MediaFile } from '../domain/media-files';
import { localImagePath, mediaId } from '../domain/safe-links';
import { absoluteUrl } from '../domain/site-config';

/** An uploaded picture's bytes and type, by id, for the routes that serve it and its crops (decision 015). */
export async function readUploadedPicture(id: string) {
  return getMediaBytes((await getStore()).db, id);
}

/** Registered media types of the pictures a story may carry, by extension (image/jpg is not one). */
const pictureTypes: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
};

/**
 * Pictures as feed enclosures: their absolute URL, registered media type and length in bytes,
 * which feed readers and the RSS specification ask for. A picture under public/ is measured on
 * disk, an upload in the store; one from another host is left out (its length is not ours to know).
 */
export async function feedEnclosures(db: Db, sources: string[]): Promise<Map<string, { url: string; type: string; length: number }>> {
  const found = new Map<string, { url: string; type: string; length: number }>();
  const uploads = await getMediaInfo(
    db,
    sources.map(mediaId).filter((id): id is string => id !== null),
  );
  const publicDir = path.resolve(/*turbopackIgnore: true*/ 'public');
  for (const src of new Set(sources)) {
    const id = mediaId(src);
    const upload = id ? uploads.get(id) : undefined;
    if (upload) {
      found.set(src, { url: absoluteUrl(src), type: upload.contentType, length: upload.byteLength });
      continue;
    }
    const local = localImagePath(src);
    const type = pictureTypes[src.split('.').pop()?.toLowerCase() ?? ''];
    if (!local || !type) continue;
    const file = path.resolve(publicDir, `.${local}`);
    if (!file.startsWith(publicDir + path.sep)) continue;
    try {
      found.set(src, { url: absoluteUrl(src), type, length: (await fs.promises.stat(file)).size });
    } catch {
      // A picture that has gone from disk: no enclosure rather than a wrong one.
    }
  }
  return found;
}

/**
 * What the store knows of the videos, recordings and captions a page plays, by id (decision
 * 025): tagged by file, so that a page is made again when a video's renditions are ready.
 * `ids` joined by commas, sorted: one cache entry per set.
 */
export const getMediaFiles = cache((ids: string) =>
  ids
    ? cachedRead(['media-files', ids], ids.split(',').map(contentTags.media), async () => {
        const found = await getMediaStreams((await getStore()).db, ids.split(','));
        return Object.fromEntries(found) as Record<string, MediaFile>;
      })
    : Promise.resolve({} as Record<string, MediaFile>),
);
