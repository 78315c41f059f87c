import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getMediaStreams, mediaChunkSize, saveMediaStream, type MediaStream, type MediaStreamKind } from '../store/media-streams';
import { saveMedia } from '../store/media';
import type { Db } from '../store/rows';
import { mediaPath } from '../domain/urls';
import { cleanCaptions } from './captions';
import { cleanPicture } from './media';

/**
 * The one way a video, a recording or a caption file gets into the store, from the API
 * (POST /api/v1/media) or the import (decision 025). The file is first spooled to a private
 * work folder as it arrives; ffprobe (Debian's ffmpeg) says what it really is; ffmpeg then
 * copies its streams, untouched, into a new file that carries none of what the camera, the
 * phone or the editing program wrote about it — location (QuickTime `©xyz`, the `location`
 * keys, ISO 6709 strings), make and model, encoder, creation dates, chapter names — and that a
 * browser can start playing before the whole file has arrived (its index first). Reading every
 * packet to copy it is also what finds a file that was cut short.
 */

export type MediaFileKind = MediaStreamKind;

/** The largest file of each kind, in bytes: MEDIA_VIDEO_MAX_BYTES (2 GiB), MEDIA_AUDIO_MAX_BYTES (200 MiB), MEDIA_CAPTIONS_MAX_BYTES (1 MiB). */
export function mediaFileMaxBytes(kind: MediaFileKind): number {
  const fallback = { video: 2 * 1024 ** 3, audio: 200 * 1024 ** 2, captions: 1024 ** 2 }[kind];
  const value = Number(process.env[mediaFileSetting[kind]]);
  return Number.isSafeInteger(value) && value > 0 ? value : fallback;
}

export const mediaFileSetting = { video: 'MEDIA_VIDEO_MAX_BYTES', audio: 'MEDIA_AUDIO_MAX_BYTES', captions: 'MEDIA_CAPTIONS_MAX_BYTES' } as const;

/** What an upload says it is, from its Content-Type (or its part's): a kind, or null when it is not a media file we take. */
export function declaredMediaKind(contentType: string): MediaFileKind | null {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (['video/mp4', 'video/quicktime', 'video/webm'].includes(type)) return 'video';
  if (['audio/mpeg', 'audio/mp3', 'audio/mp4', 'audio/m4a', 'audio/x-m4a', 'audio/aac', 'audio/wav', 'audio/x-wav', 'audio/wave', 'audio/vnd.wave'].includes(type))
    return 'audio';
  if (type === 'text/vtt') return 'captions';
  return null;
}

/** Where uploads are spooled while they are checked: MEDIA_WORK_DIR, or the system's temporary folder. */
export async function makeWorkDir(): Promise<string> {
  const base = process.env.MEDIA_WORK_DIR || os.tmpdir();
  await fs.promises.mkdir(base, { recursive: true });
  return fs.promises.mkdtemp(path.join(base, 'newsroom-media-'));
}

export type CleanMediaFile = {
  kind: MediaFileKind;
  /** The clean file, in the work folder. */
  file: string;
  id: string;
  contentType: string;
  extension: string;
  byteLength: number;
  durationMs: number | null;
  width: number | null;
  height: number | null;
};

export type MediaRefusal = { ok: false; status: 400 | 415; message: string };

type Probe = {
  format?: { format_name?: string; duration?: string };
  streams?: { codec_type?: string; codec_name?: string; width?: number; height?: number; disposition?: { attached_pic?: number }; side_data_list?: { rotation?: number }[]; tags?: { rotate?: string } }[];
};

/** Runs a program to its end: its exit code and the last of what it wrote to stderr. */
export function run(command: string, args: string[], options: { nice?: boolean; stdout?: boolean } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    if (options.nice && child.pid) {
      try {
        // Renditions yield the processor to readers' requests (decision 025).
        os.setPriority(child.pid, 15);
      } catch {
        // Not allowed here: it runs at the server's priority.
      }
    }
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data: Buffer) => {
      if (options.stdout) stdout += data.toString('utf8');
    });
    child.stderr.on('data', (data: Buffer) => {
      stderr = (stderr + data.toString('utf8')).slice(-4000);
    });
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new Error(`${command} is not installed: video and audio need Debian's ffmpeg (apt-get install ffmpeg)`) : error),
    );
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

