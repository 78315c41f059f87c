import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { largestStoryInput } from '../lib/testing/largest-story';
import { baseURL } from '../playwright.config';
import { startServer, type RunningServer } from './support/server';
import { notFoundHeading, richestStory, renamedStoryOldUrl, withdrawnStory } from './support/urls';

/**
 * The site on the open internet (issue 13): no input gets a 5xx, every answer carries the
 * security headers and pages break no rule of their own CSP, stories are bounded, wrong tokens
 * are throttled, and a kill -9 in the middle of publishing loses nothing that was acknowledged.
 * HTTP-level: run once, in the desktop project.
 */

const token = 'e2e-publish-token';
const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
const example = JSON.parse(fs.readFileSync('content/examples/publish-article.json', 'utf8')) as Record<string, unknown>;
const e2eStore = '.data/e2e.sqlite';

test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'HTTP-level: once is enough');
});

type Raw = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** A request whose target is sent exactly as written (fetch and Playwright would normalise it). */
function raw(base: string, target: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Raw> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const request = http.request({ hostname, port, path: target, method: options.method ?? 'GET', headers: options.headers, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on('error', reject);
    request.end(options.body);
  });
}

/** What an error page or message must never show. */
function expectNothingLeaked(answer: Raw, what: string) {
  expect(answer.status, what).toBeLessThan(500);
  expect(answer.body, what).not.toMatch(/\n\s+at [\w.<>]+ \(|node_modules\/|RangeError|TypeError|SqliteError|syntax error|SELECT |select .* from /);
}

function storeCounts(file = e2eStore) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const count = (table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    return {
      articles: count('articles'),
      tags: count('article_tags'),
      authors: count('article_authors'),
      updates: count('live_updates'),
      events: count('cache_tag_events'),
    };
  } finally {
    db.close();
  }
}

const xmlWellFormed = (xml: string) => spawnSync('xmllint', ['--noout', '-'], { input: xml, encoding: 'utf8' });

// ---- every route shape crossed with bad bytes -------------------------------------------------

const badSegments = [
  '%ff',
  '%',
  '%E0%A4%A',
  '%C0%AF',
  '%c0%ae%c0%ae',
  '%00',
  'a%00b',
  '..',
  '%2e%2e',
  '..%2f..%2fetc%2fpasswd',
  '%2e%2e%5c%2e%2e%5cwindows',
  '....//....//',
  'a'.repeat(5000),
  '%F0%9F%93%B0',
  '%E2%80%AEevil',
  '%7B%7B7*7%7D%7D',
  '$%7Bjndi:ldap://x%7D',
  '$(id)',
  '%3Bls%20-la',
  "'%20or%201=1--",
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '%252e%252e',
  '%EF%BF%BF',
  '%ED%A0%80',
];

const routeShapes = [
  (x: string) => `/${x}`,
  (x: string) => `/en/${x}`,
  (x: string) => `/en/europe/${x}`,
  (x: string) => `/en/europe/20180427-${x}`,
  (x: string) => `/en/tag/${x}`,
  (x: string) => `/en/author/${x}`,
  (x: string) => `/en/europe?page=${x}`,
  (x: string) => `/en/search?q=${x}`,
  (x: string) => `/api/v1/articles/${x}`,
  (x: string) => `/api/v1/articles/${x}/updates`,
  (x: string) => `/api/v1/articles?section=${x}&cursor=${x}&limit=${x}`,
  (x: string) => `/en/feeds/${x}/rss.xml`,
  (x: string) => `/${x}/feeds/atom.xml`,
  (x: string) => `/sitemaps/en/${x}`,
  (x: string) => `/sitemaps/${x}/pages.xml`,
  (x: string) => `/media/crop/${x}/images/demo/europol-headquarters.jpg`,
  (x: string) => `/media/crop/4x3/images/${x}.jpg`,
  (x: string) => `/images/${x}`,
  (x: string) => `/_next/static/${x}`,
  (x: string) => `/_next/image?url=${x}&w=640&q=70`,
  (x: string) => `/_next/image?url=%2Fimages%2F${x}&w=640&q=70`,
];

