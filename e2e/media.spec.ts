import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { baseURL } from '../playwright.config';
import { editionIds, getEdition, type EditionId } from '../lib/domain/editions';
import { demoByEdition, demoPath, frontMatter } from './support/demo';
import { expectNoAxeViolations } from './support/axe';

/**
 * Video, audio and embeds in stories (issue 30, decision 025), as editors, readers and crawlers
 * meet them: uploads cleaned of every personal trace and refused when hostile, files served in
 * ranges, native players that fetch nothing before play, captions and transcripts, link cards
 * that load nothing of another site until asked, and what crawlers are told. Once, in the desktop
 * project; the demo's video and audio stories in every edition.
 */

const auth = { Authorization: 'Bearer e2e-publish-token' };
const example = JSON.parse(fs.readFileSync('content/examples/publish-article.json', 'utf8')) as Record<string, unknown>;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-media-'));
const ffmpeg = (...args: string[]) => execFileSync('ffmpeg', ['-v', 'error', '-y', ...args]);
const isoSeconds = (ts: number) => new Date(ts).toISOString().replace(/\.\d{3}Z$/, 'Z');

type Uploaded = {
  id: string;
  src: string;
  kind: string;
  duration: number;
  width: number | null;
  height: number | null;
  poster: string | null;
  renditions: string | null;
  files?: { src: string; height: number }[];
};

/** A clip as a phone leaves it: where it was shot, on what, by whom. A tone of its own per call, so each upload is new. */
function phoneClip(name: string, seconds = 3): Buffer {
  const file = path.join(work, name);
  ffmpeg(
    '-f',
    'lavfi',
    '-i',
    `testsrc2=size=1280x720:rate=25:duration=${seconds}`,
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=${200 + Math.floor(Math.random() * 2000)}:duration=${seconds}`,
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-c:a',
    'aac',
    '-metadata',
    'location=+48.8584+002.2945/',
    '-metadata',
    'com.apple.quicktime.location.ISO6709=+48.8584+002.2945/',
    '-metadata',
    'com.apple.quicktime.make=Apple',
    '-metadata',
    'com.apple.quicktime.model=iPhone 15',
    '-metadata',
    'creation_time=2026-11-30T08:00:00Z',
    '-metadata',
    'encoder=Camera App 4.2',
    '-movflags',
    'use_metadata_tags',
    '-f',
    'mov',
    file,
  );
  return fs.readFileSync(file);
}

function recording(name: string): Buffer {
  const file = path.join(work, name);
  ffmpeg(
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=${300 + Math.floor(Math.random() * 900)}:duration=2`,
    '-c:a',
    'libmp3lame',
    '-metadata',
    'artist=Jane Reporter',
    '-metadata',
    'location=+48.8584+002.2945/',
    file,
  );
  return fs.readFileSync(file);
}

const upload = (request: APIRequestContext, bytes: Buffer | string, type: string) =>
  request.post('/api/v1/media', { data: bytes, headers: { ...auth, 'Content-Type': type } });

/** What exiftool reads of a file, as a forensic reader would. */
function exif(bytes: Buffer): Record<string, unknown> {
  const file = path.join(work, `read-${Date.now()}`);
  fs.writeFileSync(file, bytes);
  return (JSON.parse(execFileSync('exiftool', ['-j', '-a', '-G1', file]).toString('utf8')) as Record<string, unknown>[])[0]!;
}

const personalTraces = /GPS|Location|Make|Model|Encoder|Artist|CreationTime|Creation Date/i;

/** The store's media rows, counted as an operator would, once no rendition is being made (those write rows of their own). */
async function storedMediaCounts(): Promise<{ files: number; chunks: number }> {
  const db = new Database('.data/e2e.sqlite', { readonly: true, fileMustExist: true });
  try {
    await expect
      .poll(() => Number(db.prepare("select count(*) from media_streams where rendition_state = 'pending'").pluck().get()), { timeout: 120_000 })
      .toBe(0);
    return {
      files: Number(db.prepare('select count(*) from media_streams').pluck().get()),
      chunks: Number(db.prepare('select count(*) from media_chunks').pluck().get()),
    };
  } finally {
    db.close();
  }
}

