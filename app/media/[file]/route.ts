import { readUploadedPicture } from '@/lib/data/media';
import { mediaId, mediaStreamId } from '@/lib/domain/safe-links';
import { findMediaFile, serveMediaFile } from '@/lib/api/media-files-served';

/**
 * /media/{id}.{jpg|webp}: an uploaded picture, as cleaned and stored (decision 015). Its address
 * is the hash of its bytes, so it never changes: cached for a year everywhere, `immutable`.
 * Stories show it through Next's image optimizer (AVIF and WebP at the widths the layout asks
 * for); this is the source that optimizer, crawlers and the crops read.
 *
 * /media/{id}.{mp4|webm|mov|m4a|mp3|wav|vtt}: a video, a recording or captions, with ranges
 * (lib/api/media-files-served.ts; decision 025).
 */

const notFound = () =>
  new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=60' } });

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const streamId = mediaStreamId(`/media/${file}`);
  if (streamId) {
    const stream = await findMediaFile(streamId, file);
    return stream ? serveMediaFile(request, stream) : notFound();
  }
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
