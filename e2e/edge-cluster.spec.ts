import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { startServer, type RunningServer } from './support/server';
import { createDatabase, hasVarnish, privateRedis, reservePort, startEdge, type TestDatabase, type TestEdge, type TestRedis } from './support/services';
import { demoByEdition } from './support/demo';
import { editions } from '../lib/domain/editions';
import { contentTags } from '../lib/domain/content-tags';

/**
 * The edge (issue 29; docs/decisions/024-the-edge.md): the shipped Varnish (deploy/edge/run) in
 * front of two instances on one PostgreSQL store and one Redis, as a large newsroom runs them.
 * Pages are kept a day and purged by tag the moment a commit changes them; what was right
 * without the edge stays right through it. Runs in the `cluster` project.
 */

const token = 'edge-publish-token';
const secret = 'edge-test-purge-secret-0123456789';
const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
const example = JSON.parse(fs.readFileSync('content/examples/publish-article.json', 'utf8')) as Record<string, unknown>;
const { en, fr } = demoByEdition;
const ports = [3311, 3312];
const metricsPorts = [9311, 9312];

let database: TestDatabase;
let redis: TestRedis;
let edge: TestEdge;
let c: RunningServer;
let d: RunningServer;
/** A page cached at the start, that no test changes: still a HIT at the end (the last tests). */
const untouched = fr.europol;
let untouchedCachedAt = 0;

test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);
test.skip(!hasVarnish(), 'Varnish is not installed (Debian: varnish, varnish-modules)');

test.beforeAll(async () => {
  test.setTimeout(180_000);
  database = await createDatabase('newsroom_edge');
  redis = await privateRedis();
  const edgePort = await reservePort();
  const env = (name: string, metricsPort: number) => ({
    METRICS_PORT: String(metricsPort),
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    PUBLISH_TOKEN: token,
    INSTANCE_NAME: name,
    WEB_CONCURRENCY: '1',
    EDGE_PURGE_URLS: `http://127.0.0.1:${edgePort}`,
    EDGE_PURGE_SECRET: secret,
  });
  c = await startServer(ports[0]!, env('c', metricsPorts[0]!));
  d = await startServer(ports[1]!, env('d', metricsPorts[1]!));
  edge = await startEdge(edgePort, ports, secret);
  await through(untouched);
  untouchedCachedAt = Date.now();
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status === testInfo.expectedStatus) return;
  for (const [name, output] of [
    ['c', c?.output()],
    ['d', d?.output()],
    ['edge', edge?.output()],
  ] as const) {
    if (output === undefined) continue;
    fs.writeFileSync(testInfo.outputPath(`${name}.log`), output);
    await testInfo.attach(`${name} output`, { path: testInfo.outputPath(`${name}.log`), contentType: 'text/plain' });
  }
});

test.afterAll(async () => {
  await edge?.stop();
  await c?.stop();
  await d?.stop();
  await redis?.stop();
  await database?.drop();
});

async function through(target: string, headers: Record<string, string> = {}) {
  const started = Date.now();
  const response = await fetch(`${edge.url}${target}`, { redirect: 'manual', headers });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, ms: Date.now() - started, cache: response.headers.get('x-cache-status') };
}

