import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { lighthouse, type LighthouseResult } from '../lighthouse';
import { benchAuth, budgets, ci, lighthouseRuns, log, outDir } from './config';
import { medianRun } from './lighthouse-rounds';
import { load } from './load';
import { check, fmt } from './report';
import type { Server } from './servers';

/**
 * Video and audio (issue 30, decision 025), measured on one server with the demo's stories:
 * - the story that leads with a video against the same story leading with its picture
 *   (Lighthouse, applied throttling): LCP ratio, CLS, accessibility, video bytes before play;
 * - pressing play on a phone at 1.6 Mbit/s (Chromium's network throttling): the first frame;
 * - a 1080p upload (a minute long in the full form, 15 s in CI's): accepted how long after its
 *   last byte, its renditions ready how long after; and two at once, readers' pages during them
 *   against before.
 * Gated: the LCP ratio, CLS 0, accessibility 1, no video byte before play, and readers' pages
 * during two uploads' renditions. The times are reported against the issue's targets.
 */

const glacierStory = '/en/environment/20180405-alpine-glaciers-retreat-faster';
const targets = { lcpRatio: 1.1, firstFrameMs: 2000, renditionsMs: 180_000, readersDuringRenditions: 0.8 };
/** A request, once more on a fresh connection when the server closed the one kept from before a Lighthouse run. */
async function again(ask: () => Promise<Response>): Promise<Response> {
  try {
    return await ask();
  } catch {
    return ask();
  }
}
const api = (server: Server, pathname: string, init: RequestInit = {}) =>
  again(() => fetch(`${server.url}${pathname}`, { ...init, headers: { ...benchAuth, ...(init.headers ?? {}) } }));
/** A reader's request for a page, read to its end. */
const page = async (server: Server, pathname: string) => (await again(() => fetch(`${server.url}${pathname}`))).arrayBuffer();

type MediaAnswer = { id: string; src: string; renditions: string | null };

/**
 * The glacier story as it is (leading with its video), or the same story leading with its
 * picture: written again through the API, its page warmed. The same story, address and
 * translations: only the lead differs.
 */
async function publishGlacier(server: Server, lead: 'video' | 'picture', original: Record<string, unknown>): Promise<void> {
  const story = { ...original };
  delete story.path;
  delete story.state;
  delete story.preview;
  if (lead === 'picture') delete story.mainVideo;
  const written = await api(server, '/api/v1/articles', { method: 'POST', body: JSON.stringify(story) });
  if (!written.ok) throw new Error(`bench: the glacier story (${lead}) was refused: ${written.status} ${await written.text()}`);
  for (let i = 0; i < 3; i++) await page(server, glacierStory);
}

async function waitForRenditions(server: Server, id: string, timeoutMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    const read = (await (await api(server, `/api/v1/media/${id}`)).json()) as MediaAnswer;
    if (read.renditions === 'ready') return Date.now() - started;
    if (read.renditions === 'failed') throw new Error(`bench: renditions of ${id} failed`);
    if (Date.now() - started > timeoutMs) return NaN;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * A 1080p clip of our own, `seconds` long: moving test pictures (drawn once, kept in .data/bench)
 * and a tone of this run's own, so that every run uploads files the store has not seen.
 */
function clip1080(seconds: number, seed: number): string {
  const picture = path.join(outDir, `upload-${seconds}s-picture.mp4`);
  if (!fs.existsSync(picture)) {
    execFileSync('ffmpeg', [
      '-v',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      `testsrc2=size=1920x1080:rate=25:duration=${seconds}`,
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-crf',
      '20',
      picture,
    ]);
  }
  const file = path.join(outDir, `upload-${seconds}s-${seed}.mp4`);
  const tone = 200 + ((Date.now() + seed * 7919) % 3000);
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-i',
    picture,
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=${tone}:duration=${seconds}`,
    '-map',
    '0:v',
    '-map',
    '1:a',
    '-c:v',
    'copy',
    '-c:a',
    'aac',
    '-b:a',
    '128k',
    file,
  ]);
  return file;
}

/** Sends a file as a raw body to `url`; how long until the answer, and the answer. */
async function send(url: string, file: string, headers: Record<string, string>): Promise<{ ms: number; status: number; body: string }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { ...headers, 'Content-Length': String(fs.statSync(file).size) } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      res.on('end', () => resolve({ ms: Date.now() - started, status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    fs.createReadStream(file).pipe(req);
  });
}

/** How long the same bytes take to arrive at a server that only reads them: the upload's floor on this machine. */
async function sinkMs(file: string): Promise<number> {
  const sink = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.end('ok'));
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const { port } = sink.address() as { port: number };
  const { ms } = await send(`http://127.0.0.1:${port}/`, file, { 'Content-Type': 'video/mp4' });
  sink.close();
  return ms;
}

async function upload(server: Server, file: string): Promise<{ ms: number; answer: MediaAnswer }> {
  const sent = await send(`${server.url}/api/v1/media`, file, { Authorization: benchAuth.Authorization, 'Content-Type': 'video/mp4' });
  if (sent.status !== 201 && sent.status !== 200) throw new Error(`bench: upload answered ${sent.status}: ${sent.body}`);
  return { ms: sent.ms, answer: JSON.parse(sent.body) as MediaAnswer };
}

/**
 * Pressing play on a phone at 1.6 Mbit/s: from the press to the first frame painted. The press
 * is the player's own `play()`, in a browser that lets a page start sound without a gesture
 * (the reader's tap is the gesture); NaN when no frame came within 20 s.
 */
async function firstFrameMs(url: string): Promise<number> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--autoplay-policy=no-user-gesture-required'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: 750e3 / 8 });
    await page.goto(url, { waitUntil: 'load' });
    return await page.locator('article header video').evaluate(
      (el) =>
        new Promise<number>((resolve) => {
          const video = el as HTMLVideoElement;
          const pressed = performance.now();
          const timer = setTimeout(() => resolve(NaN), 20_000);
          video.requestVideoFrameCallback((now) => {
            clearTimeout(timer);
            resolve(now - pressed);
          });
          void video.play().catch(() => resolve(NaN));
        }),
    );
  } finally {
    await browser.close();
  }
}

