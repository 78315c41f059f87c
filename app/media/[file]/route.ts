import { readUploadedPicture } from '@/lib/data/media';
import { mediaId } from '@/lib/domain/safe-links';

/**
 * /media/{id}.{jpg|webp}: an uploaded picture, as cleaned and stored (decision 015). Its address
 * is the hash of its bytes, so it never changes: cached for a year everywhere, `immutable`.
 * Stories show it through Next's image optimizer (AVIF and WebP at the widths the layout asks
 * for); this is the source that optimizer, crawlers and the crops read.
 */

const notFound = () =>
  new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=60' } });

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const id = mediaId(`/media/${file}`);
  if (!id) return notFound();
  const etag = `"${id}"`;
  const cacheControl = 'public, max-age=31536000, immutable';
  const media = await readUploadedPicture(id);
  if (!media || file !== `${id}.${media.extension}`) return notFound();
  if (
    request.headers
      .get('if-none-match')
      ?.split(/\s*,\s*/)
      .includes(etag)
  ) {
    return new Response(null, { status: 304, headers: { ETag: etag, 'Cache-Control': cacheControl } });
  }
  return new Response(new Uint8Array(media.bytes), {
    headers: { 'Content-Type': media.contentType, 'Content-Length': String(media.bytes.byteLength), 'Cache-Control': cacheControl, ETag: etag },
  });
}
