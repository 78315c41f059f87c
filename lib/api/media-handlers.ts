import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Busboy } from '@fastify/busboy';
import { cleanPicture, mediaMaxBytes } from '../content/media';
import { declaredMediaKind, makeWorkDir, mediaFileMaxBytes, mediaFileSetting, takeInMediaFile, type MediaFileKind } from '../content/media-files';
import { saveMedia } from '../store/media';
import type { Db } from '../store/database';
import { getMediaStreams, type MediaStream } from '../store/media-streams';
import { mediaPath } from '../domain/urls';
import { privateNoStore } from '../cache/cache-control';
import { readBodyBytes } from './publish-auth';
import { registered } from '../runtime/process-state.mjs';
import { apiError, jsonResponse } from './responses';

/** Room for a multipart body's boundaries and part headers around the file itself. */
const multipartOverhead = 64 * 1024;

const acceptedTypes =
  'Send the file as its bytes with its type (image/jpeg, image/png, image/webp, image/avif; video/mp4, video/quicktime, video/webm; audio/mpeg, audio/mp4, audio/wav; text/vtt) or as multipart/form-data with one file';

type Upload = { kind: 'picture'; bytes: Uint8Array } | { kind: MediaFileKind; file: string };
type Refusal = { refused: Response };

/**
 * `POST /api/v1/media`: a picture, a video, a recording or a caption file, as its own bytes
 * (`Content-Type: video/mp4`…) or as the one file of a `multipart/form-data` form.
 * - Pictures are checked and cleaned in memory (lib/content/media.ts; at most MEDIA_MAX_BYTES)
 *   and answered `{ id, src, width, height, contentType, bytes, suggestedCredit }`.
 * - Video, audio and captions are streamed to a private work folder as they arrive, never held
 *   whole in memory, and refused as soon as they pass their kind's limit (413, from
 *   Content-Length before a byte is read when it says so); then checked, cleaned and stored in
 *   chunks (lib/content/media-files.ts; decision 025), and answered `{ id, src, kind, duration,
 *   width, height, poster, contentType, bytes, renditions }`. A video or a recording is
 *   then given its web renditions by the background queue (`renditions`: "pending", then "ready").
 * 201 when new, 200 when the same file was uploaded before. Nothing is stored from a refused upload.
 */
export async function uploadMedia(db: Db, request: Request): Promise<Response> {
  // As sent: a multipart boundary is case-sensitive.
  const type = request.headers.get('content-type') ?? '';
  const lower = type.toLowerCase();
  const multipart = lower.startsWith('multipart/form-data');
  const streamKind = multipart ? null : declaredMediaKind(lower);
  if (!multipart && !streamKind && !lower.startsWith('image/') && !lower.startsWith('application/octet-stream')) return apiError(415, acceptedTypes);
  const declaredLength = Number(request.headers.get('content-length'));
  const largest = multipart
    ? Math.max(mediaMaxBytes(), mediaFileMaxBytes('video'), mediaFileMaxBytes('audio'), mediaFileMaxBytes('captions')) + multipartOverhead
    : streamKind
      ? mediaFileMaxBytes(streamKind)
      : mediaMaxBytes();
  if (Number.isFinite(declaredLength) && declaredLength > largest) return tooLarge(streamKind ?? (multipart ? 'video' : 'picture'));

  if (!multipart && !streamKind) return storePicture(db, request);
  const workDir = await makeWorkDir();
  try {
    const upload = multipart ? await readMultipart(request, type, workDir) : await spoolBody(request.body, streamKind!, workDir);
    if ('refused' in upload) return upload.refused;
    if (upload.kind === 'picture') return storePictureBytes(db, upload.bytes);
    return await storeMediaFile(db, upload.kind, upload.file, workDir);
  } finally {
    await fs.promises.rm(workDir, { recursive: true, force: true });
  }
}

function tooLarge(kind: MediaFileKind | 'picture'): Response {
  if (kind === 'picture') return apiError(413, `The picture is larger than ${mediaMaxBytes()} bytes (MEDIA_MAX_BYTES)`);
  const name = { video: 'video', audio: 'recording', captions: 'caption file' }[kind];
  return apiError(413, `The ${name} is larger than ${mediaFileMaxBytes(kind)} bytes (${mediaFileSetting[kind]})`);
}

async function storePicture(db: Db, request: Request): Promise<Response> {
  const body = await readBodyBytes(request, mediaMaxBytes());
  if (!body.ok) return tooLarge('picture');
  return storePictureBytes(db, body.bytes);
}

async function storePictureBytes(db: Db, bytes: Uint8Array): Promise<Response> {
  if (bytes.byteLength === 0) return apiError(400, 'The body is empty', [{ field: 'file', message: 'send the file' }]);
  const cleaned = await cleanPicture(bytes);
  if (!cleaned.ok) return apiError(cleaned.status, cleaned.message, [{ field: 'file', message: cleaned.message }]);
  const { record } = cleaned;
  const created = await saveMedia(db, record);
  const src = mediaPath(record.id, record.extension);
  return jsonResponse(
    {
      id: record.id,
      src,
      width: record.width,
      height: record.height,
      contentType: record.contentType,
      bytes: record.bytes.byteLength,
      suggestedCredit: record.suggestedCredit,
    },
    { status: created ? 201 : 200, headers: { 'Cache-Control': privateNoStore, Location: src } },
  );
}

class OverLimit extends Error {}

/** Writes a stream to a file, stopping as soon as it passes `limit` bytes. */
async function spool(source: Readable, file: string, limit: number): Promise<{ ok: true; size: number } | { ok: false }> {
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.byteLength;
      callback(size > limit ? new OverLimit() : null, chunk);
    },
  });
  try {
    await pipeline(source, counter, fs.createWriteStream(file, { mode: 0o600 }));
  } catch (error) {
    if (error instanceof OverLimit) return { ok: false };
    throw error;
  }
  return { ok: true, size };
}