/** A raw request with a Content-Length of our choosing: what the server answers before (or while) the body arrives. */
function rawUpload(headers: Record<string, string>, body: (req: http.ClientRequest) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${baseURL}/api/v1/media`, { method: 'POST', headers: { ...auth, ...headers } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    body(req);
  });
}

async function waitForRenditions(request: APIRequestContext, id: string, timeoutMs: number): Promise<Uploaded> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const read = (await (await request.get(`/api/v1/media/${id}`, { headers: auth })).json()) as Uploaded;
    if (read.renditions !== 'pending' || Date.now() > deadline) return read;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

// One after another: the uploads' renditions write rows that another test of this file counts.
test.describe.configure({ mode: 'serial' });

test.describe('video and audio uploads', () => {
  test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name !== 'desktop', 'the API answers the same on every screen'));

  test('a phone’s clip is taken, cleaned of where, on what and by whom it was shot, served in ranges, and given web renditions', async ({ request }) => {
    const clip = phoneClip('phone.mov');
    expect(Object.keys(exif(clip)).filter((key) => personalTraces.test(key)).length).toBeGreaterThan(0);
    const started = Date.now();
    const answer = await upload(request, clip, 'video/quicktime');
    expect(answer.status()).toBe(201);
    const uploaded = (await answer.json()) as Uploaded;
    expect(uploaded).toMatchObject({
      kind: 'video',
      width: 1280,
      height: 720,
      src: expect.stringMatching(/^\/media\/[0-9a-f]{32}\.mp4$/),
      poster: expect.stringMatching(/^\/media\/[0-9a-f]{32}\.jpg$/),
    });
    expect(uploaded.duration).toBeCloseTo(3, 0);
    expect(uploaded.renditions).toBe('pending');

    const served = await request.get(uploaded.src);
    expect(served.status()).toBe(200);
    expect(served.headers()).toMatchObject({ 'content-type': 'video/mp4', 'accept-ranges': 'bytes', etag: `"${uploaded.id}"` });
    expect(served.headers()['cache-control']).toContain('immutable');
    const bytes = await served.body();
    const clean = exif(bytes);
    expect(Object.entries(clean).filter(([key]) => personalTraces.test(key))).toEqual([]);
    expect(bytes.includes(Buffer.from('+48.8584'))).toBe(false);
    expect(bytes.includes(Buffer.from('x264'))).toBe(false);

    const range = await request.get(uploaded.src, { headers: { Range: 'bytes=100-1123' } });
    expect(range.status()).toBe(206);
    expect(range.headers()['content-range']).toBe(`bytes 100-1123/${bytes.length}`);
    expect(Buffer.compare(await range.body(), bytes.subarray(100, 1124))).toBe(0);
    const tail = await request.get(uploaded.src, { headers: { Range: `bytes=${bytes.length - 10}-` } });
    expect([tail.status(), (await tail.body()).length]).toEqual([206, 10]);
    const past = await request.get(uploaded.src, { headers: { Range: `bytes=${bytes.length}-` } });
    expect([past.status(), past.headers()['content-range']]).toEqual([416, `bytes */${bytes.length}`]);
    expect((await request.get(uploaded.src, { headers: { 'If-None-Match': `"${uploaded.id}"` } })).status()).toBe(304);
    expect((await request.get(uploaded.poster!)).headers()['content-type']).toBe('image/jpeg');

    // The same clip again: already there.
    const again = await request.post('/api/v1/media', { headers: auth, multipart: { file: { name: 'phone.mov', mimeType: 'video/quicktime', buffer: clip } } });
    expect([again.status(), ((await again.json()) as Uploaded).src]).toEqual([200, uploaded.src]);

    const made = await waitForRenditions(request, uploaded.id, 120_000);
    test.info().annotations.push({ type: 'renditions', description: `3 s 720p clip: renditions ready ${Date.now() - started} ms after the upload began` });
    expect(made.renditions).toBe('ready');
    expect(made.files!.map((file) => file.height)).toEqual([360, 720]);
    const small = await request.get(made.files![0]!.src, { headers: { Range: 'bytes=0-63' } });
    expect(small.status()).toBe(206);
    // The index comes first: a player starts before the file has arrived.
    expect((await small.body()).includes(Buffer.from('moov'))).toBe(true);
  });

  test('a recording and its captions are taken; hostile uploads get a clear 4xx and leave nothing in the store', async ({ request }) => {
    const before = await storedMediaCounts();
    // Wrong type, a file that is not what it says, sound sent as video, cut short.
    expect((await upload(request, '%PDF-1.4 not a video', 'video/mp4')).status()).toBe(415);
    expect((await upload(request, recording('voice.mp3'), 'video/mp4')).status()).toBe(415);
    expect((await upload(request, '{}', 'application/json')).status()).toBe(415);
    const whole = phoneClip('cut.mov', 2);
    const cut = await upload(request, whole.subarray(0, Math.floor(whole.length * 0.7)), 'video/quicktime');
    expect(cut.status()).toBe(400);
    expect(((await cut.json()) as { error: { issues: { field: string }[] } }).error.issues[0]?.field).toBe('file');
    // Captions with markup in them.
    const script = await upload(request, 'WEBVTT\n\n00:00.000 --> 00:02.000\n<script>alert(1)</script>', 'text/vtt');
    expect(script.status()).toBe(400);
    expect(((await script.json()) as { error: { message: string } }).error.message).toMatch(/markup/);
    // Too large, said up front: refused before a byte of the body is read.
    expect(await rawUpload({ 'Content-Type': 'video/mp4', 'Content-Length': String(3 * 1024 ** 3) }, (req) => req.write(Buffer.alloc(1024)))).toBe(413);
    // Too large, found while streaming (no Content-Length): captions over their 1 MiB.
    expect(
      await rawUpload({ 'Content-Type': 'text/vtt', 'Transfer-Encoding': 'chunked' }, (req) => {
        const chunk = Buffer.from(`WEBVTT\n\n${'00:00.000 --> 00:01.000\nWords\n\n'.repeat(2000)}`);
        for (let i = 0; i < 24; i++) req.write(chunk);
        req.end();
      }),
    ).toBe(413);
    expect(await storedMediaCounts()).toEqual(before);

    const voice = await upload(request, recording('voice.mp3'), 'audio/mpeg');
    expect(voice.status()).toBe(201);
    const audio = (await voice.json()) as Uploaded;
    expect(audio).toMatchObject({ kind: 'audio', src: expect.stringMatching(/\.mp3$/), width: null, poster: null });
    expect(Object.entries(exif(await (await request.get(audio.src)).body())).filter(([key]) => /Artist|Location|GPS/.test(key))).toEqual([]);
    const captions = await upload(request, 'WEBVTT\n\nNOTE made on laptop-17\n\n00:00.000 --> 00:02.000\n<v Narrator>Hello & <i>welcome</i>', 'text/vtt');
    expect(captions.status()).toBe(201);
    const vtt = (await captions.json()) as Uploaded;
    const served = await request.get(vtt.src);
    expect(served.headers()['content-type']).toBe('text/vtt; charset=utf-8');
    expect(await served.text()).toBe('WEBVTT\n\n00:00.000 --> 00:02.000\n<v Narrator>Hello & <i>welcome</i>\n');
  });
});

test.describe('a story with video, audio and an embed', () => {
  test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name !== 'desktop', 'what is checked is the same on every screen'));

  test('plays nothing before the reader asks, loads nothing of the other site until asked, and tells crawlers what it plays', async ({ page, request }) => {
    const video = (await (await upload(request, phoneClip('story.mov', 2), 'video/quicktime')).json()) as Uploaded;
    const audio = (await (await upload(request, recording('story.mp3'), 'audio/mpeg')).json()) as Uploaded;
    const captions = (await (await upload(request, `WEBVTT\n\n00:00.000 --> 00:01.500\nCaptions ${Date.now()}`, 'text/vtt')).json()) as Uploaded;
    const run = Date.now().toString(36);
    const story = {
      ...example,
      id: `e2e-media-${run}`,
      slug: `e2e-media-${run}`,
      publishedAt: isoSeconds(Date.now() - 60_000),
      mainVideo: {
        src: video.src,
        caption: 'A test card, filmed for this test.',
        credit: 'Meridian',
        captions: [{ src: captions.src, lang: 'en' }],
        transcript: 'First paragraph spoken.\n\nSecond paragraph spoken.',
        language: 'fr',
      },
      body: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Before the recording.' }] },
        { type: 'audio', src: audio.src, caption: 'A tone, recorded for this test.', credit: 'Meridian', transcript: 'A steady tone.' },
        { type: 'embed', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', caption: 'A clip posted elsewhere.' },
      ],
    };
    const hostile = await request.post('/api/v1/articles', {
      headers: { ...auth, 'Content-Type': 'application/json' },
      data: JSON.stringify({ ...story, body: [...story.body.slice(0, 2), { type: 'embed', url: 'javascript:alert(document.cookie)' }] }),
    });
    expect(hostile.status()).toBe(400);
    expect(((await hostile.json()) as { error: { issues: { field: string }[] } }).error.issues.map((i) => i.field)).toEqual(['body.2.url']);
    const missing = await request.post('/api/v1/articles', {
      headers: { ...auth, 'Content-Type': 'application/json' },
      data: JSON.stringify({ ...story, mainVideo: { ...story.mainVideo, src: `/media/${'0'.repeat(32)}.mp4` } }),
    });
    expect(missing.status()).toBe(400);

    const written = await request.post('/api/v1/articles', { headers: { ...auth, 'Content-Type': 'application/json' }, data: JSON.stringify(story) });
    expect(written.status()).toBe(201);
    const { path: storyPath } = (await written.json()) as { path: string };

    const media: string[] = [];
    const elsewhere: string[] = [];
    page.on('request', (req) => {
      const url = new URL(req.url());
      if (url.origin !== baseURL) elsewhere.push(req.url());
      else if (/\.(mp4|mp3|m4a)$/.test(url.pathname)) media.push(url.pathname);
    });
    const response = await page.goto(storyPath);
    expect(response!.status()).toBe(200);
    const csp = response!.headers()['content-security-policy']!;
    expect(csp).toContain('frame-src https://www.youtube-nocookie.com');

    const player = page.locator('article header video');
    await expect(player).toHaveAttribute('preload', 'none');
    await expect(player).toHaveAttribute('poster', /\/_next\/image\?url=/);
    expect([await player.getAttribute('width'), await player.getAttribute('height')]).toEqual(['1280', '720']);
    const track = player.locator('track');
    await expect(track).toHaveAttribute('srclang', 'en');
    await expect(track).toHaveAttribute('label', getEdition('en').strings.captionLanguageNames.en!);
    // The video speaks French: the English reader's captions are on.
    expect(await track.evaluate((el) => (el as HTMLTrackElement).default)).toBe(true);
    const transcript = page.locator('article header details').first();
    await expect(transcript.locator('summary')).toHaveText(getEdition('en').strings.transcript);
    await expect(transcript.locator('p')).toHaveText(['First paragraph spoken.', 'Second paragraph spoken.']);
    await expect(page.locator('article audio')).toHaveAttribute('preload', 'none');

    // The embed: a card of our own, nothing of the other site.
    const card = page.locator('figure[data-frame-origin]');
    await expect(card).toContainText(getEdition('en').strings.embedFrom.replace('{provider}', 'YouTube'));
    await expect(card.getByRole('link', { name: getEdition('en').strings.embedOpen.replace('{provider}', 'YouTube') })).toHaveAttribute(
      'href',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    );
    await page.waitForLoadState('networkidle');
    expect(media).toEqual([]);
    expect(elsewhere).toEqual([]);
    expect(await page.locator('iframe').count()).toBe(0);

    // Asked for: the frame appears, from the privacy-minded address.
    await page.route('https://www.youtube-nocookie.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<p>frame</p>' }));
    await card.getByRole('button', { name: getEdition('en').strings.embedLoad }).click();
    await expect(page.locator('iframe')).toHaveAttribute('src', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1');

    // Play: now, and only now, video bytes.
    await player.evaluate((el) => {
      const video = el as HTMLVideoElement;
      video.muted = true;
      return video.play();
    });
    await expect.poll(() => media.length).toBeGreaterThan(0);

    // Crawlers: the objects, og:video, the transcript in the HTML without JavaScript.
    const html = await (await request.get(storyPath)).text();
    const ld = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);
    const article = ld.find((item) => item['@type'] === 'NewsArticle') as { video: Record<string, string>[]; audio: Record<string, string>[] };
    expect(article.video[0]).toMatchObject({
      '@type': 'VideoObject',
      name: story.mainVideo.caption,
      duration: 'PT2S',
      uploadDate: story.publishedAt,
      contentUrl: expect.stringMatching(/\/media\/[0-9a-f]{32}\.mp4$/),
      // A lead video's picture is the story's own.
      thumbnailUrl: expect.stringContaining((example.mainImage as { src: string }).src),
      transcript: story.mainVideo.transcript,
    });
    expect(article.audio[0]).toMatchObject({ '@type': 'AudioObject', duration: 'PT2S', transcript: 'A steady tone.' });
    expect(html).toMatch(/<meta property="og:video(:secure_url)?" content="[^"]*\/media\/[0-9a-f]{32}\.mp4"/);
    expect(html).toContain('Second paragraph spoken.');
  });

  test('a page without an embed keeps every frame out', async ({ request }) => {
    const response = await request.get(demoPath('en', frontMatter('en/europe/europol-hits-is-propaganda-servers.md')));
    expect(response.headers()['content-security-policy']).toContain("frame-src 'none'");
  });
});

const demoMedia = Object.fromEntries(editionIds.map((id) => [id, { video: demoByEdition[id].videoFile, audio: demoByEdition[id].audioFile }])) as Record<
  EditionId,
  { video: string; audio: string }
>;

async function playerOf(page: Page, file: string) {
  const response = await page.goto(demoPath(file.split('/')[0] as EditionId, frontMatter(file)));
  expect(response!.status()).toBe(200);
  return page.locator('article header video');
}

for (const editionId of editionIds) {
  const edition = getEdition(editionId);
  test.describe(`${edition.name}: the demo’s video and recording`, () => {
    test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name !== 'desktop', 'the same on every screen'));

    test('a story leads with its video, captioned in the edition’s language, its transcript under it; another carries a recording', async ({ page }) => {
      const player = await playerOf(page, demoMedia[editionId].video);
      await expect(player).toHaveAttribute('preload', 'none');
      await expect(player.locator('track')).toHaveAttribute('srclang', edition.lang);
      await expect(player.locator('track')).toHaveAttribute('label', edition.strings.captionLanguageNames[edition.lang]!);
      await expect(page.locator('article header details summary')).toHaveText(edition.strings.transcript);
      // The captions are the edition's own words, served as WebVTT.
      const vtt = await page.request.get((await player.locator('track').getAttribute('src'))!);
      expect(vtt.headers()['content-type']).toBe('text/vtt; charset=utf-8');
      expect(await vtt.text()).toMatch(/^WEBVTT\n\n/);
      await expectNoAxeViolations(page);

      const audioResponse = await page.goto(demoPath(editionId, frontMatter(demoMedia[editionId].audio)));
      expect(audioResponse!.status()).toBe(200);
      await expect(page.locator('article audio')).toHaveAttribute('preload', 'none');
      await expect(page.locator('article div:has(> figure audio) > details summary')).toHaveText(edition.strings.transcript);
      await expectNoAxeViolations(page);
    });
  });
}

test.describe('a printed video story', () => {
  test.beforeEach(({}, testInfo) =>
    test.skip(
      testInfo.project.name !== 'desktop' || spawnSync('pdftotext', ['-v']).status !== 0,
      'printing does not depend on the screen; needs poppler-utils',
    ),
  );

  test('shows the poster where the player was, and the transcript, open', async ({ page }, testInfo) => {
    await page.goto(demoPath('en', frontMatter(demoMedia.en.video)));
    await page.waitForLoadState('networkidle');
    await page.emulateMedia({ media: 'print' });
    const file = testInfo.outputPath('video-story.pdf');
    await page.pdf({ path: file, format: 'A4' });
    const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    const transcript = await page.locator('article header details p').first().textContent();
    expect(text).toContain(transcript!.split(/\s+/).slice(0, 6).join(' '));
    const images = spawnSync('pdfimages', ['-list', '-f', '1', '-l', '1', file], { encoding: 'utf8' })
      .stdout.split('\n')
      .slice(2)
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols[2] === 'image' && Number(cols[3]) >= 300);
    expect(images.length, 'the poster on page one').toBeGreaterThanOrEqual(1);
  });
});

test.describe('the video sitemap', () => {
  test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name !== 'desktop', 'crawlers'));

  test('names the demo’s video in its month, with its picture, title, file, length and date', async ({ request }) => {
    const story = frontMatter(demoMedia.en.video);
    const month = story.publishedAt.slice(0, 7);
    const xml = await (await request.get(`/sitemaps/en/stories-${month}.xml`)).text();
    expect(xml).toContain('xmlns:video="http://www.google.com/schemas/sitemap-video/1.1"');
    const entry = /<video:video>([\s\S]*?)<\/video:video>/.exec(xml)?.[1] ?? '';
    expect(entry).toMatch(/<video:thumbnail_loc>[^<]+<\/video:thumbnail_loc>/);
    expect(entry).toMatch(/<video:content_loc>[^<]+\/media\/[0-9a-f]{32}\.mp4<\/video:content_loc>/);
    expect(entry).toMatch(/<video:duration>\d+<\/video:duration>/);
    expect(entry).toContain(`<video:publication_date>${story.publishedAt}</video:publication_date>`);
  });
});
