import fs from 'node:fs';
import { expect, test, type APIRequestContext } from '@playwright/test';

/**
 * The publishing API, and the caches behind it: every page that shows a story is fresh on the
 * very next request after a publish, an update or a withdrawal. Run once, in the desktop project.
 */

const token = 'e2e-publish-token';
const auth = { Authorization: `Bearer ${token}` };
const example = JSON.parse(fs.readFileSync('content/examples/publish-article.json', 'utf8')) as Record<string, unknown>;

test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'an HTTP API has no screen: once is enough');
});

function story(overrides: Record<string, unknown> = {}) {
  return { ...example, id: 'e2e-published-story', slug: 'e2e-wind-farm-opens', publishedAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), ...overrides };
}

const post = (request: APIRequestContext, body: unknown, headers: Record<string, string> = auth) =>
  request.post('/api/v1/articles', { data: JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...headers } });

async function html(request: APIRequestContext, path: string) {
  const response = await request.get(path, { maxRedirects: 0 });
  return { status: response.status(), text: await response.text(), cache: response.headers()['x-nextjs-cache'] };
}

test.describe('publishing', () => {
  test('refuses every write without the right token', async ({ request }) => {
    const attempts: Record<string, string>[] = [{}, { Authorization: 'Bearer wrong-token' }, { Authorization: token }, { Authorization: `Basic ${token}` }];
    for (const headers of attempts) {
      const response = await post(request, story(), headers);
      expect(response.status()).toBe(401);
      expect(response.headers()['www-authenticate']).toContain('Bearer');
      expect(((await response.json()) as { error: { status: number } }).error.status).toBe(401);
    }
    expect((await request.delete('/api/v1/articles/europol-is-propaganda-2018')).status()).toBe(401);
    expect((await request.post('/api/v1/articles/lebanon-election-live-2018/updates', { data: {} })).status()).toBe(401);
    // Nothing was withdrawn.
    expect((await html(request, '/en/europe/20180427-europol-hits-is-propaganda-servers')).status).toBe(200);
  });

  test('answers a bad body with the list of what is wrong, and writes nothing', async ({ request }) => {
    const response = await post(
      request,
      story({
        headline: '',
        slug: 'Not A Slug',
        body: [{ type: 'paragraph', content: [{ type: 'link', href: 'javascript:alert(1)', children: [{ type: 'text', text: 'x' }] }] }],
      }),
    );
    expect(response.status()).toBe(400);
    const { error } = (await response.json()) as { error: { issues: { field: string }[] } };
    expect(error.issues.map((i) => i.field)).toEqual(expect.arrayContaining(['headline', 'slug', 'body.0.content.0.href']));

    expect((await post(request, story({ section: 'asia' }))).status()).toBe(400);
    expect((await post(request, story({ mainImage: { ...(example.mainImage as object), src: '/images/demo/nope.jpg' } }))).status()).toBe(400);
    const notJson = await request.post('/api/v1/articles', { data: '{ "id": ', headers: { ...auth, 'Content-Type': 'application/json' } });
    expect(notJson.status()).toBe(400);
    const wrongType = await request.post('/api/v1/articles', { data: 'id=x', headers: { ...auth, 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(wrongType.status()).toBe(415);
    const huge = await post(request, story({ standfirst: 'x'.repeat(2 * 1024 * 1024) }));
    expect(huge.status()).toBe(413);
    const taken = await post(request, story({ id: 'e2e-slug-thief', slug: 'europol-hits-is-propaganda-servers', section: 'europe' }));
    expect(taken.status()).toBe(409);
    // A translation group holds one story per edition: the English Europol story is already in this one.
    const secondTranslation = await post(request, story({ id: 'e2e-group-thief', slug: 'e2e-group-thief', translationGroup: 'europol-is-propaganda' }));
    expect(secondTranslation.status()).toBe(409);
    expect(((await secondTranslation.json()) as { error: { issues: { field: string }[] } }).error.issues.map((i) => i.field)).toEqual(['translationGroup']);
    const badGroup = await post(request, story({ id: 'e2e-group-bad', slug: 'e2e-group-bad', translationGroup: 'Not a group!' }));
    expect(badGroup.status()).toBe(400);
    // None of them was written (the story's own slug is published by other tests of this file, which may run meanwhile).
    expect((await html(request, '/en/environment/20000101-e2e-group-bad')).status).toBe(404);
  });

  test('publishes, updates and withdraws a story, and every page that shows it is fresh on the next request', async ({ request }) => {
    // Warm the caches of the pages the story will appear on.
    for (const path of [
      '/en',
      '/en/environment',
      '/en/tag/energy',
      '/en/author/jonas-berg',
      '/en/feeds/rss.xml',
      '/en/feeds/environment/rss.xml',
      '/sitemap.xml',
    ]) {
      await request.get(path);
      expect((await html(request, path)).status, path).toBe(200);
    }
    const published = await post(request, story());
    expect(published.status()).toBe(201);
    const { id, path } = (await published.json()) as { id: string; path: string };
    expect(id).toBe('e2e-published-story');
    expect(path).toMatch(/^\/en\/environment\/\d{8}-e2e-wind-farm-opens$/);

    expect((await html(request, path)).text).toContain('A new offshore wind farm starts turning in the North Sea');
    for (const page of ['/en', '/en/environment', '/en/tag/energy', '/en/author/jonas-berg']) {
      expect((await html(request, page)).text, page).toContain(path);
    }
    expect((await html(request, '/en/feeds/environment/rss.xml')).text).toContain(path);

    // A correction: the same id, a new headline.
    const corrected = await post(request, story({ headline: 'Offshore wind farm in the North Sea starts producing power' }));
    expect(corrected.status()).toBe(200);
    expect((await html(request, path)).text).toContain('Offshore wind farm in the North Sea starts producing power');
    expect((await html(request, '/en')).text).toContain('Offshore wind farm in the North Sea starts producing power');

    // Withdrawn: 410 from then on, and gone from every list.
    const withdrawn = await request.delete(`/api/v1/articles/${id}`, { headers: auth });
    expect(withdrawn.status()).toBe(200);
    expect(await withdrawn.json()).toEqual({ id, path, status: 'withdrawn' });
    expect((await html(request, path)).status).toBe(410);
    for (const page of ['/en', '/en/environment', '/en/tag/energy', '/en/feeds/rss.xml', '/en/feeds/environment/rss.xml']) {
      expect((await html(request, page)).text, page).not.toContain(path);
    }
    expect((await request.delete('/api/v1/articles/no-such-story', { headers: auth })).status()).toBe(404);
  });

  test('adds an update to a live story, which its page shows on the next request', async ({ request }) => {
    // A live story of the test's own: an update would make the demo's, which ended in 2018, live again for the other tests.
    const created = await post(request, story({ id: 'e2e-live-story', slug: 'e2e-live-story', live: true }));
    expect([200, 201]).toContain(created.status());
    const live = ((await created.json()) as { path: string }).path;
    await request.get(live);
    const text = `Recount confirmed in one district (${Date.now()}).`;
    const response = await request.post('/api/v1/articles/e2e-live-story/updates', {
      data: JSON.stringify({ title: 'Recount', body: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }),
      headers: { ...auth, 'Content-Type': 'application/json' },
    });
    expect(response.status()).toBe(201);
    expect((await html(request, live)).text).toContain(text);

    const notLive = await request.post('/api/v1/articles/europol-is-propaganda-2018/updates', {
      data: JSON.stringify({ body: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }] }),
      headers: { ...auth, 'Content-Type': 'application/json' },
    });
    expect(notLive.status()).toBe(409);
    const empty = await request.post('/api/v1/articles/e2e-live-story/updates', {
      data: JSON.stringify({ body: [] }),
      headers: { ...auth, 'Content-Type': 'application/json' },
    });
    expect(empty.status()).toBe(400);
  });
});

test.describe('what shared caches may do', () => {
  test('stories, fronts and feeds may be held at the edge, served stale while refreshing, and served if we fail', async ({ request }) => {
    for (const path of ['/en', '/en/europe/20180427-europol-hits-is-propaganda-servers', '/en/europe', '/en/feeds/rss.xml', '/sitemap.xml']) {
      const cacheControl = (await request.get(path)).headers()['cache-control'] ?? '';
      expect(cacheControl, path).toMatch(/s-maxage=\d+/);
      expect(cacheControl, path).toMatch(/stale-while-revalidate=\d+/);
      expect(cacheControl, path).toMatch(/stale-if-error=\d+/);
    }
  });

  test('not found and gone are cached briefly; search and the API writes never', async ({ request }) => {
    for (const path of ['/en/nope', '/en/europe/20180419-paris-metro-line-to-close-for-two-years']) {
      expect((await request.get(path)).headers()['cache-control'], path).toBe('public, max-age=60, s-maxage=60');
    }
    expect((await request.get('/en/search?q=europe')).headers()['cache-control']).toBe('private, no-store');
  });

  test('the framework’s hashed assets are immutable', async ({ page, request }) => {
    await page.goto('/en');
    const script = await page.locator('script[src^="/_next/static/"]').first().getAttribute('src');
    expect((await request.get(script!)).headers()['cache-control']).toContain('immutable');
  });

  test('a page unchanged since the asker got it answers 304; once a publish touches it, the new page', async ({ request }) => {
    const published = await post(
      request,
      story({ id: 'e2e-conditional-story', slug: 'e2e-tidal-lagoon-approved', headline: 'Tidal lagoon approved after a decade of studies' }),
    );
    expect(published.status()).toBe(201);
    const { path } = (await published.json()) as { path: string };

    const validators: Record<string, string> = {};
    for (const page of [path, '/en/environment']) {
      // Other tests publish while this one runs: should a write land between two requests here,
      // the page really changed, and the pair is asked again.
      await expect(async () => {
        const rendered = await request.get(page); // a render's own answer carries its validator already
        const held = await request.get(page); // from the cache
        const etag = held.headers()['etag'] ?? '';
        expect(etag, page).toMatch(/^W\/"[\w-]+"$/);
        expect(rendered.headers()['etag'], page).toBe(etag);
        const unchanged = await request.get(page, { headers: { 'If-None-Match': etag } });
        expect(unchanged.status(), page).toBe(304);
        expect(unchanged.headers()['etag'], page).toBe(etag);
        expect(unchanged.headers()['cache-control'], page).toMatch(/s-maxage=\d+/);
        expect((await unchanged.body()).length, page).toBe(0);
        validators[page] = etag;
      }).toPass({ timeout: 10_000 });
      expect((await request.get(page, { headers: { 'If-None-Match': 'W/"something-else"' } })).status(), page).toBe(200);
    }

    const corrected = await post(
      request,
      story({ id: 'e2e-conditional-story', slug: 'e2e-tidal-lagoon-approved', headline: 'Tidal lagoon approved after ten years of studies' }),
    );
    expect(corrected.status()).toBe(200);
    for (const page of [path, '/en/environment']) {
      const changed = await request.get(page, { headers: { 'If-None-Match': validators[page]! } });
      expect(changed.status(), page).toBe(200);
      expect(await changed.text(), page).toContain('Tidal lagoon approved after ten years of studies');
      expect(changed.headers()['etag'], page).not.toBe(validators[page]);
    }

    expect((await request.delete('/api/v1/articles/e2e-conditional-story', { headers: auth })).status()).toBe(200);
    expect((await request.get(path, { headers: { 'If-None-Match': validators[path]! }, maxRedirects: 0 })).status()).toBe(410);
  });

  test('feeds and sitemaps answer a poll with 304 while nothing changed, and in full after a publish', async ({ request }) => {
    const polled = ['/en/feeds/rss.xml', '/en/feeds/environment/atom.xml', '/sitemap.xml', '/sitemaps/en/news.xml'];
    const validators = new Map<string, string>();
    for (const path of polled) {
      // As above: a write by another test between the two requests is a real change; ask again.
      await expect(async () => {
        const etag = (await request.get(path)).headers()['etag'] ?? '';
        expect(etag, path).toMatch(/^W\/"[\w-]+"$/);
        const unchanged = await request.get(path, { headers: { 'If-None-Match': etag } });
        expect(unchanged.status(), path).toBe(304);
        expect((await unchanged.body()).length, path).toBe(0);
        validators.set(path, etag);
      }).toPass({ timeout: 10_000 });
    }
    // A sitemap's lastmod is a story's publication time, to the second: publish in a second of
    // its own, after the validators were taken (another test may have published in that one).
    await new Promise((resolve) => setTimeout(resolve, 1010 - (Date.now() % 1000)));
    const published = await post(
      request,
      story({ id: 'e2e-feed-poll-story', slug: 'e2e-heat-pumps-outsell-boilers', headline: 'Heat pumps outsell gas boilers for the first time' }),
    );
    expect(published.status()).toBe(201);
    const { path: storyPath } = (await published.json()) as { path: string };
    for (const path of polled) {
      const changed = await request.get(path, { headers: { 'If-None-Match': validators.get(path)! } });
      expect(changed.status(), path).toBe(200);
      expect(await changed.text(), path).toContain(path.startsWith('/sitemap.xml') ? '/sitemaps/en/' : storyPath);
    }
    expect((await request.delete('/api/v1/articles/e2e-feed-poll-story', { headers: auth })).status()).toBe(200);
  });

  test('a story page is served from the cache once rendered', async ({ request }) => {
    const path = '/en/africa/20180329-nairobi-startups-bet-on-mobile-money';
    // Other specs publish in parallel, and a publish may make the page stale between the two
    // requests (it shows the latest stories): a render followed at once by a hit must happen.
    await expect
      .poll(
        async () => {
          await request.get(path);
          return (await html(request, path)).cache;
        },
        { timeout: 15_000 },
      )
      .toBe('HIT');
  });
});
