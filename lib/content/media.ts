import { createHash } from 'node:crypto';
import sharp, { type Metadata, type OutputInfo } from 'sharp';
import exifReader from 'exif-reader';
import type { MediaRecord } from '../store/media';
import { refusedCharacterMessage } from '../domain/text-rules';

/**
 * The one way a picture gets into the store, from the API (POST /api/v1/media) or the import
 * (decision 015). The bytes are decoded and checked before anything is kept, then made clean:
 * turned the way the camera's orientation says, converted to sRGB, scaled to at most
 * MEDIA_MAX_EDGE pixels a side, and encoded again — which leaves every EXIF, GPS, XMP and IPTC
 * block and every embedded profile behind. What is stored and served is that clean copy, named
 * by the hash of its bytes.
 */

/** Largest upload: MEDIA_MAX_BYTES, 25 MB by default. */
export function mediaMaxBytes(): number {
  return positive(process.env.MEDIA_MAX_BYTES) ?? 25 * 1024 * 1024;
}

/** Most pixels a picture may decode to (a decompression bomb has billions): MEDIA_MAX_PIXELS, 100 million by default. */
function mediaMaxPixels(): number {
  return positive(process.env.MEDIA_MAX_PIXELS) ?? 100_000_000;
}

/** The longest side of a stored picture: MEDIA_MAX_EDGE, 4096 by default (the layout asks for 2000 at most; crops need 1200). */
function mediaMaxEdge(): number {
  return positive(process.env.MEDIA_MAX_EDGE) ?? 4096;
}

function positive(value: string | undefined): number | undefined {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : undefined;
}

export type CleanedPicture = { ok: true; record: MediaRecord } | { ok: false; status: 400 | 415; message: string };

const acceptedTypes = 'JPEG, PNG, WebP or AVIF';

/** What sharp calls the kinds we take: AVIF is HEIF with AV1 inside (HEIC, with HEVC, is not taken). */
function acceptedFormat(metadata: Metadata): boolean {
  if (metadata.format === 'heif') return metadata.compression === 'av1';
  return metadata.format === 'jpeg' || metadata.format === 'png' || metadata.format === 'webp';
}

/** Decodes, checks and cleans an uploaded picture. Refusals come before any pixel is decoded, where they can. */
export async function cleanPicture(input: Uint8Array): Promise<CleanedPicture> {
  let metadata: Metadata;
  try {
    // Reads the header only: the size is known before a pixel is decoded.
    metadata = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    return { ok: false, status: 415, message: `not a picture: upload a ${acceptedTypes} file` };
  }
  if (!acceptedFormat(metadata)) {
    const kind = metadata.format === 'heif' ? 'HEIC' : (metadata.format ?? 'unknown').toUpperCase();
    return { ok: false, status: 415, message: `${kind} pictures are not taken: upload a ${acceptedTypes} file` };
  }
  const { width = 0, height = 0 } = metadata;
  if (!width || !height) return { ok: false, status: 400, message: 'the picture has no size: it is damaged' };
  const maxPixels = mediaMaxPixels();
  if (width * height > maxPixels) {
    return { ok: false, status: 400, message: `the picture is ${width} × ${height} pixels; at most ${maxPixels.toLocaleString('en')} pixels are taken (MEDIA_MAX_PIXELS)` };
  }
  const opaque = !metadata.hasAlpha;
  let output: { data: Buffer; info: OutputInfo };
  try {
    const maxEdge = mediaMaxEdge();
    const pipeline = sharp(input, { limitInputPixels: maxPixels, failOn: 'error', sequentialRead: true })
      .autoOrient()
      .resize({ width: maxEdge, height: maxEdge, fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb');
    // Photographs as JPEG; pictures with transparency as WebP, which keeps it (decision 015).
    output = await (opaque ? pipeline.jpeg({ quality: 88 }) : pipeline.webp({ quality: 90, alphaQuality: 100 })).toBuffer({
      resolveWithObject: true,
    });
  } catch (error) {
    return { ok: false, status: 400, message: `the picture is damaged or cut short: ${firstLine((error as Error).message)}` };
  }
  const id = createHash('sha256').update(output.data).digest('hex').slice(0, 32);
  return {
    ok: true,
    record: {
      id,
      contentType: opaque ? 'image/jpeg' : 'image/webp',
      extension: opaque ? 'jpg' : 'webp',
      width: output.info.width,
      height: output.info.height,
      bytes: new Uint8Array(output.data),
      suggestedCredit: suggestedCredit(metadata),
    },
  };
}

const firstLine = (message: string) => message.split('\n')[0]!.slice(0, 200);

/**
 * "Photographer, Agency" from what the camera or the agency wrote into the file (EXIF Artist
 * and Copyright, else XMP's creator and rights), for the editor to confirm: it is only
 * suggested, never applied, and nothing else of those blocks is kept.
 */
function suggestedCredit(metadata: Metadata): string | null {
  let artist: string | undefined;
  let rights: string | undefined;
  if (metadata.exif) {
    try {
      const exif = exifReader(metadata.exif);
      artist = exif.Image?.Artist;
      rights = exif.Image?.Copyright;
    } catch {
      // An unreadable EXIF block suggests nothing; it is dropped with the rest.
    }
  }
  if (metadata.xmp && (!artist || !rights)) {
    const xmp = metadata.xmp.toString('utf8');
    const first = (field: string) => new RegExp(`<dc:${field}>[\\s\\S]*?<rdf:li[^>]*>([^<]+)</rdf:li>`).exec(xmp)?.[1];
    artist ??= first('creator');
    rights ??= first('rights');
  }
  const holder = rights
    ?.replace(/©|\(c\)|copyright|all rights reserved\.?|\b(19|20)\d{2}\b/gi, '')
    .replace(/^[\s,.;-]+|[\s,.;-]+$/g, '')
    .trim();
  const parts = [artist?.trim(), holder && holder !== artist?.trim() ? holder : undefined].filter((part): part is string => Boolean(part));
  const credit = parts.join(', ').replace(/\s+/g, ' ').slice(0, 200);
  return credit && !refusedCharacterMessage(credit) ? credit : null;
}
