import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { cropSize, isCropRatio, type CropRatio } from '@/lib/domain/image-crops';
import { mediaId } from '@/lib/domain/safe-links';
import { readUploadedPicture } from '@/lib/data/media';

/**
 * /media/crop/{16x9|4x3|1x1}/images/… and /media/crop/{ratio}/media/{id}.jpg: a story picture
 * cropped to the shape search engines ask for (the largest that fits, never enlarged, centred on
 * what sharp finds most interesting). Crops are made once and kept on disk; only files under
 * public/images/ and uploaded pictures in the store are ever read.
 */

const publicImages = path.resolve(/*turbopackIgnore: true*/ 'public', 'images');
const cacheDir = path.resolve(/*turbopackIgnore: true*/ process.env.MEDIA_CACHE_DIR || '.next/cache/media-crops');

const notFound = () =>
  new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=60' } });

export async function GET(_request: Request, { params }: { params: Promise<{ ratio: string; src: string[] }> }) {
  const { ratio, src } = await params;
  if (!isCropRatio(ratio)) return notFound();
  if (src[0] === 'media' && src.length === 2) return uploadedCrop(ratio, src[1]!);
  if (src[0] !== 'images' || src.length < 2) return notFound();
  if (src.some((part) => part === '..' || part.includes('\\') || part.includes('\0'))) return notFound();
  const relative = src.slice(1).join('/');
  if (!/\.(jpe?g|png|webp)$/i.test(relative)) return notFound();
  const source = path.resolve(publicImages, relative);
  if (!source.startsWith(publicImages + path.sep)) return notFound();

  const sourceStat = await fs.stat(source).catch(() => null);
  if (!sourceStat?.isFile()) return notFound();

  return cropResponse(path.join(cacheDir, ratio, `${relative}.jpg`), sourceStat.mtimeMs, ratio, () => fs.readFile(source));
}

/** An uploaded picture's crop: its address never changes, so a crop once made is good for ever. */
async function uploadedCrop(ratio: CropRatio, file: string) {
  const id = mediaId(`/media/${file}`);
  if (!id) return notFound();
  const media = await readUploadedPicture(id);
  if (!media || file !== `${id}.${media.extension}`) return notFound();
  return cropResponse(path.join(cacheDir, ratio, 'media', `${id}.jpg`), 0, ratio, async () => Buffer.from(media.bytes));
}

/** The crop kept at `cached` when it is newer than its source, else made from the source and kept. */
async function cropResponse(cached: string, sourceMtimeMs: number, ratio: CropRatio, source: () => Promise<Buffer>) {
  let bytes: Buffer | null = null;
  const cachedStat = await fs.stat(cached).catch(() => null);
  if (cachedStat && cachedStat.mtimeMs >= sourceMtimeMs) bytes = await fs.readFile(cached);
  if (!bytes) {
    const input = await source();
    const { width = 0, height = 0 } = await sharp(input).metadata();
    if (!width || !height) return notFound();
    const size = cropSize({ width, height }, ratio);
    bytes = await sharp(input)
      .resize(size.width, size.height, { fit: 'cover', position: sharp.strategy.attention })
      .jpeg({ quality: 80, mozjpeg: true })
      .toBuffer();
    await fs.mkdir(path.dirname(cached), { recursive: true });
    const temporary = `${cached}.${process.pid}.tmp`;
    await fs.writeFile(temporary, bytes);
    await fs.rename(temporary, cached);
  }
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': 'image/jpeg',
      'Content-Length': String(bytes.length),
      'Cache-Control': 'public, max-age=86400, stale-while-revalidate=604800',
    },
  });
}