async function spoolBody(body: ReadableStream<Uint8Array> | null, kind: MediaFileKind, workDir: string): Promise<Upload | Refusal> {
  if (!body) return { refused: apiError(400, 'The body is empty', [{ field: 'file', message: 'send the file' }]) };
  const file = path.join(workDir, 'upload');
  const spooled = await spool(Readable.fromWeb(body as import('node:stream/web').ReadableStream), file, mediaFileMaxBytes(kind));
  if (!spooled.ok) return { refused: tooLarge(kind) };
  if (spooled.size === 0) return { refused: apiError(400, 'The body is empty', [{ field: 'file', message: 'send the file' }]) };
  return { kind, file };
}

/** The one file of a multipart form, spooled as it arrives; its part's type says what it is. */
async function readMultipart(request: Request, type: string, workDir: string): Promise<Upload | Refusal> {
  if (!request.body) return { refused: apiError(400, 'The body is empty', [{ field: 'file', message: 'send the file' }]) };
  const unreadable = (message = 'is not valid multipart/form-data') => ({ refused: apiError(400, 'The form cannot be read', [{ field: 'file', message }]) });
  let parser: ReturnType<typeof Busboy>;
  try {
    parser = Busboy({ headers: { 'content-type': type }, limits: { files: 2, fields: 20, fieldSize: 8192 } });
  } catch {
    return unreadable();
  }
  const source = Readable.fromWeb(request.body as import('node:stream/web').ReadableStream);
  const files: { kind: MediaFileKind | 'picture'; file: string }[] = [];
  const work: Promise<void>[] = [];
  let refused: Refusal | null = null;
  // A part past its limit ends the whole upload at once, rather than reading the rest of it.
  const stop = (refusal: Refusal) => {
    refused ??= refusal;
    source.destroy(new OverLimit());
  };
  parser.on('file', (_field, stream, _name, _encoding, mimeType) => {
    const declared = declaredMediaKind(mimeType);
    const kind: MediaFileKind | 'picture' = declared ?? 'picture';
    if (!declared && !/^(image\/|application\/octet-stream)/i.test(mimeType)) {
      stop({ refused: apiError(415, acceptedTypes, [{ field: 'file', message: `a ${mimeType || 'file without a type'} is not taken` }]) });
      stream.resume();
      return;
    }
    const file = path.join(workDir, `part-${files.length}`);
    files.push({ kind, file });
    work.push(
      spool(stream, file, kind === 'picture' ? mediaMaxBytes() : mediaFileMaxBytes(kind)).then((spooled) => {
        if (!spooled.ok) stop({ refused: tooLarge(kind) });
      }),
    );
  });
  try {
    await pipeline(source, parser);
    await Promise.all(work);
  } catch {
    return refused ?? unreadable('is not valid multipart/form-data, or was cut short');
  }
  if (refused) return refused;
  if (files.length !== 1) return { refused: apiError(400, 'Send exactly one file', [{ field: 'file', message: `the form holds ${files.length} files` }]) };
  const [only] = files as [{ kind: MediaFileKind | 'picture'; file: string }];
  if (only.kind !== 'picture') {
    if ((await fs.promises.stat(only.file)).size === 0) return { refused: apiError(400, 'The file is empty', [{ field: 'file', message: 'send the file' }]) };
    return { kind: only.kind, file: only.file };
  }
  return { kind: 'picture', bytes: new Uint8Array(await fs.promises.readFile(only.file)) };
}

/** What the API says of a stored file: the upload's answer, and its renditions once made. */
function describeMediaFile(stored: MediaStream) {
  return {
    id: stored.id,
    src: mediaPath(stored.id, stored.extension),
    kind: stored.kind,
    duration: stored.durationMs === null ? null : stored.durationMs / 1000,
    width: stored.width,
    height: stored.height,
    poster: stored.poster,
    contentType: stored.contentType,
    bytes: stored.byteLength,
    renditions: stored.renditionState === 'none' ? null : stored.renditionState,
    ...(stored.renditionState === 'ready'
      ? {
          files: stored.renditions.map((rendition) => ({
            src: mediaPath(rendition.id, rendition.extension),
            contentType: rendition.contentType,
            width: rendition.width,
            height: rendition.height,
            bytes: rendition.byteLength,
          })),
        }
      : {}),
  };
}

async function storeMediaFile(db: Db, kind: MediaFileKind, spooled: string, workDir: string): Promise<Response> {
  const outcome = await takeInMediaFile(db, kind, spooled, workDir);
  if (!outcome.ok) return apiError(outcome.status, outcome.message, [{ field: 'file', message: outcome.message }]);
  const { created, stored } = outcome;
  if (created && kind !== 'captions') registered('renditions')?.wake();
  const body = describeMediaFile(stored);
  return jsonResponse(body, { status: created ? 201 : 200, headers: { 'Cache-Control': privateNoStore, Location: body.src } });
}

/** `GET /api/v1/media/{id}`: a stored video, recording or caption file, as an upload of it answers. */
export async function readMediaFile(db: Db, id: string): Promise<Response> {
  const stored = /^[0-9a-f]{32}$/.test(id) ? (await getMediaStreams(db, [id])).get(id) : undefined;
  if (!stored)
    return apiError(404, `No video, recording or caption file "${id.slice(0, 40)}"`, [{ parameter: 'id', message: 'no such file' }], {
      'Cache-Control': privateNoStore,
    });
  return jsonResponse(describeMediaFile(stored), { headers: { 'Cache-Control': privateNoStore } });
}
