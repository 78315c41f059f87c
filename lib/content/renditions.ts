import fs from 'node:fs';
import path from 'node:path';
import type { MediaFile, Rendition } from '../domain/media-files';
import { run } from './media-files';

/**
 * The web renditions of an upload (decision 025), made by ffmpeg at a low priority:
 * - a video: H.264 (High profile, yuv420p) with AAC sound in MP4, its index first, at 360, 720
 *   and 1080 lines — those at or below its own, and always the smallest — in one pass that
 *   decodes the upload once; the sound normalised to one loudness (EBU R128, -16 LUFS);
 * - a recording: AAC in M4A at 128 kbit/s, normalised the same way.
 * Each rendition is a file of its own in the work folder; the caller stores it.
 */

export type MadeRendition = Omit<Rendition, 'id' | 'byteLength'> & { file: string };

const ladder = [360, 720, 1080];
const loudness = 'loudnorm=I=-16:TP=-1.5:LRA=11';

export function renditionHeights(sourceHeight: number): number[] {
  const fitting = ladder.filter((height) => height <= sourceHeight);
  return fitting.length ? fitting : [Math.max(2, sourceHeight - (sourceHeight % 2))];
}

export async function makeRenditions(source: MediaFile, sourceFile: string, workDir: string): Promise<MadeRendition[]> {
  if (source.kind === 'audio') {
    const file = path.join(workDir, 'audio.m4a');
    const result = await run(
      'ffmpeg',
      ['-v', 'error', '-nostdin', '-y', '-i', sourceFile, '-map', '0:a:0', '-af', loudness, '-ar', '48000', '-c:a', 'aac', '-b:a', '128k', '-map_metadata', '-1', '-fflags', '+bitexact', '-movflags', '+faststart', file],
      { nice: true },
    );
    if (result.code !== 0) throw new Error(`ffmpeg could not make the recording's rendition: ${result.stderr.trim().split('\n').pop()}`);
    return [{ file, contentType: 'audio/mp4', extension: 'm4a', width: null, height: null }];
  }
  const width = source.width ?? 0;
  const height = source.height ?? 0;
  // A portrait video: the ladder applies to its short side.
  const portrait = width < height;
  const heights = renditionHeights(portrait ? width : height);
  const outputs = heights.map((lines) => {
    const scale = portrait ? `scale=${lines}:-2` : `scale=-2:${lines}`;
    const outWidth = portrait ? lines : Math.round((width * lines) / height / 2) * 2;
    const outHeight = portrait ? Math.round((height * lines) / width / 2) * 2 : lines;
    return { lines, scale, width: outWidth, height: outHeight, file: path.join(workDir, `video-${lines}.mp4`) };
  });
  const split = `[0:v]split=${outputs.length}${outputs.map((_, i) => `[v${i}]`).join('')}`;
  const filters = [split, ...outputs.map((output, i) => `[v${i}]${output.scale},format=yuv420p[o${i}]`)].join(';');
  const args = ['-v', 'error', '-nostdin', '-y', '-i', sourceFile, '-filter_complex', filters];
  for (const [i, output] of outputs.entries()) {
    args.push(
      '-map', `[o${i}]`, '-map', '0:a:0?',
      '-c:v', 'libx264', '-preset', 'veryfast', '-crf', output.lines <= 360 ? '26' : '23', '-profile:v', 'high',
      '-maxrate', `${output.lines <= 360 ? 800 : output.lines <= 720 ? 2500 : 5000}k`, '-bufsize', `${output.lines <= 360 ? 1600 : output.lines <= 720 ? 5000 : 10000}k`,
      '-c:a', 'aac', '-b:a', output.lines <= 360 ? '96k' : '128k', '-ar', '48000', '-af', loudness,
      '-map_metadata', '-1', '-fflags', '+bitexact', '-movflags', '+faststart', output.file,
    );
  }
  const result = await run('ffmpeg', args, { nice: true });
  if (result.code !== 0) throw new Error(`ffmpeg could not make the video's renditions: ${result.stderr.trim().split('\n').pop()}`);
  return outputs.map((output) => ({ file: output.file, contentType: 'video/mp4', extension: 'mp4', width: output.width, height: output.height }));
}

/** Writes a stored file's chunks to disk, for ffmpeg to read. */
export async function writeChunksToFile(chunks: AsyncIterable<Uint8Array>, file: string): Promise<void> {
  const handle = await fs.promises.open(file, 'w', 0o600);
  try {
    for await (const chunk of chunks) await handle.write(chunk);
  } finally {
    await handle.close();
  }
}