async function direct(server: RunningServer, target: string) {
  const response = await fetch(`${server.url}${target}`, { redirect: 'manual' });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

async function publish(story: Record<string, unknown>) {
  const response = await fetch(`${c.url}/api/v1/articles`, { method: 'POST', headers: auth, body: JSON.stringify(story) });
  expect(response.status).toBeLessThan(300);
}

/** Asks the edge every 10 ms until `done`; answers how long it took. */
async function within(ms: number, target: string, done: (answer: Awaited<ReturnType<typeof through>>) => boolean, what: string): Promise<number> {
  const start = Date.now();
  for (;;) {
    const answer = await through(target);
    if (done(answer)) return Date.now() - start;
    expect(Date.now() - start, what).toBeLessThan(ms);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

test('pages, feeds, sitemaps and API reads carry their content tags to the edge, which keeps them a day; browsers as before', async () => {
  const page = await direct(c, en.europol);
  const tags = page.headers.get('xkey')?.split(' ') ?? [];
  expect(tags).toEqual(expect.arrayContaining([contentTags.latest('en'), contentTags.sections('en')]));
  expect(tags.some((tag) => tag.startsWith('story:'))).toBe(true);
  // The same tags for a CDN: Fastly's Surrogate-Key (spaces) and Cloudflare's Cache-Tag (commas).
  expect(page.headers.get('surrogate-key')).toBe(tags.join(' '));
  expect(page.headers.get('cache-tag')).toBe(tags.join(','));
  expect(page.headers.get('surrogate-control')).toMatch(/max-age=86400/);
  expect(page.headers.get('cache-control')).toMatch(/max-age=0/);

  for (const [target, tag] of [
    ['/en/feeds/rss.xml', contentTags.latest('en')],
    ['/sitemaps/en/news.xml', contentTags.sitemaps('en')],
    ['/api/v1/articles?edition=en&section=europe', contentTags.section('en', 'europe')],
  ] as const) {
    const answer = await direct(d, target);
    expect(answer.status, target).toBe(200);
    expect(answer.headers.get('xkey')?.split(' '), target).toContain(tag);
  }

  const first = await through(en.europol);
  const second = await through(en.europol);
  expect([first.status, second.status, second.cache]).toEqual([200, 200, 'HIT']);
  expect(second.text).toBe(first.text);
  // The tags are the edge's business: a reader gets the page's own Cache-Control, and its security headers.
  for (const name of ['xkey', 'surrogate-key', 'cache-tag', 'surrogate-control', 'x-content-seq']) expect(second.headers.get(name), name).toBeNull();
  expect(second.headers.get('cache-control')).toBe(page.headers.get('cache-control'));
  expect(second.headers.get('content-security-policy')).toBe(page.headers.get('content-security-policy'));
  expect(second.headers.get('x-content-type-options')).toBe('nosniff');
  expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
  // Kept with its validator: a reader who has it gets an empty 304 from the edge.
  const unchanged = await fetch(`${edge.url}${en.europol}`, { headers: { 'If-None-Match': second.headers.get('etag')! } });
  expect([unchanged.status, unchanged.headers.get('x-cache-status')]).toEqual([304, 'HIT']);
  // Compressed for a browser that asks.
  const gzipped = await fetch(`${edge.url}${en.europol}`, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
  expect(gzipped.headers.get('content-encoding')).toBe('gzip');
});

test('a purge without the secret purges nothing and is refused, from any address', async () => {
  await through(en.europol);
  for (const headers of [{}, { 'X-Purge-Secret': 'not-the-secret-at-all' }] as Record<string, string>[]) {
    const refused = await fetch(`${edge.url}/`, { method: 'PURGE', headers: { ...headers, 'xkey-softpurge': contentTags.sections('en') } });
    expect(refused.status).toBe(403);
  }
  // A reader's request that carries the purge header purges nothing either.
  await fetch(`${edge.url}${en.europol}`, { headers: { 'xkey-softpurge': contentTags.sections('en') } });
  expect((await through(en.europol)).cache).toBe('HIT');
});

test('a publish reaches the home through the edge within a second; a withdrawal answers 410 within a second', async () => {
  await through('/en');
  expect((await through('/en')).cache).toBe('HIT');
  const headline = `Through the edge (${Date.now()})`;
  const story = {
    ...example,
    id: 'edge-story',
    slug: 'edge-story',
    headline,
    section: 'environment',
    publishedAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
  await publish(story);
  const reached = await within(1000, '/en', (answer) => answer.text.includes(headline), 'the publish on the home through the edge');
  test.info().annotations.push({ type: 'publish on the home through the edge', description: `${reached} ms` });
  const { path: storyPath } = (await (await fetch(`${c.url}/api/v1/articles/edge-story`)).json()) as { path: string };
  expect((await through(storyPath)).status).toBe(200);
  // Kept once an instance that had read the publish answered it (decision 024, X-Content-Seq).
  await within(1000, storyPath, (answer) => answer.cache === 'HIT', 'the new story kept at the edge');

  const withdrawn = await fetch(`${d.url}/api/v1/articles/edge-story`, { method: 'DELETE', headers: auth });
  expect(withdrawn.status).toBeLessThan(300);
  await within(1000, storyPath, (answer) => answer.status === 410, 'the withdrawal through the edge');
  await within(1000, '/en', (answer) => !answer.text.includes(headline), 'the withdrawn story off the home');
});

/** One counter from an instance's metrics (METRICS_PORT), summed over the labels that match. */
async function metric(port: number, name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  let sum = 0;
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)(?:\{([^}]*)\})? ([0-9.e+-]+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const own = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => own[key] === value)) sum += Number(match[3]);
  }
  return sum;
}

test('each instance shows its metrics on METRICS_PORT only; a commit is purged once, by one instance', async () => {
  // Not on the public port: there it is a page that does not exist.
  expect((await direct(c, '/metrics')).status).toBe(404);
  const purged = async () =>
    (await metric(metricsPorts[0]!, 'newsroom_edge_purges_total', { result: 'ok' })) +
    (await metric(metricsPorts[1]!, 'newsroom_edge_purges_total', { result: 'ok' }));
  const before = await purged();
  await through('/en');
  const headline = `Counted once (${Date.now()})`;
  await publish({
    ...example,
    id: 'edge-counted',
    slug: 'edge-counted',
    headline,
    section: 'environment',
    publishedAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
  });
  await within(1000, '/en', (answer) => answer.text.includes(headline), 'the publish through the edge');
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(await purged()).toBe(before + 1);
  // What an operator reads beside it: requests by kind and status, front hits, renders, the change feed.
  for (const port of metricsPorts) {
    expect(await metric(port, 'newsroom_http_requests_total', { kind: 'page', status: '200' })).toBeGreaterThan(0);
    expect(await metric(port, 'newsroom_render_seconds_count', { kind: 'page' })).toBeGreaterThan(0);
    expect(await metric(port, 'newsroom_change_feed_lag_seconds_count')).toBeGreaterThan(0);
    expect(await metric(port, 'newsroom_worker_resident_bytes')).toBeGreaterThan(50 * 2 ** 20);
  }
  // The purge's time from the commit, counted by whichever instance sent it.
  expect(
    (await metric(metricsPorts[0]!, 'newsroom_edge_purge_seconds_count')) + (await metric(metricsPorts[1]!, 'newsroom_edge_purge_seconds_count')),
  ).toBeGreaterThan(0);
  await fetch(`${c.url}/api/v1/articles/edge-counted`, { method: 'DELETE', headers: auth });
});

test('what was right without the edge stays right through it', async () => {
  // Statuses.
  expect((await through(en.renamedOld)).status).toBe(301);
  expect((await through(en.renamedOld)).headers.get('location')).toContain(en.renamed);
  expect((await through(en.withdrawn)).status).toBe(410);
  expect((await through('/en/europe/20180101-no-such-story')).status).toBe(404);
  expect((await through('/en/europe/20180101-no-such-story')).text).toContain(editions.en.strings.notFoundTitle);

  // / answers each reader's edition, never from the edge's copy.
  for (const [languages, edition] of [
    ['fr-FR,fr;q=0.9', '/fr'],
    ['en-GB,en;q=0.9', '/en'],
    ['ar', '/ar'],
  ] as const) {
    const root = await through('/', { 'Accept-Language': languages });
    expect(root.headers.get('location'), languages).toMatch(new RegExp(`${edition}$`));
    expect(root.headers.get('vary')).toContain('Accept-Language');
    expect(root.cache).toBe('MISS');
  }

  // The router's RSC payload is kept apart from the HTML.
  const rsc = await fetch(`${edge.url}${en.europol}`, { headers: { RSC: '1' } });
  expect(rsc.headers.get('content-type')).toContain('text/x-component');
  expect((await through(en.europol)).headers.get('content-type')).toContain('text/html');

  // Search is never kept.
  for (let i = 0; i < 2; i += 1) expect((await through('/en/search?q=europol')).cache).toBe('MISS');

  // Save-Data: on gets the lite page at the same address, kept apart from the full page, in any
  // spelling of the header; both are kept (issue 31). So is the .lite address.
  for (let i = 0; i < 2; i += 1) {
    const full = await through(en.europol);
    const lite = await through(en.europol, { 'Save-Data': i === 0 ? 'on' : ' ON ' });
    expect(full.text).toMatch(/<script/);
    expect(lite.text).not.toMatch(/<script/);
    expect(lite.text).toContain(editions.en.strings.liteNotice);
    if (i === 1) expect([full.cache, lite.cache]).toEqual(['HIT', 'HIT']);
  }
  const liteAddress = await through(`${en.europol}.lite`);
  expect(liteAddress.status).toBe(200);
  expect(liteAddress.text).not.toMatch(/<script/);

  // A draft's preview is never kept.
  const draft = { ...example, id: 'edge-draft', slug: 'edge-draft', status: 'draft' };
  const drafted = await fetch(`${c.url}/api/v1/articles`, { method: 'POST', headers: auth, body: JSON.stringify(draft) });
  const { preview } = (await drafted.json()) as { preview: { path: string } };
  for (let i = 0; i < 2; i += 1) {
    const shown = await through(preview.path);
    expect(shown.status).toBe(200);
    expect(shown.cache).toBe('MISS');
    expect(shown.headers.get('x-robots-tag')).toContain('noindex');
  }

  // An upload goes through the edge; what it stored is kept for good.
  const picture = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#3a6ea5' } })
    .jpeg()
    .toBuffer();
  const uploaded = await fetch(`${edge.url}/api/v1/media`, {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'image/jpeg' },
    body: new Uint8Array(picture),
  });
  expect(uploaded.status).toBe(201);
  const { src } = (await uploaded.json()) as { src: string };
  await through(src);
  const kept = await through(src);
  expect([kept.status, kept.cache]).toEqual([200, 'HIT']);
  expect(kept.headers.get('cache-control')).toContain('immutable');

  // A video too (decision 025): stored once in PostgreSQL, any instance serves it, in ranges,
  // and the edge answers a player's range from its copy.
  const clip = fs.readFileSync('content/media/glacier-en.mp4');
  const video = await fetch(`${edge.url}/api/v1/media`, { method: 'POST', headers: { ...auth, 'Content-Type': 'video/mp4' }, body: new Uint8Array(clip) });
  expect([200, 201]).toContain(video.status);
  const { src: videoSrc, bytes } = (await video.json()) as { src: string; bytes: number };
  for (const server of [c, d]) {
    const answer = await fetch(`${server.url}${videoSrc}`, { headers: { Range: 'bytes=0-1023' } });
    expect([answer.status, answer.headers.get('content-range'), (await answer.arrayBuffer()).byteLength]).toEqual([206, `bytes 0-1023/${bytes}`, 1024]);
  }
  await through(videoSrc);
  const range = await through(videoSrc, { Range: 'bytes=1024-2047' });
  expect([range.status, range.cache, range.headers.get('content-range')]).toEqual([206, 'HIT', `bytes 1024-2047/${bytes}`]);
  expect((await through(videoSrc, { Range: `bytes=${bytes}-` })).status).toBe(416);
});

