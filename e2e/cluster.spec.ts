import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { startServer, type RunningServer } from './support/server';
import {
  bringDatabaseBack,
  createDatabase,
  hasNginx,
  privateRedis,
  startNginx,
  stopPostgres,
  takeDatabaseDown,
  type TestDatabase,
  type TestNginx,
  type TestRedis,
} from './support/services';
import { editions } from '../lib/domain/editions';
import { api } from '../lib/domain/urls';

/** What a reader sees, in the edition's own words (lib/domain/editions). */
const { strings } = editions.en;

/**
 * Several instances of one build on one PostgreSQL store and one Redis, as a large newsroom runs
 * them (issue 7): what is published through one is served by the other, a withdrawal answers 410
 * everywhere, Redis and the store may go away and come back. Runs in the `cluster` project only.
 */

const token = 'cluster-publish-token';
const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
const example = JSON.parse(fs.readFileSync('content/examples/publish-article.json', 'utf8')) as Record<string, unknown>;
const article = '/en/europe/20180427-europol-hits-is-propaganda-servers';

let database: TestDatabase;
let redis: TestRedis;
let a: RunningServer;
let b: RunningServer;

test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

test.beforeAll(async () => {
  test.setTimeout(180_000);
  database = await createDatabase('newsroom_cluster');
  redis = await privateRedis();
  // One worker each: the tests watch each instance's own cache (e2e/hardening.spec.ts runs the default, a worker per core).
  const env = (name: string) => ({
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    PUBLISH_TOKEN: token,
    INSTANCE_NAME: name,
    REDIS_TIMEOUT_MS: '200',
    WEB_CONCURRENCY: '1',
  });
  // The first instance migrates and seeds the empty store; the second finds it ready.
  a = await startServer(3301, env('a'));
  b = await startServer(3302, env('b'));
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status === testInfo.expectedStatus) return;
  for (const [name, server] of [
    ['a', a],
    ['b', b],
  ] as const) {
    if (!server) continue;
    fs.writeFileSync(testInfo.outputPath(`instance-${name}.log`), server.output());
    await testInfo.attach(`instance ${name} output`, { path: testInfo.outputPath(`instance-${name}.log`), contentType: 'text/plain' });
  }
});

test.afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await redis?.stop();
  await database?.drop();
});