async function probe(file: string): Promise<Probe | null> {
  const result = await run('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file], { stdout: true });
  if (result.code !== 0) return null;
  try {
    return JSON.parse(result.stdout) as Probe;
  } catch {
    return null;
  }
}

const refuse = (status: 400 | 415, message: string): MediaRefusal => ({ ok: false, status, message });
const firstLine = (text: string) =>
  text
    .split('\n')
    .map((line) => line.replace(/^\[[^\]]*\]\s*/, '').trim())
    .filter(Boolean)
    .slice(-1)[0]
    ?.replace(/\/[^\s:]*newsroom-media-[^\s:]*/g, 'the file')
    .slice(0, 200) ?? 'unreadable';

/** A file's id: the first 32 hex digits of the SHA-256 of its bytes. */
export async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex').slice(0, 32);
}

const videoCodecs = new Set(['h264', 'hevc', 'av1', 'vp8', 'vp9', 'mpeg4', 'prores']);
const audioCodecs = new Set(['aac', 'mp3', 'opus', 'vorbis', 'alac', 'pcm_s16le', 'pcm_s24le', 'pcm_f32le', 'flac']);
/** What a browser plays in an MP4 container: a video that needs another container stays QuickTime (renditions are what readers get). */
const mp4VideoCodecs = new Set(['h264', 'hevc', 'av1', 'mpeg4']);

/**
 * Checks what a spooled upload is and makes its clean copy. `declared` is what the upload said
 * it is (from its Content-Type): a file that is something else is refused (415).
 */