test('an edge that could not be reached is sent the purges it missed when it can be again', async () => {
  await through('/en');
  expect((await through('/en')).cache).toBe('HIT');
  edge.freeze();
  const headline = `While the edge was away (${Date.now()})`;
  try {
    await publish({
      ...example,
      id: 'edge-away',
      slug: 'edge-away',
      headline,
      section: 'environment',
      publishedAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    });
    // The purge times out (2 s), and the instance says so.
    await expect
      .poll(() => [...c.logLines(), ...d.logLines()].some((line) => line.component === 'edge-purge' && String(line.msg).includes('purge failed')), {
        timeout: 8000,
      })
      .toBe(true);
  } finally {
    edge.thaw();
  }
  // Thawed, the edge still holds the old home until the purge is sent again: then the new one.
  await within(12_000, '/en', (answer) => answer.text.includes(headline), 'the missed purge, sent again');
  await expect
    .poll(() => [...c.logLines(), ...d.logLines()].some((line) => line.component === 'edge-purge' && String(line.msg).includes('reachable again')))
    .toBe(true);
  await fetch(`${c.url}/api/v1/articles/edge-away`, { method: 'DELETE', headers: auth });
});

test('a page nothing changed is still a HIT more than a minute after it was cached, rendered once meanwhile', async () => {
  test.setTimeout(150_000);
  const wait = untouchedCachedAt + 65_000 - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  const answer = await through(untouched);
  expect([answer.status, answer.cache]).toEqual([200, 'HIT']);
  expect(Number(answer.headers.get('age'))).toBeGreaterThanOrEqual(60);
  // Asked of the instances once, when the edge first fetched it.
  const asked = [...c.logLines(), ...d.logLines()].filter((line) => line.path === untouched && line.msg === 'request');
  expect(asked.length).toBeLessThanOrEqual(1);
});