test('no request to any route, however malformed, gets a 5xx, a stack trace or SQL', async () => {
  test.setTimeout(180_000);
  let checked = 0;
  // Six at a time: enough to interleave, not so many that the server's overload guard answers 503.
  const targets = routeShapes.flatMap((shape) => badSegments.map(shape));
  for (let i = 0; i < targets.length; i += 6) {
    await Promise.all(
      targets.slice(i, i + 6).map(async (target) => {
        expectNothingLeaked(await raw(baseURL, target), `GET ${target.slice(0, 120)}`);
        checked += 1;
      }),
    );
  }
  // Writes with the right token, to the same malformed addresses.
  for (const segment of badSegments) {
    for (const [method, target] of [
      ['DELETE', `/api/v1/articles/${segment}`],
      ['POST', `/api/v1/articles/${segment}/updates`],
    ] as const) {
      expectNothingLeaked(await raw(baseURL, target, { method, headers: auth, body: '{"body":[]}' }), `${method} ${target.slice(0, 120)}`);
      checked += 1;
    }
  }
  expect(checked).toBe(routeShapes.length * badSegments.length + 2 * badSegments.length);
});

test('the malformed addresses first found answer 400 or 404, pages with the not-found page, and are logged with their request id', async () => {
  const reported = [
    ['GET', '/api/v1/articles/%ff'],
    ['GET', '/api/v1/articles/%'],
    ['GET', '/api/v1/articles/%ff/updates'],
    ['GET', '/api/v1/articles/%E0%A4%A/updates'],
    ['DELETE', '/api/v1/articles/%ff'],
    ['POST', '/api/v1/articles/%/updates'],
    ['GET', '/en/feeds/%ff/rss.xml'],
    ['GET', '/en/feeds/%/rss.xml'],
    ['GET', '/sitemaps/en/%ff'],
    ['GET', '/sitemaps/%ff/pages.xml'],
    ['GET', '/sitemaps/en/%.xml'],
    ['GET', '/media/crop/4x3/images/%ff.jpg'],
    ['GET', '/media/crop/%ff/images/a.jpg'],
    ['GET', '/_next/static/%ff'],
  ] as const;
  for (const [method, target] of reported) {
    const answer = await raw(baseURL, target, { method, headers: method === 'GET' ? {} : auth, body: method === 'POST' ? '{}' : undefined });
    expect([400, 404], `${method} ${target}`).toContain(answer.status);
  }
  const page = await raw(baseURL, '/en/europe/%ff');
  expect(page.status).toBe(404);
  expect(page.body).toContain(notFoundHeading);
  const api = await raw(baseURL, '/api/v1/articles/%ff');
  expect(api.headers['content-type']).toContain('application/json');
});

// ---- headers ------------------------------------------------------------------------------------

