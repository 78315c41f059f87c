import { getStore } from '../store/database';
import { getMediaStreams, readMediaChunks, type MediaStream } from '../store/media-streams';

/**
 * /media/{id}.{mp4|webm|mov|m4a|mp3|wav|vtt}: a video, a recording, a caption file or a
 * rendition, as cleaned and stored (decision 025). Its address is the hash of its bytes, so it
 * never changes: `immutable`, its id as its ETag. Players ask for ranges: one range is answered
 * 206 with just those bytes, read from the few chunks that hold them; a range past the end 416.
 */

const immutable = 'public, max-age=31536000, immutable';
/** Chunks read per query while a body streams: a few mebibytes in memory at most. */
const chunksPerRead = 4;

export async function findMediaFile(id: string, file: string): Promise<MediaStream | undefined> {
  const stream = (await getMediaStreams((await getStore()).db, [id])).get(id);
  return stream && file === `${stream.id}.${stream.extension}` ? stream : undefined;
}

type ByteRange = { first: number; last: number };

/** The one range asked for, 'unsatisfiable', or null to answer the whole file (no Range, another unit, several ranges). */
export function requestedRange(header: string | null, size: number): ByteRange | 'unsatisfiable' | null {
  if (!header) return null;
  const match = /^bytes=[ \t]*(\d*)-(\d*)[ \t]*$/i.exec(header.trim());
  if (!match) return /^bytes=/i.test(header.trim()) && !header.includes(',') ? 'unsatisfiable' : null;
  const [, start, end] = match as unknown as [string, string, string];
  if (start === '' && end === '') return 'unsatisfiable';
  if (start === '') {
    const suffix = Number(end);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { first: Math.max(0, size - suffix), last: size - 1 };
  }
  const first = Number(start);
  const last = end === '' ? size - 1 : Math.min(Number(end), size - 1);
  if (!Number.isSafeInteger(first) || first >= size || (end !== '' && Number(end) < first)) return 'unsatisfiable';
  return { first, last };
}

export async function serveMediaFile(request: Request, stream: MediaStream): Promise<Response> {
  const etag = `"${stream.id}"`;
  const headers: Record<string, string> = {
    'Content-Type': stream.contentType,
    'Cache-Control': immutable,
    ETag: etag,
    'Accept-Ranges': 'bytes',
  };
  if (
    request.headers
      .get('if-none-match')
      ?.split(/\s*,\s*/)
      .includes(etag)
  ) {
    return new Response(null, { status: 304, headers });
  }
  const ifRange = request.headers.get('if-range');
  const range = ifRange && ifRange !== etag ? null : requestedRange(request.headers.get('range'), stream.byteLength);
  if (range === 'unsatisfiable') {
    return new Response(null, { status: 416, headers: { ...headers, 'Content-Range': `bytes */${stream.byteLength}`, 'Content-Length': '0' } });
  }
  const { first, last } = range ?? { first: 0, last: stream.byteLength - 1 };
  const length = last - first + 1;
  const body = request.method === 'HEAD' || length <= 0 ? null : chunkStream(stream, first, last);
  return new Response(body, {
    status: range ? 206 : 200,
    headers: {
      ...headers,
      'Content-Length': String(Math.max(0, length)),
      ...(range ? { 'Content-Range': `bytes ${first}-${last}/${stream.byteLength}` } : {}),
    },
  });
}

/** Bytes `first` to `last` of a stored file, read a few chunks at a time as the reader takes them. */
function chunkStream(stream: MediaStream, first: number, last: number): ReadableStream<Uint8Array> {
  const size = stream.chunkSize;
  let n = Math.floor(first / size);
  const lastChunk = Math.floor(last / size);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { db } = await getStore();
      const upTo = Math.min(lastChunk, n + chunksPerRead - 1);
      const chunks = await readMediaChunks(db, stream.id, n, upTo);
      if (chunks.length !== upTo - n + 1) {
        controller.error(new Error(`media file ${stream.id}: chunks ${n}-${upTo} are missing`));
        return;
      }
      for (const chunk of chunks) {
        const offset = n * size;
        const from = Math.max(0, first - offset);
        const to = Math.min(chunk.byteLength, last - offset + 1);
        controller.enqueue(from === 0 && to === chunk.byteLength ? chunk : chunk.subarray(from, to));
        n++;
      }
      if (n > lastChunk) controller.close();
    },
  });
}