test('with both instances stopped, cached pages are served stale and a page never cached answers 503 within 2 s', async () => {
  // The home held, then purged by a publish the edge has not fetched again yet.
  await within(2000, '/en', (answer) => answer.cache === 'HIT', 'the home held');
  await through(en.europol);
  const headline = `Published as the instances went away (${Date.now()})`;
  await publish({
    ...example,
    id: 'edge-last',
    slug: 'edge-last',
    headline,
    section: 'environment',
    publishedAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
  });
  // The purge lands within milliseconds; nobody asks for the home meanwhile.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await c.stop();
  await d.stop();
  const home = await through('/en');
  expect([home.status, home.cache]).toEqual([200, 'STALE']);
  expect(home.text).toContain('<html');
  expect(home.text).not.toContain(headline);
  // The article shows the latest stories too: purged with the home, it is served stale as well.
  const article = await through(en.europol);
  expect(article.status).toBe(200);
  expect(['HIT', 'STALE']).toContain(article.cache);
  const never = await through('/en/tag/never-asked-for-before');
  expect(never.status).toBe(503);
  expect(never.ms).toBeLessThan(2000);
  // Once the edge's checks have found them down, the purged home is served stale at once.
  await new Promise((resolve) => setTimeout(resolve, 2500));
  const stale = await through('/en');
  expect([stale.status, stale.cache]).toEqual([200, 'STALE']);
  expect(stale.ms).toBeLessThan(500);
});

