import { expect, test, type APIRequestContext } from '@playwright/test';

/** The public JSON API, as a client of it sees it. Checked once, in the desktop project. */

test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'an HTTP API has no screen: once is enough');
});

type Item = { id: string; path: string; headline: string; standfirst: string; section: string; publishedAt: string; thumbnail: { src: string; width: number } };

async function walk(request: APIRequestContext, query: string, limit: number): Promise<{ items: Item[]; pages: number }> {
  const items: Item[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const response = await request.get(`/api/v1/articles?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { items: Item[]; nextCursor: string | null };
    items.push(...body.items);
    cursor = body.nextCursor;
    pages += 1;
  } while (cursor && pages < 50);
  return { items, pages };
}

function expectNewestFirstOnce(items: Item[]) {
  expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  const times = items.map((i) => Date.parse(i.publishedAt));
  expect([...times].sort((a, b) => b - a)).toEqual(times);
}

test.describe('GET /api/v1/articles', () => {
  test('pages through a section, returning every story once, newest first', async ({ request }) => {
    const { items, pages } = await walk(request, 'edition=en&section=europe', 2);
    expect(pages).toBeGreaterThanOrEqual(3);
    expectNewestFirstOnce(items);
    expect(items.every((i) => i.section === 'europe')).toBe(true);
    const all = (await (await request.get('/api/v1/articles?edition=en&section=europe&limit=100')).json()) as { items: Item[]; nextCursor: null };
    expect(items.map((i) => i.id)).toEqual(all.items.map((i) => i.id));
    expect(all.nextCursor).toBeNull();
    expect(items.map((i) => i.path)).toContain('/en/europe/20180427-europol-hits-is-propaganda-servers');
    expect(items.map((i) => i.path)).not.toContain('/en/europe/20180419-paris-metro-line-to-close-for-two-years');
  });

  test('pages through the edition and through a tag the same way', async ({ request }) => {
    expectNewestFirstOnce((await walk(request, 'edition=en', 7)).items);
    const tagged = (await walk(request, 'edition=en&tag=islamic-state-group', 1)).items;
    expect(tagged.map((i) => i.id)).toEqual(['europol-is-propaganda-2018', 'mosul-rebuilding-2018']);
  });

  test('answers with the fields a client needs, and headers a CDN can cache by', async ({ request }) => {
    const response = await request.get('/api/v1/articles?edition=en&limit=1');
    expect(response.headers()['content-type']).toContain('application/json');
    expect(response.headers()['cache-control']).toMatch(/s-maxage=\d+/);
    expect(response.headers()['cache-control']).toMatch(/stale-while-revalidate=\d+/);
    const { items } = (await response.json()) as { items: Item[] };
    expect(Object.keys(items[0]!).sort()).toEqual(['headline', 'id', 'live', 'path', 'publishedAt', 'section', 'standfirst', 'thumbnail', 'updatedAt']);
    expect(items[0]!.thumbnail).toEqual(
      expect.objectContaining({ src: expect.stringMatching(/^\/images\//), width: expect.any(Number), height: expect.any(Number) }),
    );
  });

  test('defaults to 20 stories and serves at most 100', async ({ request }) => {
    const fallback = (await (await request.get('/api/v1/articles')).json()) as { items: Item[] };
    expect(fallback.items.length).toBe(20);
    const capped = await request.get('/api/v1/articles?edition=en&limit=1000');
    expect(capped.status()).toBe(200);
    expect(((await capped.json()) as { items: Item[] }).items.length).toBeLessThanOrEqual(100);
  });

  test('answers every bad parameter with a 4xx and a JSON error naming it', async ({ request }) => {
    const first = (await (await request.get('/api/v1/articles?edition=en&section=europe&limit=1')).json()) as { nextCursor: string };
    const tagCursor = ((await (await request.get('/api/v1/articles?edition=en&tag=islamic-state-group&limit=1')).json()) as { nextCursor: string }).nextCursor;
    const [payload, signature] = first.nextCursor.split('.') as [string, string];
    const forgedPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), t: 1 })).toString('base64url');
    const cases: [string, number, string][] = [
      ['edition=xx', 400, 'edition'],
      ['section=asia', 404, 'section'],
      ['tag=no-such-topic', 404, 'tag'],
      ['section=Not%20A%20Slug', 400, 'section'],
      ['limit=0', 400, 'limit'],
      ['limit=-3', 400, 'limit'],
      ['limit=abc', 400, 'limit'],
      ['limit=2.5', 400, 'limit'],
      ['cursor=garbage', 400, 'cursor'],
      [`section=europe&cursor=${payload}.${signature.slice(0, -2)}AA`, 400, 'cursor'],
      [`section=europe&cursor=${forgedPayload}.${signature}`, 400, 'cursor'],
      [`section=europe&cursor=${tagCursor}`, 400, 'cursor'],
      [`section=europe&cursor=${'x'.repeat(600)}`, 400, 'cursor'],
      ['section=europe&tag=europol', 400, 'tag'],
    ];
    for (const [query, status, parameter] of cases) {
      const response = await request.get(`/api/v1/articles?${query}`);
      expect(response.status(), query).toBe(status);
      expect(response.headers()['content-type'], query).toContain('application/json');
      const text = await response.text();
      expect(text, query).not.toMatch(/\bat \/|select |sqlite|Error:/i);
      const body = JSON.parse(text) as { error: { status: number; issues: { parameter: string }[] } };
      expect(body.error.status).toBe(status);
      expect(
        body.error.issues.map((i) => i.parameter),
        query,
      ).toContain(parameter);
    }
  });
});

test.describe('GET /api/v1/articles/{id}/updates', () => {
  const live = '/api/v1/articles/lebanon-election-live-2018/updates';

  test('lists a live story’s updates newest first, and only the newer ones after a given update', async ({ request }) => {
    const all = (await (await request.get(live)).json()) as { items: { id: string; publishedAt: string; body: unknown[] }[] };
    expect(all.items.length).toBeGreaterThanOrEqual(5);
    const times = all.items.map((u) => Date.parse(u.publishedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(all.items.every((u) => u.body.length > 0)).toBe(true);
    const second = all.items[1]!;
    const newer = (await (await request.get(`${live}?after=${second.id}`)).json()) as { items: { id: string }[] };
    expect(newer.items.map((u) => u.id)).toEqual(all.items.slice(0, 1).map((u) => u.id));
  });

  test('answers 4xx with a JSON error for anything else', async ({ request }) => {
    for (const [url, status, parameter] of [
      [`${live}?after=no-such-update`, 400, 'after'],
      [`${live}?limit=none`, 400, 'limit'],
      ['/api/v1/articles/europol-is-propaganda-2018/updates', 404, 'id'],
      ['/api/v1/articles/no-such-story/updates', 404, 'id'],
      ['/api/v1/articles/%2E%2E%2F/updates', 404, 'id'],
    ] as const) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(status);
      const body = (await response.json()) as { error: { issues: { parameter: string }[] } };
      expect(
        body.error.issues.map((i) => i.parameter),
        url,
      ).toContain(parameter);
    }
  });
});