export async function cleanMediaFile(
  spooled: string,
  declared: MediaFileKind,
  workDir: string,
): Promise<({ ok: true } & CleanMediaFile) | MediaRefusal> {
  if (declared === 'captions') {
    const cleaned = cleanCaptions(await fs.promises.readFile(spooled));
    if (!cleaned.ok) return refuse(cleaned.status, cleaned.message);
    const file = path.join(workDir, 'clean.vtt');
    await fs.promises.writeFile(file, cleaned.text, 'utf8');
    return finish({ kind: 'captions', file, contentType: 'text/vtt; charset=utf-8', extension: 'vtt', durationMs: null, width: null, height: null });
  }
  const probed = await probe(spooled);
  // A file that begins as a video or a recording does but cannot be read was damaged or cut short.
  if (!probed?.format?.format_name && (await startsLikeMedia(spooled))) return refuse(400, 'the file is damaged or cut short: it cannot be read to its end');
  if (!probed?.format?.format_name) return refuse(415, `not a ${declared === 'video' ? 'video' : 'recording'} that can be read: upload an MP4, QuickTime or WebM video, or an MP3, M4A (AAC) or WAV recording`);
  const format = probed.format.format_name;
  const streams = probed.streams ?? [];
  const video = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  const audio = streams.find((s) => s.codec_type === 'audio');
  const actual: MediaFileKind | null = video ? 'video' : audio ? 'audio' : null;
  if (!actual) return refuse(415, 'the file holds neither video nor sound');
  if (actual !== declared) return refuse(415, `the file is ${actual === 'video' ? 'a video' : 'a recording'}, not what its Content-Type (${declared}) says`);
  const duration = Number(probed.format.duration);
  if (!(duration > 0)) return refuse(400, 'the file has no duration: it is damaged or cut short');

  const common = ['-v', 'error', '-xerror', '-nostdin', '-y', '-i', spooled, '-map_metadata', '-1', '-map_chapters', '-1', '-fflags', '+bitexact'];
  let args: string[];
  let target: { contentType: string; extension: string };
  if (actual === 'video') {
    const codec = video!.codec_name ?? '';
    if (!videoCodecs.has(codec)) return refuse(415, `video coded as ${codec || 'unknown'} is not taken: upload H.264, HEVC, AV1, VP8, VP9 or ProRes`);
    if (audio && !audioCodecs.has(audio.codec_name ?? '')) return refuse(415, `sound coded as ${audio.codec_name ?? 'unknown'} is not taken`);
    const webm = /webm|matroska/.test(format);
    if (!webm && !/mov|mp4/.test(format)) return refuse(415, `a ${format} file is not taken: upload an MP4, QuickTime or WebM video`);
    target = webm
      ? { contentType: 'video/webm', extension: 'webm' }
      : mp4VideoCodecs.has(codec)
        ? { contentType: 'video/mp4', extension: 'mp4' }
        : { contentType: 'video/quicktime', extension: 'mov' };
    // SEI messages are where H.264 and HEVC encoders sign their name and settings.
    const sei = codec === 'h264' ? ['-bsf:v', 'filter_units=remove_types=6'] : codec === 'hevc' ? ['-bsf:v', 'filter_units=remove_types=39|40'] : [];
    args = [
      ...common,
      '-map', '0:v:0', '-map', '0:a:0?', '-c', 'copy', ...sei,
      '-map_metadata:s:v', '-1', '-map_metadata:s:a', '-1',
      ...(webm ? ['-f', 'webm'] : ['-movflags', '+faststart', '-f', target.extension === 'mov' ? 'mov' : 'mp4']),
    ];
  } else {
    const codec = audio!.codec_name ?? '';
    if (/^mp3$/.test(format) && codec === 'mp3') {
      target = { contentType: 'audio/mpeg', extension: 'mp3' };
      args = [...common, '-map', '0:a:0', '-c', 'copy', '-id3v2_version', '0', '-write_id3v1', '0', '-f', 'mp3'];
    } else if (/wav/.test(format)) {
      target = { contentType: 'audio/wav', extension: 'wav' };
      args = [...common, '-map', '0:a:0', '-c', 'copy', '-map_metadata:s:a', '-1', '-f', 'wav'];
    } else if ((/mov|mp4/.test(format) || format === 'aac') && (codec === 'aac' || codec === 'alac')) {
      target = { contentType: 'audio/mp4', extension: 'm4a' };
      args = [...common, '-map', '0:a:0', '-c', 'copy', '-map_metadata:s:a', '-1', '-movflags', '+faststart', '-f', 'mp4'];
    } else {
      return refuse(415, `a ${format} recording coded as ${codec || 'unknown'} is not taken: upload an MP3, M4A (AAC) or WAV file`);
    }
  }
  const file = path.join(workDir, `clean.${target.extension}`);
  const copied = await run('ffmpeg', [...args, file]);
  if (copied.code !== 0) return refuse(400, `the file is damaged or cut short: ${firstLine(copied.stderr)}`);
  let width: number | null = null;
  let height: number | null = null;
  if (video) {
    const rotation = Math.abs(Number(video.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ?? video.tags?.rotate ?? 0)) % 180;
    width = rotation === 90 ? (video.height ?? null) : (video.width ?? null);
    height = rotation === 90 ? (video.width ?? null) : (video.height ?? null);
    if (!width || !height) return refuse(400, 'the video has no picture size: it is damaged');
  }
  return finish({ kind: actual, file, ...target, durationMs: Math.round(duration * 1000), width, height });
}

/** Whether a file begins with the signature of a container we take: ISO BMFF (MP4, QuickTime, M4A), Matroska/WebM, MP3, WAV or ADTS AAC. */
async function startsLikeMedia(file: string): Promise<boolean> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const head = Buffer.alloc(12);
    const { bytesRead } = await handle.read(head, 0, 12, 0);
    if (bytesRead < 4) return false;
    const box = head.toString('latin1', 4, 8);
    if (['ftyp', 'moov', 'mdat', 'wide', 'free', 'skip'].includes(box)) return true;
    if (head.readUInt32BE(0) === 0x1a45dfa3) return true;
    if (head.toString('latin1', 0, 3) === 'ID3') return true;
    if (head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WAVE') return true;
    return head[0] === 0xff && (head[1]! & 0xe0) === 0xe0;
  } finally {
    await handle.close();
  }
}