// Load shedding: an instance of its own (on SQLite, one request at a time), behind an edge of its own.
test('a 503 from a busy instance goes through the edge at once, in the edition’s words', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-edge-busy-'));
  const edgePort = await reservePort();
  const busy = await startServer(3313, {
    DATABASE_PATH: path.join(dir, 'store.sqlite'),
    WEB_CONCURRENCY: '1',
    MAX_IN_FLIGHT: '1',
    MAX_QUEUE: '1',
    EDGE_PURGE_URLS: `http://127.0.0.1:${edgePort}`,
    EDGE_PURGE_SECRET: secret,
  });
  const busyEdge = await startEdge(edgePort, [3313], secret);
  try {
    const answers = await Promise.all(
      Array.from({ length: 24 }, async (_, i) => {
        const started = Date.now();
        const response = await fetch(`${busyEdge.url}/en/search?q=europol${i}`);
        return { status: response.status, text: await response.text(), retryAfter: response.headers.get('retry-after'), ms: Date.now() - started };
      }),
    );
    const shed = answers.filter((answer) => answer.status === 503);
    expect(shed.length).toBeGreaterThan(0);
    for (const answer of shed) {
      expect(answer.text).toContain(editions.en.strings.serverBusyTitle);
      expect(answer.retryAfter).toBeTruthy();
      expect(answer.ms).toBeLessThan(1500);
    }
  } finally {
    await busyEdge.stop();
    await busy.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
