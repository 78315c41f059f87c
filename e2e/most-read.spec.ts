import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import { editionIds, getEdition, type EditionId } from '../lib/domain/editions';
import { api, editionPath } from '../lib/domain/urls';

/**
 * Most read (issue 32, decision 027), as readers, crawlers and editors meet it: a story's page
 * tells the site it was read once it has been visible a few seconds, once; the edition's home
 * and its story pages list what was read most, at most a minute behind; a crawler, a reader
 * reading again and one address posing as many readers move nothing. Run once per edition, on
 * the desktop: what it checks is what the server counts.
 */

const auth = { Authorization: 'Bearer e2e-publish-token' };
const sections: Record<EditionId, string> = { en: 'environment', fr: 'environnement', ar: 'environment' };
const chrome = (n: number) => `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.${n}.0 Safari/537.36`;
const googlebot = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

type Written = { id: string; path: string };

async function publish(request: APIRequestContext, edition: EditionId, id: string, headline: string): Promise<Written> {
  const answer = await request.post(api.articles(), {
    headers: { ...auth, 'Content-Type': 'application/json' },
    data: JSON.stringify({
      id,
      edition,
      section: sections[edition],
      slug: id,
      headline,
      standfirst: 'A story of the tests’ own, read by a few of them.',
      authors: [{ name: 'Jonas Berg' }],
      publishedAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      mainImage: { src: '/images/demo/coast-wind.jpg', alt: 'A calm sea', width: 2000, height: 1125, caption: 'A calm sea.', credit: 'Meridian' },
      body: [{ type: 'paragraph', content: [{ type: 'text', text: 'A paragraph to read.' }] }],
    }),
  });
  expect(answer.status(), await answer.text()).toBe(201);
  return (await answer.json()) as Written;
}

/** A reader of their own (an address and a browser) reads a story for twelve seconds; how many beacons their page sent. */
async function read(browser: Browser, path: string, reader: number): Promise<number> {
  const context = await browser.newContext({ userAgent: chrome(reader), extraHTTPHeaders: { 'X-Forwarded-For': `198.51.100.${reader}` } });
  const page = await context.newPage();
  let beacons = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname.startsWith('/api/v1/views/')) beacons += 1;
  });
  await page.goto(path);
  await page.waitForTimeout(12_000);
  await context.close();
  return beacons;
}

async function views(request: APIRequestContext, id: string): Promise<number> {
  const answer = await request.get(api.views(id), { headers: auth });
  expect(answer.status()).toBe(200);
  return ((await answer.json()) as { last24Hours: number }).last24Hours;
}

for (const edition of editionIds) {
  const { strings } = getEdition(edition);

  test(`five readers of one story and one of another put the first above the second in Most read (${edition}); a crawler changes nothing`, async ({
    browser,
    request,
  }, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'what the server counts: once is enough');
    test.setTimeout(120_000);
    const run = `${Date.now().toString(36)}${testInfo.retry}`;
    const popular = await publish(request, edition, `popular-${edition}-${run}`, `Popular ${run}`);
    const quiet = await publish(request, edition, `quiet-${edition}-${run}`, `Quiet ${run}`);

    // Each page sends one beacon, however long it stays open.
    const sent = await Promise.all([1, 2, 3, 4, 5].map((reader) => read(browser, popular.path, reader)));
    expect(sent).toEqual([1, 1, 1, 1, 1]);
    expect(await read(browser, quiet.path, 6)).toBe(1);

    // Within a minute, the edition's home lists the first above the second.
    const mostRead = async () => {
      const answer = await request.get(editionPath(edition));
      const html = await answer.text();
      const list = html.split(`>${strings.mostRead}</h2>`)[1]?.split('</ol>')[0] ?? '';
      return { popular: list.indexOf(popular.path), quiet: list.indexOf(quiet.path) };
    };
    await expect
      .poll(
        async () => {
          const at = await mostRead();
          return at.popular >= 0 && (at.quiet === -1 || at.popular < at.quiet);
        },
        { timeout: 60_000, intervals: [2_000] },
      )
      .toBe(true);
    await expect.poll(() => views(request, popular.id), { timeout: 20_000 }).toBe(5);
    await expect.poll(() => views(request, quiet.id), { timeout: 20_000 }).toBe(1);

    // A crawler's visit, a reader reading again, one address posing as twenty readers: nothing moves the quiet story past five.
    const crawled = await request.post(api.view(quiet.id), { headers: { 'User-Agent': googlebot, 'X-Forwarded-For': '198.51.100.50' } });
    expect(crawled.status()).toBe(204);
    await request.post(api.view(quiet.id), { headers: { 'User-Agent': chrome(6), 'X-Forwarded-For': '198.51.100.6' } });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        request.post(api.view(popular.id), { headers: { 'User-Agent': chrome(100 + i), 'X-Forwarded-For': '198.51.100.99' } }),
      ),
    );
    // Another site's page cannot count a view either.
    await request.post(api.view(quiet.id), { headers: { 'User-Agent': chrome(7), 'X-Forwarded-For': '198.51.100.7', 'Sec-Fetch-Site': 'cross-site' } });
    await expect.poll(() => views(request, popular.id), { timeout: 20_000 }).toBe(10);
    expect(await views(request, quiet.id)).toBe(1);

    // The story page lists the edition's most read too; the counts are for editors only.
    const page = await request.get(quiet.path);
    expect(await page.text()).toContain(`>${strings.mostRead}</h2>`);
    expect((await request.get(api.views(popular.id))).status()).toBe(401);
    expect((await request.get('/api/v1/views/' + popular.id)).status()).toBe(405);
  });
}
