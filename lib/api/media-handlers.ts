import { cleanPicture, mediaMaxBytes } from '../content/media';
import { saveMedia } from '../store/media';
import type { Db } from '../store/database';
import { mediaPath } from '../domain/urls';
import { privateNoStore } from '../cache/cache-control';
import { readBodyBytes } from './publish-auth';
import { apiError, jsonResponse } from './responses';

/** Room for a multipart body's boundaries and part headers around the picture itself. */
const multipartOverhead = 64 * 1024;

/**
 * `POST /api/v1/media`: a picture, as its own bytes (`Content-Type: image/jpeg`…) or as the one
 * file of a `multipart/form-data` form. Checked and cleaned (lib/content/media.ts), stored by
 * the hash of the clean bytes, and answered `{ id, src, width, height, contentType, bytes,
 * suggestedCredit }`: 201 when new, 200 when the same picture was uploaded before.
 */
export async function uploadMedia(db: Db, request: Request): Promise<Response> {
  const limit = mediaMaxBytes();
  // As sent: a multipart boundary is case-sensitive.
  const type = request.headers.get('content-type') ?? '';
  const kind = type.toLowerCase();
  const multipart = kind.startsWith('multipart/form-data');
  if (!multipart && !kind.startsWith('image/') && !kind.startsWith('application/octet-stream')) {
    return apiError(
      415,
      'Send the picture as its bytes (Content-Type: image/jpeg, image/png, image/webp or image/avif) or as multipart/form-data with one file',
    );
  }
  const tooLarge = () => apiError(413, `The picture is larger than ${limit} bytes (MEDIA_MAX_BYTES)`);
  const body = await readBodyBytes(request, multipart ? limit + multipartOverhead : limit);
  if (!body.ok) return tooLarge();
  let bytes = body.bytes;
  if (multipart) {
    let form: FormData;
    try {
      form = await new Response(Buffer.from(body.bytes), { headers: { 'Content-Type': type } }).formData();
    } catch {
      return apiError(400, 'The form cannot be read', [{ field: 'file', message: 'is not valid multipart/form-data' }]);
    }
    const files = [...form.values()].filter((value): value is File => typeof value !== 'string');
    if (files.length !== 1) return apiError(400, 'Send exactly one file', [{ field: 'file', message: `the form holds ${files.length} files` }]);
    bytes = new Uint8Array(await files[0]!.arrayBuffer());
    if (bytes.byteLength > limit) return tooLarge();
  }
  if (bytes.byteLength === 0) return apiError(400, 'The body is empty', [{ field: 'file', message: 'send the picture' }]);
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