async function get(server: RunningServer | TestNginx, path: string) {
  const response = await fetch(`${server.url}${path}`, { redirect: 'manual' });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

test('both instances are live and ready, on PostgreSQL and Redis', async () => {
  for (const server of [a, b]) {
    expect((await get(server, '/api/health')).status).toBe(200);
    const ready = await get(server, '/api/ready');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toMatchObject({ status: 'ready', store: { ok: true }, cache: { ok: true, shared: true } });
  }
  const page = await get(b, article);
  expect(page.status).toBe(200);
  expect(page.text).toContain('Europol');
});

test('on PostgreSQL the front answers a repeated hit itself, and a publish through one instance reaches the other’s home within a second', async () => {
  // Asked twice: the second answer comes from the HTTP front's cache-hit path, as on SQLite (lib/store/change-feed.ts).
  for (const server of [a, b]) {
    await get(server, '/en/about');
    // The access line is written asynchronously, and a page just rendered is kept a moment later:
    // ask again until a hit is answered by the front, rather than read the log once.
    await expect
      .poll(
        async () => {
          await get(server, '/en/about');
          return server.logLines().some((line) => line.path === '/en/about' && line.from === 'front');
        },
        { message: `${server.url} answered from the front`, timeout: 5000 },
      )
      .toBe(true);
  }
  // Each instance checked the build against what it assumes of Next's formats (lib/http/next-formats.mjs).
  for (const server of [a, b]) expect(JSON.parse((await get(server, '/api/ready')).text).next).toMatchObject({ ok: true, failed: [] });
  expect((await get(b, '/en')).status).toBe(200);
  const headline = `Published through A, read on B (${Date.now()})`;
  const story = { ...example, id: 'cluster-feed-story', slug: 'cluster-feed-story', headline, publishedAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') };
  const published = await fetch(`${a.url}/api/v1/articles`, { method: 'POST', headers: auth, body: JSON.stringify(story) });
  expect(published.status).toBe(201);
  const start = Date.now();
  // The instance that wrote never serves the page the write made stale, not even once.
  expect((await get(a, '/en')).text).toContain(headline);
  while (!(await get(b, '/en')).text.includes(headline)) {
    expect(Date.now() - start, 'the other instance within a second').toBeLessThan(1000);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await fetch(`${a.url}/api/v1/articles/cluster-feed-story`, { method: 'DELETE', headers: auth });
});

test('on PostgreSQL, a story edited through the other instance has its history on both, and a reader counted by both instances counts once', async () => {
  const story = {
    ...example,
    id: 'cluster-history',
    slug: 'cluster-history',
    headline: 'Ferry crossings resume from Dover',
    publishedAt: '2018-05-15T10:00:00+02:00',
  };
  const path = '/en/environment/20180515-cluster-history';
  expect((await fetch(`${a.url}${api.articles()}`, { method: 'POST', headers: auth, body: JSON.stringify(story) })).status).toBe(201);
  const edited = { ...story, headline: 'Ferry crossings resume from Folkestone' };
  expect((await fetch(`${b.url}${api.articles()}`, { method: 'POST', headers: auth, body: JSON.stringify(edited) })).status).toBe(200);
  for (const server of [a, b]) {
    const history = await get(server, `${path}/history`);
    expect(history.status).toBe(200);
    expect(history.text).toContain(`<del class=`);
    expect(history.text).toContain(`${strings.historyRemoved}</span>Dover</del>`);
    expect(history.text).toContain(`${strings.historyAdded}</span>Folkestone</ins>`);
  }
  // The same reader through both instances (the day's salt is the store's), and another through B.
  const reader = (address: string) => ({ 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0 Safari/537.36', 'X-Forwarded-For': address });
  for (const [server, address] of [
    [a, '198.51.100.30'],
    [b, '198.51.100.30'],
    [b, '198.51.100.31'],
  ] as const) {
    expect((await fetch(`${server.url}${api.view('cluster-history')}`, { method: 'POST', headers: reader(address) })).status).toBe(204);
  }
  const views = async () => ((await (await fetch(`${a.url}${api.views('cluster-history')}`, { headers: auth })).json()) as { last24Hours: number }).last24Hours;
  await expect.poll(views, { timeout: 15_000 }).toBe(2);
  await new Promise((resolve) => setTimeout(resolve, 6_000));
  expect(await views()).toBe(2);
  await fetch(`${a.url}${api.article('cluster-history')}`, { method: 'DELETE', headers: auth });
});

test('a story published through one instance is served by the other; withdrawn, it is gone from both', async () => {
  const story = {
    ...example,
    id: 'cluster-story',
    slug: 'cluster-wind-farm-opens',
    headline: 'Wind farm opens, told by two instances',
    publishedAt: '2018-05-15T10:00:00+02:00',
  };
  const path = '/en/environment/20180515-cluster-wind-farm-opens';
  // The section front is cached on B before the publish: it must not stay stale.
  expect((await get(b, '/en/environment')).text).not.toContain('told by two instances');

  const published = await fetch(`${a.url}/api/v1/articles`, { method: 'POST', headers: auth, body: JSON.stringify(story) });
  expect(published.status).toBe(201);
  expect(await published.json()).toMatchObject({ id: 'cluster-story', path });

  const onB = await get(b, path);
  expect(onB.status).toBe(200);
  expect(onB.text).toContain('Wind farm opens, told by two instances');
  expect((await get(b, '/en/environment')).text).toContain('told by two instances');

  const withdrawn = await fetch(`${a.url}/api/v1/articles/cluster-story`, { method: 'DELETE', headers: auth });
  expect(withdrawn.status).toBe(200);
  expect((await get(b, path)).status).toBe(410);
  expect((await get(a, path)).status).toBe(410);
  expect((await get(b, '/en/environment')).text).not.toContain('told by two instances');
});

test('a front lead and a breaking banner set through one instance show on the other at once; the lead ends at its time on both', async () => {
  const home = '/en';
  const leadOf = (html: string) => /<article[^>]*>[\s\S]*?<h2[^>]*><a href="([^"]+)"/.exec(html.slice(html.indexOf('<main')))?.[1];
  // Both have the home cached before anything is set.
  for (const server of [a, b]) expect(leadOf((await get(server, home)).text)).not.toBe(article);

  const until = new Date(Date.now() + 6_000).toISOString();
  const front = await fetch(`${a.url}/api/v1/fronts/en`, { method: 'PUT', headers: auth, body: JSON.stringify({ lead: 'europol-is-propaganda-2018', until }) });
  expect(front.status).toBe(200);
  const banner = await fetch(`${a.url}/api/v1/breaking/en`, { method: 'PUT', headers: auth, body: JSON.stringify({ text: 'Told by two instances' }) });
  expect(banner.status).toBe(200);
  for (const server of [a, b]) {
    const page = await get(server, home);
    expect(leadOf(page.text)).toBe(article);
    expect(page.text).toContain('Told by two instances');
    expect((await get(server, article)).text).toContain('Told by two instances');
  }

  expect((await fetch(`${b.url}/api/v1/breaking/en`, { method: 'DELETE', headers: auth })).status).toBe(200);
  for (const server of [a, b]) expect((await get(server, article)).text).not.toContain('Told by two instances');
  // At its time the lead ends with no write, on both: each instance's scheduler applies it once, and every cache forgets it.
  await expect
    .poll(async () => [leadOf((await get(a, home)).text), leadOf((await get(b, home)).text)], { timeout: 20_000, intervals: [1_000] })
    .toEqual([expect.not.stringMatching(article), expect.not.stringMatching(article)]);
});

test('a picture uploaded through one instance is served, resized and cropped by the other, with no GPS or EXIF block', async () => {
  const photo = await sharp({ create: { width: 1600, height: 900, channels: 3, background: { r: 12, g: 140, b: 90 } } })
    .withExif({ IFD0: { Artist: 'Lena Hoffmann' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 4/1 3012/100' } })
    .jpeg()
    .toBuffer();
  const uploaded = await fetch(`${a.url}/api/v1/media`, { method: 'POST', headers: { ...auth, 'Content-Type': 'image/jpeg' }, body: new Uint8Array(photo) });
  expect(uploaded.status).toBe(201);
  const { src, width, height } = (await uploaded.json()) as { src: string; width: number; height: number };
  expect([width, height]).toEqual([1600, 900]);

  const onB = await fetch(`${b.url}${src}`);
  expect(onB.status).toBe(200);
  const bytes = Buffer.from(await onB.arrayBuffer());
  expect((await sharp(bytes).metadata()).exif).toBeUndefined();
  expect(bytes.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(false);
  const resized = await fetch(`${b.url}/_next/image?url=${encodeURIComponent(src)}&w=640&q=70`, { headers: { Accept: 'image/webp' } });
  expect(resized.status).toBe(200);
  expect((await sharp(Buffer.from(await resized.arrayBuffer())).metadata()).width).toBe(640);
  expect((await fetch(`${b.url}/media/crop/16x9${src}`)).status).toBe(200);

  // A story using it, published through B, shows it on A.
  const story = {
    ...example,
    id: 'cluster-photo',
    slug: 'cluster-photo',
    publishedAt: '2018-05-16T10:00:00+02:00',
    mainImage: { ...(example.mainImage as object), src, width, height },
  };
  const published = await fetch(`${b.url}/api/v1/articles`, { method: 'POST', headers: auth, body: JSON.stringify(story) });
  expect(published.status).toBe(201);
  const page = await get(a, '/en/environment/20180516-cluster-photo');
  expect(page.status).toBe(200);
  expect(page.text).toContain(encodeURIComponent(src));
});

test('a story scheduled through one instance appears on time on both, with no restart and no further publish', async () => {
  const at = Math.ceil((Date.now() + 6_000) / 1000) * 1000;
  const story = {
    ...example,
    id: 'cluster-scheduled',
    slug: 'cluster-scheduled',
    headline: 'Scheduled on one instance, due on both',
    publishedAt: new Date(at).toISOString().replace('.000Z', 'Z'),
  };
  const written = await fetch(`${a.url}/api/v1/articles`, { method: 'POST', headers: auth, body: JSON.stringify(story) });
  expect(written.status).toBe(201);
  const { path, status } = (await written.json()) as { path: string; status: string };
  expect(status).toBe('scheduled');
  // Both fronts are cached before its time, and must not stay so.
  for (const server of [a, b]) {
    expect((await get(server, path)).status).toBe(404);
    expect((await get(server, '/en')).text).not.toContain(story.headline);
  }
  for (const server of [a, b]) {
    await expect.poll(async () => (await get(server, path)).status, { timeout: 15_000, intervals: [250] }).toBe(200);
    expect(Date.now()).toBeGreaterThanOrEqual(at);
    expect((await get(server, '/en')).text).toContain(story.headline);
  }
  // Both within a few seconds of the time: the instance that scheduled it publishes it, the other sees the write.
  expect(Date.now() - at).toBeLessThan(5_000);
});

test('both instances give a page the same validator, so either answers a conditional request with 304', async () => {
  const page = '/en/africa';
  await get(a, page); // rendered by A, shared through Redis
  const fromA = (await get(a, page)).headers.get('etag');
  expect(fromA).toMatch(/^W\/"/);
  expect((await get(b, page)).headers.get('etag')).toBe(fromA); // B takes A's render from Redis
  const conditional = await fetch(`${b.url}${page}`, { headers: { 'If-None-Match': fromA! } });
  expect(conditional.status).toBe(304);
  expect(conditional.headers.get('etag')).toBe(fromA);
});

test('a story imported from the command line into the shared store is served by both instances', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-import-'));
  fs.mkdirSync(path.join(dir, 'en', 'europe'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'en', 'europe', 'imported.md'),
    `---
id: cluster-imported-story
edition: en
section: europe
slug: ferry-line-reopens-after-winter
headline: A ferry line reopens after the winter
standfirst: The crossing runs twice a day again from this week.
authors:
  - Jonas Berg
publishedAt: 2018-05-20T09:00:00+02:00
tags: [Transport]
mainImage:
  src: /images/demo/coast-wind.jpg
  alt: A calm sea under a pale sky
  caption: The harbour the ferry leaves from.
  credit: Matthias Keller, Meridian
---

The first boat of the season left at seven in the morning.
`,
  );
  const address = '/en/europe/20180520-ferry-line-reopens-after-winter';
  expect((await get(b, address)).status).toBe(404);
  const imported = spawnSync('npm', ['run', '--silent', 'content:import', '--', dir], {
    env: { ...process.env, DATABASE_URL: database.url },
    encoding: 'utf8',
  });
  expect(imported.status, imported.stderr).toBe(0);
  expect(imported.stdout).toContain('1 new');
  for (const server of [a, b]) {
    const page = await get(server, address);
    expect(page.status).toBe(200);
    expect(page.text).toContain('A ferry line reopens after the winter');
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

test('every answer carries a request id, and the logs are JSON lines that name it', async () => {
  const response = await fetch(`${a.url}${article}`, { headers: { 'X-Request-Id': 'test-request-0001' } });
  expect(response.headers.get('x-request-id')).toBe('test-request-0001');
  const generated = (await fetch(`${a.url}/en`)).headers.get('x-request-id');
  expect(generated).toMatch(/^[0-9a-f-]{36}$/);
  await expect.poll(() => a.logLines().some((line) => line.reqId === 'test-request-0001' && line.path === article)).toBe(true);
  expect(a.logLines().every((line) => typeof line.level === 'string' && typeof line.time === 'string')).toBe(true);
});

test('with Redis stopped, pages keep answering 200; the instances rejoin when it returns', async () => {
  await get(a, '/en/middle-east');
  await redis.stop();
  for (const path of [article, '/en', '/en/middle-east', '/en/africa', '/en/search?q=europol']) {
    expect((await get(a, path)).status, path).toBe(200);
    expect((await get(b, path)).status, path).toBe(200);
  }
  expect((await get(a, '/api/ready')).status).toBe(503);
  await expect.poll(() => a.logLines().filter((line) => line.component === 'shared-cache' && line.level === 'warn').length).toBe(1);

  await redis.start();
  await expect.poll(async () => (await get(a, '/api/ready')).status, { timeout: 15_000 }).toBe(200);
  await expect.poll(async () => (await get(b, '/api/ready')).status, { timeout: 15_000 }).toBe(200);
  expect((await get(b, article)).status).toBe(200);
});

test('with the store down, cached pages and list fronts are still served and the rest answers 503; it recovers by itself', async () => {
  // In A's own cache: a story, and a section's first page (rendered at its internal list path).
  expect((await get(a, article)).status).toBe(200);
  expect((await get(a, '/en/europe')).status).toBe(200);
  // Rendered by A only: in Redis, never asked of B.
  const sharedOnly = '/en/europe/20180322-night-trains-return-to-european-rails';
  expect((await get(a, sharedOnly)).status).toBe(200);
  await takeDatabaseDown(database);
  try {
    const fromRedis = await get(b, sharedOnly);
    expect(fromRedis.status).toBe(200);
    expect(fromRedis.text).toContain('<h1');

    const cached = await get(a, article);
    expect(cached.status).toBe(200);
    expect(cached.text).toContain('Europol');
    const section = await get(a, '/en/europe');
    expect(section.status).toBe(200);
    expect(section.text).toContain(article);
    // A deeper page starts where the store says: not answerable without it.
    expect((await get(a, '/en/europe?page=2')).status).toBe(503);

    const uncached = await get(a, '/en/europe/20180427-a-story-nobody-has-asked-for');
    expect(uncached.status).toBe(503);
    expect(uncached.headers.get('retry-after')).toBe('30');
    expect(uncached.text).toContain(strings.storeUnavailableTitle);
    expect(uncached.text).not.toMatch(/at .*\(.*:\d+:\d+\)/); // no stack trace

    const api = await fetch(`${a.url}/api/v1/articles?edition=en`);
    expect(api.status).toBe(503);
    expect((await get(a, '/api/ready')).status).toBe(503);
    expect((await get(a, '/api/health')).status).toBe(200);
  } finally {
    await bringDatabaseBack(database);
  }
  await expect.poll(async () => (await get(a, '/api/ready')).status, { timeout: 15_000 }).toBe(200);
  expect((await get(a, '/en/europe')).status).toBe(200);
  expect((await get(a, '/en/europe/20180427-a-story-nobody-has-asked-for')).status).toBe(404);
});

test('nginx with the shipped configuration balances over both and caches by our Cache-Control', async () => {
  test.skip(!hasNginx(), 'nginx is not installed');
  const nginx = await startNginx([3301, 3302]);
  try {
    const first = await get(nginx, article);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-cache-status')).toBe('MISS');
    const second = await get(nginx, article);
    expect(second.headers.get('x-cache-status')).toBe('HIT');
    expect(second.text).toBe(first.text);
    // What the instances tell an edge that purges by tag is not for readers (nginx cannot purge).
    for (const name of ['xkey', 'surrogate-key', 'cache-tag', 'surrogate-control', 'x-content-seq']) expect(second.headers.get(name), name).toBeNull();
    // Each answer names its own request, even when it comes from the cache.
    expect(second.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
    expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    // The page's validator is kept with it: a reader who has the page gets an empty 304 from nginx.
    const etag = second.headers.get('etag');
    expect(etag).toMatch(/^W\//);
    const unchanged = await fetch(`${nginx.url}${article}`, { headers: { 'If-None-Match': etag! } });
    expect(unchanged.status).toBe(304);
    expect(unchanged.headers.get('x-cache-status')).toBe('HIT');

    // The App Router's RSC requests for the same URL are cached apart from the HTML.
    const rsc = await fetch(`${nginx.url}${article}`, { headers: { RSC: '1' } });
    expect(rsc.headers.get('content-type')).toContain('text/x-component');
    expect((await get(nginx, article)).headers.get('content-type')).toContain('text/html');

    const gzipped = await fetch(`${nginx.url}/en`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');

    const search = await get(nginx, '/en/search?q=europol');
    expect((await get(nginx, '/en/search?q=europol')).headers.get('x-cache-status')).not.toBe('HIT');
    expect(search.status).toBe(200);

    // A picture of several megabytes goes through nginx to an instance; what it stored is cached as immutable.
    const big = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
      .jpeg({ quality: 95 })
      .toBuffer();
    expect(big.byteLength).toBeGreaterThan(2 * 1024 * 1024);
    const viaNginx = await fetch(`${nginx.url}/api/v1/media`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'image/jpeg' },
      body: new Uint8Array(big),
    });
    expect(viaNginx.status).toBe(201);
    const { src } = (await viaNginx.json()) as { src: string };
    await get(nginx, src);
    const picture = await fetch(`${nginx.url}${src}`);
    expect([picture.status, picture.headers.get('x-cache-status')]).toEqual([200, 'HIT']);

    // A video through nginx (decision 025): a player's ranges, answered from its one-mebibyte
    // slices, the second time from nginx's cache.
    const clip = fs.readFileSync('content/media/glacier-fr.mp4');
    const video = await fetch(`${nginx.url}/api/v1/media`, { method: 'POST', headers: { ...auth, 'Content-Type': 'video/mp4' }, body: new Uint8Array(clip) });
    expect([200, 201]).toContain(video.status);
    const { src: videoSrc, bytes } = (await video.json()) as { src: string; bytes: number };
    const firstRange = await fetch(`${nginx.url}${videoSrc}`, { headers: { Range: 'bytes=100-1123' } });
    expect([firstRange.status, firstRange.headers.get('content-range'), (await firstRange.arrayBuffer()).byteLength]).toEqual([
      206,
      `bytes 100-1123/${bytes}`,
      1024,
    ]);
    const laterRange = await fetch(`${nginx.url}${videoSrc}`, { headers: { Range: 'bytes=2048-4095' } });
    expect([laterRange.status, laterRange.headers.get('x-cache-status'), laterRange.headers.get('content-range')]).toEqual([
      206,
      'HIT',
      `bytes 2048-4095/${bytes}`,
    ]);
    expect((await fetch(`${nginx.url}${videoSrc}`, { headers: { Range: `bytes=${bytes}-` } })).status).toBe(416);

    // A draft's preview is never kept by nginx.
    const draft = { ...example, id: 'cluster-draft', slug: 'cluster-draft', status: 'draft' };
    const { preview } = (await (await fetch(`${a.url}/api/v1/articles`, { method: 'POST', headers: auth, body: JSON.stringify(draft) })).json()) as {
      preview: { path: string };
    };
    for (let i = 0; i < 2; i += 1) {
      const shown = await fetch(`${nginx.url}${preview.path}`);
      expect(shown.status).toBe(200);
      expect(shown.headers.get('x-cache-status')).not.toBe('HIT');
    }

    // Readers' requests reach both instances; each names nginx's request id in its log.
    const ids: string[] = [];
    for (let i = 0; i < 8; i += 1) ids.push((await fetch(`${nginx.url}/en/search?q=balance${i}`)).headers.get('x-request-id') ?? '');
    const servedBy = (server: RunningServer) => ids.filter((id) => server.logLines().some((line) => line.reqId === id)).length;
    await expect.poll(() => servedBy(a) + servedBy(b)).toBe(8);
    expect(servedBy(a)).toBeGreaterThan(0);
    expect(servedBy(b)).toBeGreaterThan(0);
  } finally {
    await nginx.stop();
  }
});

test('PostgreSQL stopped under load: 503 while it is down (cached pages still 200), never a 500; both instances recover without a restart', async () => {
  test.setTimeout(120_000);
  const uncached = (i: number) => `/en/europe/20180427-outage-probe-${i}`;
  const statuses = new Map<number, number>();
  let stopLoad = false;
  const load = async (server: RunningServer, n: number) => {
    for (let i = 0; !stopLoad; i += 1) {
      for (const target of [article, uncached(n * 1000 + i), '/api/v1/articles?limit=1']) {
        const status = (await fetch(`${server.url}${target}`).catch(() => ({ status: 0 }))).status;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }
  };
  expect((await get(a, article)).status).toBe(200);
  expect((await get(b, article)).status).toBe(200);
  const running = [load(a, 1), load(b, 2), load(a, 3), load(b, 4)];
  await new Promise((resolve) => setTimeout(resolve, 500));
  const outage = await stopPostgres(database);
  try {
    await new Promise((resolve) => setTimeout(resolve, 4000));
    const down = await get(a, uncached(99));
    expect(down.status, outage.how).toBe(503);
    expect((await get(b, article)).status).toBe(200);
  } finally {
    await outage.restart();
  }
  await expect.poll(async () => (await get(a, '/api/ready')).status, { timeout: 30_000 }).toBe(200);
  await expect.poll(async () => (await get(b, '/api/ready')).status, { timeout: 30_000 }).toBe(200);
  stopLoad = true;
  await Promise.all(running);
  expect((await get(a, uncached(100))).status).toBe(404);
  expect((await get(b, '/en/africa')).status).toBe(200);
  const seen = Object.fromEntries(statuses);
  console.log(`${outage.how} under load: answers by status ${JSON.stringify(seen)}`);
  expect(statuses.get(503) ?? 0).toBeGreaterThan(0);
  expect([...statuses.keys()].filter((status) => status >= 500 && status !== 503)).toEqual([]);
  expect(statuses.get(0) ?? 0).toBe(0);
});

test('nginx: / is never answered from its cache, whatever the reader’s languages; TLS answers carry HSTS, plain ones do not; cached pages keep their own security headers', async () => {
  test.skip(!hasNginx(), 'nginx is not installed');
  const nginx = await startNginx([3301, 3302]);
  try {
    const ask = (languages: string) => fetch(`${nginx.url}/`, { redirect: 'manual', headers: { 'Accept-Language': languages } });
    const answers = [];
    for (const languages of ['fr-FR,fr;q=0.9', 'en-GB,en;q=0.8', 'fr-FR,fr;q=0.9', 'ar,en;q=0.5']) answers.push(await ask(languages));
    for (const answer of answers) {
      expect(answer.status).toBe(307);
      expect(answer.headers.get('vary')).toContain('Accept-Language');
      expect(answer.headers.get('x-cache-status')).not.toBe('HIT');
    }
    // Through nginx's cache, a page keeps the policy that names its own scripts.
    await get(nginx, article);
    const hit = await get(nginx, article);
    expect(hit.headers.get('x-cache-status')).toBe('HIT');
    const direct = await get(a, article);
    expect(hit.headers.get('content-security-policy')).toMatch(/script-src 'self' 'sha256-/);
    expect(hit.headers.get('content-security-policy')).toBe(direct.headers.get('content-security-policy'));
    expect(hit.headers.get('x-content-type-options')).toBe('nosniff');
    expect(hit.headers.get('strict-transport-security')).toBeNull();

    const overTls = await new Promise<http.IncomingMessage>((resolve, reject) => {
      https
        .get(`${nginx.tlsUrl}${article}`, { ca: nginx.ca }, (response) => {
          response.resume();
          resolve(response);
        })
        .on('error', reject);
    });
    expect(overTls.statusCode).toBe(200);
    expect(overTls.headers['strict-transport-security']).toMatch(/^max-age=\d{7,}; includeSubDomains$/);
    expect(overTls.headers['content-security-policy']).toMatch(/frame-ancestors 'self'/);
  } finally {
    await nginx.stop();
  }
});

test('wrong tokens are counted in the shared store: ten through one instance, and the other refuses the address with 429', async () => {
  const guess = (server: RunningServer, i: number) =>
    fetch(`${server.url}/api/v1/articles`, {
      method: 'POST',
      headers: { Authorization: `Bearer wrong-${i}`, 'Content-Type': 'application/json', 'X-Forwarded-For': '198.51.100.77' },
      body: '{}',
    });
  for (let i = 0; i < 10; i += 1) expect((await guess(a, i)).status).toBe(401);
  const refused = await guess(b, 10);
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  // Another address, through either instance, is not affected.
  const other = await fetch(`${b.url}/api/v1/articles`, { method: 'POST', headers: { ...auth, 'X-Forwarded-For': '198.51.100.78' }, body: '{}' });
  expect(other.status).toBe(400);
});

test('SIGTERM: an instance finishes the request in flight, then stops', async () => {
  const body = JSON.stringify({ ...example, id: 'cluster-slow-story', slug: 'cluster-slow-story', publishedAt: '2018-05-16T10:00:00+02:00' });
  const half = Math.floor(body.length / 2);
  // A publish whose body arrives in two parts, the second after the signal.
  const response = new Promise<Response>((resolve, reject) => {
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(new TextEncoder().encode(body.slice(0, half)));
        await new Promise((r) => setTimeout(r, 300));
        stoppedB = b.stop('SIGTERM');
        await new Promise((r) => setTimeout(r, 500));
        controller.enqueue(new TextEncoder().encode(body.slice(half)));
        controller.close();
      },
    });
    fetch(`${b.url}/api/v1/articles`, { method: 'POST', headers: auth, body: stream, duplex: 'half' } as RequestInit).then(resolve, reject);
  });
  let stoppedB: Promise<number | null> | undefined;
  const answered = await response;
  expect(answered.status).toBe(201);
  expect(await stoppedB).toBe(143);
  await expect(fetch(`${b.url}/api/health`)).rejects.toThrow();
  // What it accepted was written: the other instance serves it.
  expect((await get(a, '/en/environment/20180516-cluster-slow-story')).status).toBe(200);
});
