import fs from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { demoByEdition, frontMatter } from './support/demo';
import { withLock } from './support/lock';
import { editionIds, getEdition, type EditionId } from '../lib/domain/editions';
import { api, editionPath, sectionPath } from '../lib/domain/urls';
import { onEveryScreen } from './support/screens';

/**
 * What editors decide beyond a story (decision 019), as readers and the API see it, in every
 * edition on a desktop and a phone: the lead they choose leads, a story appears once on the
 * home, a live story carries its badge while it is live and loses it when its updates stop, the
 * breaking-news banner is on every page until it is taken down. Tests that change an edition's
 * home or banner take that edition's lock, so that they never see each other's changes.
 */

const auth = { Authorization: 'Bearer e2e-publish-token', 'Content-Type': 'application/json' };
const example = JSON.parse(fs.readFileSync('content/examples/publish-article.json', 'utf8')) as Record<string, unknown>;
const isoNow = (offsetMs = 0) => new Date(Date.now() + offsetMs).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Publishes a story of the edition's test section through the API; its id, slug and address. */
async function publish(request: APIRequestContext, edition: EditionId, name: string, fields: Record<string, unknown> = {}) {
  const id = `e2e-${name}-${Date.now().toString(36)}`.slice(0, 80);
  const response = await request.post(api.articles(), {
    headers: auth,
    data: JSON.stringify({
      ...example,
      id,
      slug: id,
      edition,
      section: demoByEdition[edition].testSection,
      translationGroup: undefined,
      publishedAt: isoNow(),
      ...fields,
    }),
  });
  expect(response.status(), await response.text()).toBe(201);
  return { id, path: ((await response.json()) as { path: string }).path };
}

const put = (request: APIRequestContext, path: string, body: unknown) => request.put(path, { headers: auth, data: JSON.stringify(body) });