test('every kind of answer carries the security headers', async ({ request }) => {
  const staticFile = /<script src="(\/_next\/static\/[^"]+\.js)"/.exec(await (await request.get('/en/about')).text())?.[1];
  expect(staticFile).toBeTruthy();
  const answers: [string, string, Record<string, string>?][] = [
    ['article page', richestStory],
    ['home', '/en'],
    ['search', '/en/search?q=europol'],
    ['not found', '/en/europe/20180427-nothing-here'],
    ['gone', withdrawnStory],
    ['moved', renamedStoryOldUrl],
    ['edition redirect', '/'],
    ['API list', '/api/v1/articles?limit=1'],
    ['API error', '/api/v1/articles?section=asia'],
    ['API write refused', '/api/v1/articles/europol-is-propaganda-2018'],
    ['feed', '/en/feeds/rss.xml'],
    ['sitemap index', '/sitemap.xml'],
    ['news sitemap', '/sitemaps/en/news.xml'],
    ['robots', '/robots.txt'],
    ['framework file', staticFile!],
    ['missing framework file', '/_next/static/nothing.js'],
    ['picture', '/images/demo/europol-headquarters.jpg'],
    ['resized picture', '/_next/image?url=%2Fimages%2Fdemo%2Feuropol-headquarters.jpg&w=640&q=70'],
    ['crop', '/media/crop/4x3/images/demo/europol-headquarters.jpg'],
    ['icon', '/icon.svg'],
    ['health', '/api/health'],
    ['readiness', '/api/ready'],
  ];
  for (const [what, target] of answers) {
    const answer = await raw(baseURL, target, { method: what === 'API write refused' ? 'DELETE' : 'GET' });
    const h = answer.headers;
    expect(h['x-content-type-options'], what).toBe('nosniff');
    expect(h['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
    expect(h['permissions-policy'], what).toMatch(/camera=\(\)/);
    expect(h['permissions-policy'], what).toMatch(/microphone=\(\)/);
    expect(h['permissions-policy'], what).toMatch(/geolocation=\(\)/);
    expect(h['cross-origin-opener-policy'], what).toBe('same-origin');
    const csp = String(h['content-security-policy'] ?? '');
    for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'self'", "form-action 'self'", 'img-src ']) {
      expect(csp, `${what}: ${directive}`).toContain(directive);
    }
    expect(csp, what).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  }
  // A page unchanged since the asker got it: 304, and no policy that would replace the stored page's own.
  const page = await raw(baseURL, richestStory);
  const unchanged = await raw(baseURL, richestStory, { headers: { 'If-None-Match': String(page.headers.etag) } });
  expect(unchanged.status).toBe(304);
  expect(unchanged.headers['content-security-policy']).toBeUndefined();
  expect(unchanged.headers['x-content-type-options']).toBe('nosniff');
});

// ---- the story schema through the API -----------------------------------------------------------

const post = (request: APIRequestContext, base: string, body: unknown) =>
  request.post(`${base}/api/v1/articles`, { data: JSON.stringify(body), headers: auth });
const story = (overrides: Record<string, unknown> = {}) => ({ ...example, id: 'e2e-hardening-story', slug: 'e2e-hardening-story', ...overrides });
async function fieldsOf(response: Awaited<ReturnType<APIRequestContext['post']>>) {
  expect(response.status()).toBe(400);
  return ((await response.json()) as { error: { issues: { field: string; message: string }[] } }).error.issues;
}

test('the build holds what the server assumes of Next’s private formats, and /api/ready says so', async () => {
  // Stored by the cache handler, then asked again: the front answers it (lib/server/cached-pages.mjs).
  const article = '/en/europe/20180427-europol-hits-is-propaganda-servers';
  expect((await raw(baseURL, article)).status).toBe(200);
  const again = await raw(baseURL, article);
  expect(again.headers['x-nextjs-cache']).toBe('HIT');
  const ready = JSON.parse((await raw(baseURL, '/api/ready')).body) as { next: { ok: boolean; checked: string[]; failed: unknown[] } };
  expect(ready.next.failed).toEqual([]);
  expect(ready.next.ok).toBe(true);
  expect([...ready.next.checked].sort()).toEqual(['bootstrapTags', 'cacheTags', 'pageEntry', 'standalone']);
});

