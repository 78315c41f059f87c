import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { cropSize, isCropRatio } from '@/lib/domain/image-crops';

/**
 * /media/crop/{16x9|4x3|1x1}/images/…: a story picture cropped to the shape search engines ask
 * for (the largest that fits, never enlarged, centred on what sharp finds most interesting).
 * Crops are made once and kept on disk; only files under public/images/ are ever read.
 */

const publicImages = path.resolve(/*turbopackIgnore: true*/ 'public', 'images');
const cacheDir = path.resolve(/*turbopackIgnore: true*/ process.env.MEDIA_CACHE_DIR || '.next/cache/media-crops');

const notFound = () =>
  new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=60' } });

export async function GET(_request: Request, { params }: { params: Promise<{ ratio: string; src: string[] }> }) {
  const { ratio, src } = await params;
  if (!isCropRatio(ratio) || src[0] !== 'images' || src.length < 2) return notFound();
  if (src.some((part) => part === '..' || part.includes('\\') || part.includes('\0'))) return notFound();
  const relative = src.slice(1).join('/');
  if (!/\.(jpe?g|png|webp)$/i.test(relative)) return notFound();
  const source = path.resolve(publicImages, relative);
  if (!source.startsWith(publicImages + path.sep)) return notFound();

  const sourceStat = await fs.stat(source).catch(() => null);
  if (!sourceStat?.isFile()) return notFound();

  const cached = path.join(cacheDir, ratio, `${relative}.jpg`);
  let bytes: Buffer | null = null;
  const cachedStat = await fs.stat(cached).catch(() => null);
  if (cachedStat && cachedStat.mtimeMs >= sourceStat.mtimeMs) bytes = await fs.readFile(cached);
  if (!bytes) {
    const { width = 0, height = 0 } = await sharp(source).metadata();
    if (!width || !height) return notFound();
    const size = cropSize({ width, height }, ratio);
    bytes = await sharp(source)
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