async function finish(clean: Omit<CleanMediaFile, 'id' | 'byteLength'>): Promise<{ ok: true } & CleanMediaFile> {
  const [id, stat] = await Promise.all([hashFile(clean.file), fs.promises.stat(clean.file)]);
  return { ok: true, ...clean, id, byteLength: stat.size };
}

/** One frame of a clean video, a second in (or a third of the way into a shorter one), as a JPEG: its poster. */
async function posterFrame(clean: CleanMediaFile, workDir: string): Promise<Uint8Array | null> {
  const at = Math.min(1, (clean.durationMs ?? 0) / 3000);
  const file = path.join(workDir, 'poster.png');
  const result = await run('ffmpeg', ['-v', 'error', '-nostdin', '-y', '-ss', at.toFixed(3), '-i', clean.file, '-frames:v', '1', '-an', file]);
  if (result.code !== 0) return null;
  return new Uint8Array(await fs.promises.readFile(file));
}

/** The bytes of a file in chunks of `size`, read as they are stored. */
export async function* fileChunks(file: string, size: number): AsyncIterable<Uint8Array> {
  const handle = await fs.promises.open(file, 'r');
  try {
    for (;;) {
      const buffer = Buffer.allocUnsafe(size);
      const { bytesRead } = await handle.read(buffer, 0, size, null);
      if (bytesRead === 0) return;
      yield new Uint8Array(buffer.subarray(0, bytesRead));
      if (bytesRead < size) return;
    }
  } finally {
    await handle.close();
  }
}

/**
 * Checks, cleans and stores a spooled file, with a video's poster: what the API and the import
 * both do with a video, a recording or captions. Nothing is stored from a file refused.
 */
export async function takeInMediaFile(
  db: Db,
  kind: MediaFileKind,
  spooled: string,
  workDir: string,
): Promise<{ ok: true; created: boolean; stored: MediaStream } | MediaRefusal> {
  const cleaned = await cleanMediaFile(spooled, kind, workDir);
  if (!cleaned.ok) return cleaned;
  let created = false;
  if (!(await getMediaStreams(db, [cleaned.id])).has(cleaned.id)) {
    let poster: string | null = null;
    if (kind === 'video') {
      const frame = await posterFrame(cleaned, workDir);
      const picture = frame ? await cleanPicture(frame) : null;
      if (picture?.ok) {
        await saveMedia(db, picture.record);
        poster = mediaPath(picture.record.id, picture.record.extension);
      }
    }
    created = await saveMediaStream(
      db,
      {
        id: cleaned.id,
        kind,
        contentType: cleaned.contentType,
        extension: cleaned.extension,
        byteLength: cleaned.byteLength,
        chunkSize: mediaChunkSize(),
        durationMs: cleaned.durationMs,
        width: cleaned.width,
        height: cleaned.height,
        poster,
        renditionState: kind === 'captions' ? 'none' : 'pending',
      },
      fileChunks(cleaned.file, mediaChunkSize()),
    );
  }
  return { ok: true, created, stored: (await getMediaStreams(db, [cleaned.id])).get(cleaned.id)! };
}

/** What a file's extension says it is, for the import: null for anything else. */
export function mediaKindOfName(name: string): MediaFileKind | null {
  const extension = name.split('.').pop()?.toLowerCase() ?? '';
  if (['mp4', 'mov', 'webm'].includes(extension)) return 'video';
  if (['mp3', 'm4a', 'wav'].includes(extension)) return 'audio';
  if (extension === 'vtt') return 'captions';
  return null;
}

/** Whether ffprobe and ffmpeg are here to run. */
export async function mediaToolsInstalled(): Promise<boolean> {
  try {
    const [probe, mpeg] = await Promise.all([run('ffprobe', ['-version']), run('ffmpeg', ['-version'])]);
    return probe.code === 0 && mpeg.code === 0;
  } catch {
    return false;
  }
}