test('a picture from a configured host works end to end: page, resized picture, sitemap and structured data', async ({ request }) => {
  const src = 'https://127.0.0.1:3443/photos/coast-wind.jpg';
  const published = await post(
    request,
    '',
    story({
      id: 'e2e-remote-picture',
      slug: 'e2e-remote-picture',
      publishedAt: '2018-05-15T10:00:00+02:00',
      mainImage: { ...(example.mainImage as object), src },
    }),
  );
  expect(published.status()).toBe(201);
  const { path: storyPath } = (await published.json()) as { path: string };
  const page = await (await request.get(storyPath)).text();
  const resized = /src="(\/_next\/image\?url=https%3A%2F%2F127\.0\.0\.1%3A3443%2Fphotos%2Fcoast-wind\.jpg[^"]*)"/.exec(page)?.[1];
  expect(resized).toBeTruthy();
  const picture = await request.get(resized!.replaceAll('&amp;', '&'));
  expect(picture.status()).toBe(200);
  expect(picture.headers()['content-type']).toMatch(/^image\//);
  expect(page).toContain(`"image":["${src}"]`);
  const sitemap = await (await request.get('/sitemaps/en/stories-2018-05.xml')).text();
  expect(sitemap).toContain(`<image:loc>${src}</image:loc>`);
  expect(sitemap).not.toContain('http://localhost:3100https://');
  expect(xmlWellFormed(sitemap).status).toBe(0);
});

// ---- servers of their own: logs, throttling, a publish's cost to readers, kill -9 ---------------