/** The addresses of the stories a page links to from its main content, in order. */
const storyLinks = (page: Page) =>
  page.locator('main h2 a, main h3 a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? '').filter((href) => /\/\d{8}-/.test(href)));

for (const id of editionIds) {
  const { strings } = getEdition(id);
  const demo = demoByEdition[id];
  const europol = frontMatter(demo.europolFile);

  test.describe(`fronts the editors lead (${id})`, () => {
    test('the lead an editor chooses leads the home, a story published after it does not take its place, and recency returns after DELETE', async ({
      page,
      request,
    }, testInfo) => {
      test.setTimeout(90_000);
      const top = await publish(request, id, `top-${testInfo.project.name}`);
      await withLock(`home-${id}`, async () => {
        try {
          const set = await put(request, api.front(id), { lead: europol.id, top: [top.id] });
          expect(set.status(), await set.text()).toBe(200);
          expect(await set.json()).toMatchObject({ lead: europol.id, top: [top.id], notShown: [] });

          await page.goto(editionPath(id));
          await expect(page.locator('main article').first().locator('h2 a')).toHaveAttribute('href', demo.europol);
          await expect(page.getByRole('region', { name: strings.topStories }).locator('article h3 a').first()).toHaveAttribute('href', top.path);

          // Published after the choice: newest, yet it does not lead; recency places it after the chosen top story, once.
          const later = await publish(request, id, `later-${testInfo.project.name}`);
          await page.goto(editionPath(id));
          await expect(page.locator('main article').first().locator('h2 a')).toHaveAttribute('href', demo.europol);
          await expect(page.getByRole('region', { name: strings.topStories }).locator('article h3 a').first()).toHaveAttribute('href', top.path);
          await expect(page.locator(`main a[href="${later.path}"]`)).toHaveCount(1);
          const links = await storyLinks(page);
          expect(links.filter((href, i) => links.indexOf(href) !== i)).toEqual([]);
          expect(links.filter((href) => href === demo.europol)).toHaveLength(1);

          const cleared = await request.delete(api.front(id), { headers: auth });
          expect(cleared.status()).toBe(200);
          expect(await cleared.json()).toMatchObject({ lead: null, top: [] });
          await page.goto(editionPath(id));
          await expect(page.locator('main article').first().locator('h2 a')).not.toHaveAttribute('href', demo.europol);
        } finally {
          await request.delete(api.front(id), { headers: auth });
        }
      });
    });

    test('a chosen story that is withdrawn drops out of the front at once', async ({ page, request }, testInfo) => {
      const chosen = await publish(request, id, `withdrawn-lead-${testInfo.project.name}`);
      await withLock(`home-${id}`, async () => {
        try {
          expect((await put(request, api.front(id), { lead: chosen.id })).status()).toBe(200);
          await page.goto(editionPath(id));
          await expect(page.locator('main article').first().locator('h2 a')).toHaveAttribute('href', chosen.path);
          expect((await request.delete(api.article(chosen.id), { headers: auth })).status()).toBe(200);
          await page.goto(editionPath(id));
          await expect(page.locator(`main a[href="${chosen.path}"]`)).toHaveCount(0);
          expect(await (await request.get(api.front(id), { headers: auth })).json()).toMatchObject({ lead: chosen.id, notShown: [chosen.id] });
        } finally {
          await request.delete(api.front(id), { headers: auth });
        }
      });
    });

    test('a section front opens with the story its editors chose, until the time they gave, then by recency again', async ({ page, request }) => {
      test.setTimeout(60_000);
      const section = demo.testSection;
      const lead = () => page.locator('main article').first().locator('h2 a');
      await withLock(`section-${id}`, async () => {
        try {
          const until = isoNow(8_000);
          expect((await put(request, api.front(id, section), { lead: europol.id, until })).status()).toBe(200);
          await page.goto(sectionPath(id, section));
          await expect(lead()).toHaveAttribute('href', demo.europol);
          // Nobody writes anything: at its time the choice ends on its own.
          await expect(async () => {
            await page.goto(sectionPath(id, section));
            await expect(lead()).not.toHaveAttribute('href', demo.europol, { timeout: 500 });
          }).toPass({ timeout: 30_000, intervals: [1_000] });
          expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(until));
        } finally {
          await request.delete(api.front(id, section), { headers: auth });
        }
      });
    });

    test('a live story carries the live badge on the fronts and its page while it is live, and none once its updates have stopped', async ({
      page,
      request,
    }, testInfo) => {
      test.setTimeout(120_000);
      // Live for a minute after its publication, ten seconds ago: its window closes during the test, with no write.
      const live = await publish(request, id, `live-${testInfo.project.name}`, { live: true, liveWindowMinutes: 1, publishedAt: isoNow(-50_000) });
      const card = page.locator(`main article:has(a[href="${live.path}"])`).first();
      await page.goto(sectionPath(id, demo.testSection));
      await expect(card).toContainText(strings.live);
      await page.goto(live.path);
      await expect(page.locator('main article header')).toContainText(strings.live);
      expect(await jsonLdTypes(page)).toContain('LiveBlogPosting');

      await expect(async () => {
        await page.goto(sectionPath(id, demo.testSection));
        await expect(card).toBeVisible();
        await expect(card).not.toContainText(strings.live, { timeout: 500 });
      }).toPass({ timeout: 60_000, intervals: [2_000] });
      await page.goto(live.path);
      await expect(page.getByText(strings.liveEnded)).toBeVisible();
      await expect(page.locator('main article header')).not.toContainText(strings.live);
      expect(await jsonLdTypes(page)).not.toContain('LiveBlogPosting');
      expect(await jsonLdTypes(page)).toContain('NewsArticle');
    });

    test('the 2018 demo live story is no longer live: no badge, no polling, and it says its coverage has ended', async ({ page }) => {
      const requests: string[] = [];
      page.on('request', (r) => requests.push(new URL(r.url()).pathname));
      await page.goto(demo.live);
      await expect(page.getByText(strings.liveEnded)).toBeVisible();
      await expect(page.locator('main article header')).not.toContainText(strings.live);
      await page.waitForTimeout(4_000);
      expect(requests.filter((path) => path.includes('/updates'))).toEqual([]);
    });

    test('the breaking-news banner is on the home and on an article, links to its story, and is gone after DELETE', async ({ page, request }) => {
      const text = `${strings.breakingNews}: e2e ${Date.now()}`;
      await withLock(`home-${id}`, async () => {
        try {
          const set = await put(request, api.breaking(id), { text, storyId: europol.id });
          expect(set.status(), await set.text()).toBe(200);
          for (const path of [editionPath(id), demo.live]) {
            await page.goto(path);
            const banner = page.getByRole('region', { name: strings.breakingNews });
            await expect(banner).toContainText(text);
            await expect(banner.getByRole('link')).toHaveAttribute('href', demo.europol);
          }
          // A landmark of its own, named apart from every other.
          await expectNoAxeViolations(page);
          expect((await request.delete(api.breaking(id), { headers: auth })).status()).toBe(200);
          for (const path of [editionPath(id), demo.live]) {
            await page.goto(path);
            await expect(page.getByRole('region', { name: strings.breakingNews })).toHaveCount(0);
          }
        } finally {
          await request.delete(api.breaking(id), { headers: auth });
        }
      });
    });
  });

  test.describe(`an article that opens with its picture (${id})`, () => {
    for (const screen of [
      { width: 412, height: 915 },
      { width: 390, height: 844 },
    ]) {
      test(
        `on a ${screen.width} × ${screen.height} phone the headline, then the picture within the first screen`,
        onEveryScreen,
        async ({ browser }, testInfo) => {
          test.skip(testInfo.project.name !== 'pixel-7', 'the screen sizes are set here: one phone project is enough');
          const context = await browser.newContext({ ...testInfo.project.use, viewport: screen });
          const page = await context.newPage();
          for (const path of [demo.europol, demo.live]) {
            await page.goto(path);
            const headline = await page.locator('h1').boundingBox();
            const picture = await page.locator('main article header figure img').boundingBox();
            expect(picture!.y, `${path}: the picture's top`).toBeLessThan(screen.height * 0.7);
            expect(headline!.y + headline!.height, `${path}: the headline comes first`).toBeLessThanOrEqual(picture!.y);
            // The story's opening follows: its standfirst, then the byline.
            const standfirst = await page.locator('main article header figure + p').boundingBox();
            expect(standfirst!.y).toBeGreaterThan(picture!.y + picture!.height);
          }
          await context.close();
        },
      );
    }
  });
}

