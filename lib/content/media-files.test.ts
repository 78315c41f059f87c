import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanMediaFile, makeWorkDir } from './media-files';
import { renditionHeights } from './renditions';

/**
 * The video and audio pipeline (decision 025), with real files made by ffmpeg as a phone or an
 * editing program would leave them: what is refused, and what a stored file no longer carries.
 */

let dir: string;
/**
 * What must not survive: the place, the device, the person, the encoder's tag and the settings
 * x264 writes into the picture stream. (The muxer's own name, "Lavf" without a version, is ours;
 * an audio encoder's name inside its frames, as LAME's, is not a tag and stays.)
 */
const personal = ['+48.8584+002.2945', 'Apple', 'iPhone 15', 'Secret Encoder', 'Jane Reporter', 'x264', '2026-01-01'];

const ffmpeg = (...args: string[]) => execFileSync('ffmpeg', ['-v', 'error', '-y', ...args]);
const tags = [
  '-metadata', 'location=+48.8584+002.2945/',
  '-metadata', 'location-eng=+48.8584+002.2945/',
  '-metadata', 'com.apple.quicktime.location.ISO6709=+48.8584+002.2945/',
  '-metadata', 'com.apple.quicktime.make=Apple',
  '-metadata', 'com.apple.quicktime.model=iPhone 15',
  '-metadata', 'make=Apple',
  '-metadata', 'model=iPhone 15',
  '-metadata', 'encoder=Secret Encoder',
  '-metadata', 'artist=Jane Reporter',
  '-metadata', 'creation_time=2026-01-01T10:00:00Z',
];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'media-files-test-'));
  const picture = ['-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=25:duration=2', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=2'];
  ffmpeg(...picture, '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', ...tags, '-movflags', 'use_metadata_tags', path.join(dir, 'phone.mov'));
  ffmpeg(...picture, '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', ...tags, '-movflags', '+faststart', path.join(dir, 'edited.mp4'));
  ffmpeg(...picture, '-c:v', 'libvpx', '-b:v', '200k', '-c:a', 'libopus', ...tags, path.join(dir, 'clip.webm'));
  ffmpeg('-f', 'lavfi', '-i', 'sine=frequency=330:duration=2', '-c:a', 'libmp3lame', ...tags, path.join(dir, 'voice.mp3'));
  ffmpeg('-f', 'lavfi', '-i', 'sine=frequency=330:duration=2', '-c:a', 'aac', ...tags, path.join(dir, 'voice.m4a'));
  ffmpeg('-f', 'lavfi', '-i', 'sine=frequency=330:duration=2', '-c:a', 'pcm_s16le', ...tags, path.join(dir, 'voice.wav'));
  const whole = fs.readFileSync(path.join(dir, 'edited.mp4'));
  fs.writeFileSync(path.join(dir, 'cut.mp4'), whole.subarray(0, Math.floor(whole.length * 0.6)));
  // Its index at the end, as a camera writes it: cut short, nothing can be read of it.
  const phone = fs.readFileSync(path.join(dir, 'phone.mov'));
  fs.writeFileSync(path.join(dir, 'cut.mov'), phone.subarray(0, Math.floor(phone.length * 0.7)));
  fs.writeFileSync(path.join(dir, 'noise.mp4'), Buffer.from('this is not a video at all, only words'.repeat(50)));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const clean = async (name: string, declared: 'video' | 'audio') => cleanMediaFile(path.join(dir, name), declared, await makeWorkDir());

describe('uploaded video and audio', () => {
  it.each([
    ['phone.mov', 'video', 'video/mp4'],
    ['edited.mp4', 'video', 'video/mp4'],
    ['clip.webm', 'video', 'video/webm'],
    ['voice.mp3', 'audio', 'audio/mpeg'],
    ['voice.m4a', 'audio', 'audio/mp4'],
    ['voice.wav', 'audio', 'audio/wav'],
  ] as const)('keep %s playable and carry none of its location, device, author or encoder tags', async (name, kind, contentType) => {
    const original = fs.readFileSync(path.join(dir, name)).toString('latin1');
    expect(personal.some((trace) => original.includes(trace))).toBe(true);
    const cleaned = await clean(name, kind);
    expect(cleaned).toMatchObject({ ok: true, kind, contentType });
    if (!cleaned.ok) return;
    const bytes = fs.readFileSync(cleaned.file).toString('latin1');
    expect(personal.filter((trace) => bytes.includes(trace))).toEqual([]);
    expect(cleaned.durationMs).toBeGreaterThan(1500);
    if (kind === 'video') expect([cleaned.width, cleaned.height]).toEqual([320, 180]);
    // What is stored still plays: ffprobe reads it whole.
    const probe = JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', cleaned.file]).toString('utf8'));
    expect(probe.streams.length).toBeGreaterThan(0);
    const left = Object.entries((probe.format.tags ?? {}) as Record<string, string>).filter(
      ([tag, value]) => !['major_brand', 'minor_version', 'compatible_brands'].includes(tag) && !(tag.toLowerCase() === 'encoder' && value === 'Lavf'),
    );
    expect(left).toEqual([]);
  });

  it('refuse a file cut short (400), a file that is something else (415), and sound sent as video (415)', async () => {
    expect(await clean('cut.mp4', 'video')).toMatchObject({ ok: false, status: 400 });
    expect(await clean('cut.mov', 'video')).toMatchObject({ ok: false, status: 400 });
    expect(await clean('noise.mp4', 'video')).toMatchObject({ ok: false, status: 415 });
    expect(await clean('voice.mp3', 'video')).toMatchObject({ ok: false, status: 415, message: expect.stringMatching(/recording/) });
    expect(await clean('edited.mp4', 'audio')).toMatchObject({ ok: false, status: 415, message: expect.stringMatching(/video/) });
  });

  it('make renditions no larger than the upload, and always at least one', () => {
    expect(renditionHeights(1080)).toEqual([360, 720, 1080]);
    expect(renditionHeights(2160)).toEqual([360, 720, 1080]);
    expect(renditionHeights(480)).toEqual([360]);
    expect(renditionHeights(241)).toEqual([240]);
  });
});