test.describe('on a server of its own', () => {
  test.describe.configure({ mode: 'serial' });
  let server: RunningServer;
  const store = path.resolve('.data/e2e-hardening.sqlite');

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    for (const file of fs.readdirSync('.data').filter((f) => f.startsWith('e2e-hardening.sqlite'))) fs.rmSync(path.join('.data', file));
    server = await startServer(3161, {
      DATABASE_PATH: store,
      PUBLISH_TOKEN: token,
      WEB_CONCURRENCY: '1',
      LOG_LEVEL: 'info',
      SITE_URL: 'http://127.0.0.1:3161',
    });
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test('a malformed address is logged with its request id', async () => {
    const answer = await raw(server.url, '/api/v1/articles/%ff');
    expect(answer.status).toBe(404);
    const id = answer.headers['x-request-id'];
    await expect.poll(() => server.logLines().some((line) => line.reqId === id && String(line.msg).includes('malformed percent-encoding'))).toBe(true);
  });

  test('a story past any bound is refused at once, naming the field, and writes nothing', async ({ request }) => {
    const before = storeCounts(store);
    const names = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `Reporter ${i}` }));
    const started = Date.now();
    expect((await fieldsOf(await post(request, server.url, story({ authors: names(10_000) })))).map((i) => i.field)).toContain('authors');
    expect((await fieldsOf(await post(request, server.url, story({ authors: names(22_000) })))).map((i) => i.field)).toContain('authors');
    expect(Date.now() - started).toBeLessThan(2000);
    const nest = (depth: number): unknown => (depth === 0 ? { type: 'text', text: 'deep' } : { type: 'emphasis', children: [nest(depth - 1)] });
    expect((await fieldsOf(await post(request, server.url, story({ body: [{ type: 'paragraph', content: [nest(900)] }] }))))[0]?.message).toMatch(/nested/);
    const tooLong = story({ body: Array.from({ length: 30 }, () => ({ type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(10_000) }] })) });
    expect((await fieldsOf(await post(request, server.url, tooLong))).map((i) => i.field)).toContain('body');
    expect(storeCounts(store)).toEqual(before);
  });

  test('control characters, links to other hosts, picture paths out of /images/ and impossible dates are refused', async ({ request }) => {
    const before = storeCounts(store);
    const image = example.mainImage as Record<string, unknown>;
    const cases: [Record<string, unknown>, string, RegExp?][] = [
      [{ headline: 'Bad \u0001 headline' }, 'headline', /U\+0001/],
      [{ standfirst: 'Marked \u0002text\u0003' }, 'standfirst', /U\+0002/],
      [
        { body: [{ type: 'paragraph', content: [{ type: 'link', href: '/\\evil.example', children: [{ type: 'text', text: 'x' }] }] }] },
        'body.0.content.0.href',
      ],
      [
        { body: [{ type: 'paragraph', content: [{ type: 'link', href: '/\t/evil.example', children: [{ type: 'text', text: 'x' }] }] }] },
        'body.0.content.0.href',
      ],
      [{ mainImage: { ...image, src: '/images/%ff.jpg' } }, 'mainImage.src'],
      [{ mainImage: { ...image, src: '/images/%2e%2e/brand/meridian-logo.png' } }, 'mainImage.src'],
      [{ mainImage: { ...image, src: 'https://images.example.org/photo.jpg' } }, 'mainImage.src', /IMAGE_HOSTS/],
      [{ publishedAt: '0000-01-01T00:00:00Z' }, 'publishedAt', /1900/],
      [{ publishedAt: '9999-12-31T23:59:59+14:00' }, 'publishedAt', /a year ahead/],
      [{ updatedAt: '9999-12-31T23:59:59+14:00' }, 'updatedAt', /future/],
    ];
    for (const [overrides, field, message] of cases) {
      const issues = await fieldsOf(await post(request, server.url, story(overrides)));
      const issue = issues.find((i) => i.field === field);
      expect(issue, `${field} in ${JSON.stringify(issues)}`).toBeTruthy();
      if (message) expect(issue!.message).toMatch(message);
    }
    expect(storeCounts(store)).toEqual(before);
  });

  test('any JSON body answers 2xx or 4xx, never 5xx, and a refused one writes nothing', async ({ request }) => {
    test.setTimeout(120_000);
    const before = storeCounts(store);
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.record({ id: fc.string(), edition: fc.constantFrom('en', 'xx'), body: fc.jsonValue() })), async (body) => {
        const response = await request.post(`${server.url}/api/v1/articles`, { data: JSON.stringify(body), headers: auth });
        expect(response.status()).toBeGreaterThanOrEqual(400);
        expect(response.status()).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
    expect(storeCounts(store)).toEqual(before);
  });

  test('any text in any field of a story is refused with a 4xx or published as inert text: pages, feeds and sitemaps stay well-formed', async ({ request }) => {
    test.setTimeout(240_000);
    const marker = '<b data-injected="1">';
    const nasty = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.constantFrom(
        marker,
        `]]>${marker}`,
        '</script><script>alert(1)</script>',
        '&amp;&lt;',
        '\u202eevil',
        '{{7*7}}',
        "'; drop table articles; --",
        '\u0000',
        '\ud800',
      ),
    );
    const fields = ['headline', 'standfirst', 'tag', 'author', 'caption', 'paragraph', 'pullQuote', 'sourceCredit'] as const;
    let published = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), nasty, async (field, text) => {
        const before = storeCounts(store);
        const base = story({ id: 'e2e-property-story', slug: 'e2e-property-story', publishedAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') });
        const body = structuredClone(base) as Record<string, any>;
        if (field === 'tag') body.tags = [text];
        else if (field === 'author') body.authors = [{ name: text }];
        else if (field === 'caption') body.mainImage = { ...body.mainImage, caption: text };
        else if (field === 'paragraph') body.body = [{ type: 'paragraph', content: [{ type: 'text', text }] }];
        else if (field === 'pullQuote') body.body = [...body.body, { type: 'pullQuote', text, attribution: text }];
        else body[field] = text;
        const response = await request.post(`${server.url}/api/v1/articles`, { data: JSON.stringify(body), headers: auth });
        const status = response.status();
        expect(status, `${field} = ${JSON.stringify(text)}`).toBeLessThan(500);
        if (status >= 400) {
          expect(storeCounts(store), `${field} = ${JSON.stringify(text)}`).toEqual(before);
          return;
        }
        published += 1;
        const { path: storyPath } = (await response.json()) as { path: string };
        const page = await (await request.get(`${server.url}${storyPath}`)).text();
        expect(page).not.toContain(marker);
        expect(page).not.toContain('<script>alert(1)');
        for (const xmlPath of ['/en/feeds/rss.xml', '/en/feeds/atom.xml', '/sitemaps/en/news.xml', '/sitemap.xml']) {
          const xml = await (await request.get(`${server.url}${xmlPath}`)).text();
          const lint = xmlWellFormed(xml);
          expect(lint.status, `${xmlPath} after ${field} = ${JSON.stringify(text)}: ${lint.stderr}`).toBe(0);
          expect(xml).not.toContain(marker);
        }
      }),
      { numRuns: 40 },
    );
    expect(published).toBeGreaterThan(0);
  });

  test('wrong tokens: after ten from one address it gets 429 with Retry-After, even with the right token; another address is not affected', async () => {
    const from = (address: string, bearer: string) => ({ Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json', 'X-Forwarded-For': address });
    // 300 guesses, fifty at a time (more at once would meet the front's bounds: 503 for some).
    const guesses: Raw[] = [];
    for (let batch = 0; batch < 6; batch += 1) {
      guesses.push(
        ...(await Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            raw(server.url, '/api/v1/articles', { method: 'POST', headers: from('198.51.100.20', `guess-${batch}-${i}`), body: '{}' }),
          ),
        )),
      );
    }
    const statuses = guesses.map((g) => g.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(290);
    const limited = guesses.find((g) => g.status === 429)!;
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // The guesser is refused even when it finds the token; a newsroom client elsewhere publishes.
    const body = JSON.stringify(story({ id: 'e2e-throttle-story', slug: 'e2e-throttle-story' }));
    expect((await raw(server.url, '/api/v1/articles', { method: 'POST', headers: from('198.51.100.20', token), body })).status).toBe(429);
    expect((await raw(server.url, '/api/v1/articles', { method: 'POST', headers: from('198.51.100.21', token), body })).status).toBe(201);
    expect(server.logLines().some((line) => line.level === 'warn' && String(line.msg).includes('429') && line.client === '198.51.100.20')).toBe(true);
  });

  test('publishing the largest story allowed holds other readers up for a few tens of milliseconds at most', async () => {
    test.setTimeout(120_000);
    // A reader asks for a cached page again and again; the worst wait during a publish of the
    // largest story is compared with the worst wait over as long a time without one. Five
    // rounds, alternating, and the medians: this machine is shared with the other tests.
    const latency = async () => {
      const started = performance.now();
      await raw(server.url, '/en/about');
      return performance.now() - started;
    };
    const worstWhile = async (work: () => Promise<unknown>) => {
      const seen: number[] = [];
      let running = true;
      const reader = (async () => {
        while (running) seen.push(await latency());
      })();
      const started = performance.now();
      await work();
      const ms = performance.now() - started;
      running = false;
      await reader;
      return { worst: Math.max(...seen), ms, requests: seen.length };
    };
    for (let i = 0; i < 30; i += 1) await latency();
    const largest = largestStoryInput({
      mainImage: { ...(example.mainImage as object), src: '/images/demo/coast-wind.jpg', width: 2000, height: 1125 } as never,
    });
    const rounds: { publish: number; quiet: number; publishMs: number }[] = [];
    for (let round = 0; round < 5; round += 1) {
      const body = JSON.stringify({ ...largest, headline: `The longest story, version ${round}` });
      let status = 0;
      const publish = await worstWhile(async () => {
        status = (await raw(server.url, '/api/v1/articles', { method: 'POST', headers: auth, body })).status;
      });
      expect([200, 201]).toContain(status);
      const quiet = await worstWhile(() => new Promise((resolve) => setTimeout(resolve, publish.ms)));
      rounds.push({ publish: publish.worst, quiet: quiet.worst, publishMs: publish.ms });
    }
    const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
    const heldUp = median(rounds.map((r) => r.publish - r.quiet));
    console.log(
      `publish of the largest story (${(JSON.stringify(largest).length / 1024).toFixed(0)} KB) took ${median(rounds.map((r) => r.publishMs)).toFixed(0)} ms; ` +
        `a reader's worst wait during it ${median(rounds.map((r) => r.publish)).toFixed(0)} ms against ${median(rounds.map((r) => r.quiet)).toFixed(0)} ms without: held up ${heldUp.toFixed(0)} ms (median of 5 rounds)`,
    );
    // About 50 ms on the machine this was written on; slack for a slower one.
    expect(heldUp).toBeLessThan(100);
  });

  test('the same story published many times at once ends as one of the versions sent, never a mix or a 5xx', async () => {
    const versions = Array.from({ length: 20 }, (_, i) => story({ id: 'e2e-contended', slug: 'e2e-contended', headline: `Version ${i}`, tags: [`Tag ${i}`] }));
    const answers = await Promise.all(versions.map((v) => raw(server.url, '/api/v1/articles', { method: 'POST', headers: auth, body: JSON.stringify(v) })));
    expect(answers.every((a) => a.status === 200 || a.status === 201)).toBe(true);
    const stored = JSON.parse((await raw(server.url, '/api/v1/articles/e2e-contended')).body) as { headline: string; tags: string[] };
    const n = stored.headline.replace('Version ', '');
    expect(stored.tags).toEqual([`Tag ${n}`]);
  });
  test('kill -9 during a burst of publishes: the store passes its integrity check and holds every acknowledged story', async () => {
    test.setTimeout(120_000);
    const acknowledged: string[] = [];
    const publishes = Array.from({ length: 60 }, (_, i) =>
      raw(server.url, '/api/v1/articles', {
        method: 'POST',
        headers: auth,
        body: JSON.stringify(story({ id: `e2e-burst-${i}`, slug: `e2e-burst-${i}`, headline: `Burst story ${i}` })),
      }).then(
        (answer) => {
          if (answer.status === 201) acknowledged.push(`e2e-burst-${i}`);
        },
        () => undefined,
      ),
    );
    // Some in, some on the way.
    await expect.poll(() => acknowledged.length, { timeout: 20_000, intervals: [5] }).toBeGreaterThan(5);
    await server.stop('SIGKILL');
    await Promise.all(publishes);
    expect(acknowledged.length).toBeGreaterThan(5);
    const db = new Database(store, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    server = await startServer(3161, {
      DATABASE_PATH: store,
      PUBLISH_TOKEN: token,
      WEB_CONCURRENCY: '1',
      LOG_LEVEL: 'info',
      SITE_URL: 'http://127.0.0.1:3161',
    });
    for (const id of acknowledged) expect((await raw(server.url, `/api/v1/articles/${id}`)).status, id).toBe(200);
  });
});

// ---- in the browser ----------------------------------------------------------------------------

test('no page kind breaks a rule of its Content-Security-Policy, and the islands still come to life', async ({ page }) => {
  test.setTimeout(120_000);
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => violations.push(`${page.url()}: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __cspViolations: string[] }).__cspViolations ??= [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const pages = [
    '/en',
    richestStory,
    '/en/middle-east/20180506-lebanon-election-results-live',
    '/en/europe',
    '/en/europe?page=2',
    '/en/tag/europol',
    '/en/author/claire-dubois',
    '/en/search?q=police',
    '/en/search',
    '/en/about',
    '/en/europe/20180427-nothing-here',
    withdrawnStory,
    '/xx/nothing',
    '/images/nothing.jpg',
  ];
  for (const target of pages) {
    await page.goto(target, { waitUntil: 'networkidle' });
    const seen = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
    violations.push(...seen.map((v) => `${target}: ${v}`));
  }
  expect(violations).toEqual([]);
  // The latest-stories island hydrated and fetched through the API under the policy (connect-src 'self').
  await page.goto(richestStory);
  const refreshed = page.waitForResponse((response) => response.url().includes('/api/v1/articles?') && response.status() === 200, { timeout: 20_000 });
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await refreshed;
});