export async function measureMedia(server: Server): Promise<{ rows: string[][]; results: Record<string, unknown> }> {
  const rows: string[][] = [];
  log('media: the glacier story leading with its video, and with its picture');
  // The story as the demo has it, kept beside the bench's store: a run cut short leaves it leading with its picture.
  const saved = path.join(outDir, 'glacier-story.json');
  let original = (await (await api(server, '/api/v1/articles/alpine-glaciers-2018')).json()) as Record<string, unknown> & { mainVideo?: { src: string } };
  if (original.mainVideo) fs.writeFileSync(saved, JSON.stringify(original));
  else original = JSON.parse(fs.readFileSync(saved, 'utf8')) as typeof original;
  // The demo's renditions are made as the server starts: wait for them.
  const videoId = /\/media\/([0-9a-f]{32})\./.exec(original.mainVideo!.src)![1]!;
  await waitForRenditions(server, videoId, 120_000);
  // In turns, so that a slow spell of the machine falls on both.
  const runs = { picture: [] as LighthouseResult[], video: [] as LighthouseResult[] };
  try {
    for (let i = 0; i < (ci ? 2 : lighthouseRuns); i += 1) {
      for (const lead of ['picture', 'video'] as const) {
        await publishGlacier(server, lead, original);
        runs[lead].push(lighthouse(`${server.url}${glacierStory}`, ['--throttling-method=devtools']));
      }
    }
  } finally {
    await publishGlacier(server, 'video', original);
  }
  const lh = { picture: medianRun(runs.picture), video: medianRun(runs.video) };
  const lcpRatio = lh.video.lcpMs / lh.picture.lcpMs;
  // Gated in the full form; CI's fewer runs of a shared machine are reported.
  const lcpMessage = `video-led story: LCP ${fmt(lcpRatio, 2)} × the same story leading with its picture (target ${targets.lcpRatio})`;
  if (ci) console.log(`bench: ${lcpMessage}`);
  else check(lcpRatio <= targets.lcpRatio, lcpMessage);
  // The worst run of each. The player's box is set before anything arrives; what shifts at all is
  // the header's language links when their faces arrive late (3–4 px, docs/performance.md).
  const cls = { picture: Math.max(...runs.picture.map((r) => r.cls)), video: Math.max(...runs.video.map((r) => r.cls)) };
  check(
    cls.video <= budgets.cls,
    `video-led story: layout shift ${fmt(cls.video, 5)}, leading with its picture ${fmt(cls.picture, 5)} (the issue: 0; budget ${budgets.cls})`,
  );
  check(lh.video.accessibility === 1, `video-led story: accessibility ${lh.video.accessibility} (target 1)`);
  check(lh.video.mediaBytes === 0, `video-led story: ${lh.video.mediaBytes} bytes of video before play (target 0)`);
  rows.push(
    [
      'Story leading with its picture (applied throttling)',
      fmt(lh.picture.lcpMs),
      String(lh.picture.cls),
      String(lh.picture.accessibility),
      String(lh.picture.mediaBytes),
      '',
    ],
    [
      'Same story leading with its video',
      fmt(lh.video.lcpMs),
      String(lh.video.cls),
      String(lh.video.accessibility),
      String(lh.video.mediaBytes),
      `LCP ${fmt(lcpRatio, 2)} × (target ≤ ${targets.lcpRatio})`,
    ],
  );

  log('media: pressing play on a phone at 1.6 Mbit/s');
  const frames = [
    await firstFrameMs(`${server.url}${glacierStory}`),
    await firstFrameMs(`${server.url}${glacierStory}`),
    await firstFrameMs(`${server.url}${glacierStory}`),
  ].sort((a, b) => a - b);
  const firstFrame = frames[1]!;
  console.log(
    `bench: first frame after pressing play, phone at 1.6 Mbit/s: ${frames.map((ms) => fmt(ms)).join(', ')} ms (median ${fmt(firstFrame)}; target ≤ ${targets.firstFrameMs})`,
  );

  const seconds = ci ? 15 : 60;
  log(`media: a ${seconds}-second 1080p upload, then two at once`);
  const one = clip1080(seconds, 1);
  const sink = await sinkMs(one);
  const single = await upload(server, one);
  const singleReady = await waitForRenditions(server, single.answer.id, 600_000);
  const bytes = fs.statSync(one).size;
  // Readers' pages before, and while two uploads' renditions are being made.
  const before = await load(`${server.url}/en/europe`, 6);
  const [a, b] = await Promise.all([upload(server, clip1080(seconds, 2)), upload(server, clip1080(seconds, 3))]);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const during = await load(`${server.url}/en/europe`, 6);
  const [readyA, readyB] = await Promise.all([waitForRenditions(server, a.answer.id, 900_000), waitForRenditions(server, b.answer.id, 900_000)]);
  const readers = during.rps / before.rps;
  // Gated in the full form (a minute's renditions, longer loads); CI's 15-second clips and 6-second
  // loads on a shared machine spread 0.7–1.2 ×: reported there.
  const readersMessage = `readers' pages while two uploads' renditions are made: ${fmt(readers, 2)} × before (target ≥ ${targets.readersDuringRenditions})`;
  if (ci) console.log(`bench: ${readersMessage}`);
  else check(readers >= targets.readersDuringRenditions, readersMessage);
  const at100Mbit = (bytes * 8) / 100e6;
  console.log(
    `bench: a ${seconds}-second 1080p upload (${fmt(bytes / 1e6, 1)} MB): answered ${fmt(single.ms)} ms after it began, its bytes alone take ${fmt(sink)} ms here (${fmt(at100Mbit * 1000)} ms at 100 Mbit/s); renditions ready ${fmt(singleReady / 1000, 1)} s after (target ≤ ${targets.renditionsMs / 1000} s); two at once: ${fmt(readyA / 1000, 1)} s and ${fmt(readyB / 1000, 1)} s`,
  );
  rows.push(
    [
      `${seconds} s 1080p upload (${fmt(bytes / 1e6, 1)} MB)`,
      `${fmt(single.ms)} ms to answer`,
      `${fmt(sink)} ms for its bytes alone`,
      `renditions ${fmt(singleReady / 1000, 1)} s`,
      '',
      `target ≤ ${targets.renditionsMs / 1000} s`,
    ],
    [
      'Section page during two uploads’ renditions',
      `${fmt(during.rps)} req/s`,
      `before: ${fmt(before.rps)} req/s`,
      `p99 ${fmt(during.p99, 1)} ms (before ${fmt(before.p99, 1)})`,
      '',
      `${fmt(readers, 2)} × (target ≥ ${targets.readersDuringRenditions})`,
    ],
    ['First frame after play, phone at 1.6 Mbit/s', `${fmt(firstFrame)} ms`, '', '', '', `target ≤ ${targets.firstFrameMs} ms`],
  );
  return {
    rows,
    results: {
      lighthouse: { picture: lh.picture, video: lh.video, lcpRatio, cls },
      firstFrameMs: frames,
      upload: { seconds, bytes, answeredMs: single.ms, bytesAloneMs: sink, renditionsMs: singleReady, twoAtOnceMs: [readyA, readyB] },
      readers: { before, during, ratio: readers },
    },
  };
}