async function jsonLdTypes(page: Page): Promise<string[]> {
  return page
    .locator('script[type="application/ld+json"]')
    .evaluateAll((scripts) => scripts.map((s) => (JSON.parse(s.textContent ?? '{}') as { '@type'?: string })['@type'] ?? ''));
}

test.describe('the fronts and breaking-news API', () => {
  test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name !== 'desktop', 'an HTTP API has no screen: once is enough'));

  test('refuses with a 4xx naming it a story that cannot be placed: unknown, withdrawn, unpublished, of another edition', async ({ request }) => {
    const draft = await publish(request, 'en', 'draft', { status: 'draft' });
    const answer = await put(request, api.front('en'), {
      lead: 'no-such-story-here',
      top: ['paris-metro-closure-2018', draft.id, 'fr-dakar-peche-2018'],
    });
    expect(answer.status()).toBe(400);
    const { error } = (await answer.json()) as { error: { issues: { field: string; message: string }[] } };
    expect(error.issues).toEqual([
      { field: 'lead', message: 'no story "no-such-story-here"' },
      { field: 'top.0', message: 'story "paris-metro-closure-2018" is withdrawn' },
      { field: 'top.1', message: `story "${draft.id}" is not published (it is draft)` },
      { field: 'top.2', message: 'story "fr-dakar-peche-2018" is in edition "fr", not "en"' },
    ]);
    // Nothing was set.
    expect(await (await request.get(api.front('en'), { headers: auth })).json()).toMatchObject({ lead: null, top: [] });

    expect((await put(request, api.front('en'), { lead: 'europol-is-propaganda-2018', top: ['europol-is-propaganda-2018'] })).status()).toBe(400);
    expect((await put(request, api.front('en'), { lead: 'europol-is-propaganda-2018', until: '2018-01-01T00:00:00Z' })).status()).toBe(400);
    expect((await put(request, api.front('en'), {})).status()).toBe(400);
    expect((await put(request, api.front('en', 'asia'), { lead: 'europol-is-propaganda-2018' })).status()).toBe(404);
    expect((await put(request, api.front('xx'), { lead: 'europol-is-propaganda-2018' })).status()).toBe(404);
    expect((await put(request, api.breaking('en'), { text: '' })).status()).toBe(400);
    expect((await put(request, api.breaking('en'), { text: 'x', storyId: 'fr-dakar-peche-2018' })).status()).toBe(400);
    const notJson = await request.put(api.front('en'), { headers: { ...auth, 'Content-Type': 'text/plain' }, data: 'lead' });
    expect(notJson.status()).toBe(415);
  });

  test('refuses every read and write without the token', async ({ request }) => {
    for (const path of [api.front('en'), api.front('en', 'europe'), api.breaking('en')]) {
      expect((await request.get(path)).status()).toBe(401);
      expect((await request.put(path, { data: '{}', headers: { 'Content-Type': 'application/json' } })).status()).toBe(401);
      expect((await request.delete(path)).status()).toBe(401);
    }
  });
});
