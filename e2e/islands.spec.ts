import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page, type Route } from '@playwright/test';
import { importStory, storyFile, testStoryImage } from './support/content';
import { demoByEdition, demoStory, publishedDemoStories } from './support/demo';
import { editionIds, getEdition } from '../lib/domain/editions';
import { plural, type PluralForms } from '../lib/domain/editions/plural';
import { articlePath, editionPath, sectionPath } from '../lib/domain/urls';
import { loaderSources } from '../lib/http/boot-after-paint.mjs';
import { onEveryScreen } from './support/screens';

/**
 * The few parts that stay alive in the browser, in every edition. The e2e server's rail polls
 * every 5 seconds and live stories every 2 (LATEST_POLL_SECONDS, LIVE_POLL_SECONDS), so these
 * tests see new content quickly. Other tests publish too, so each looks for its own story
 * rather than for a count. Button and status texts come from the edition's plural forms.
 */

/** Console errors and uncaught exceptions (hydration mismatches among them) on a page. */
function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Every text a plural string takes for 1 to 50, as one pattern. */
function anyCount(locale: string, forms: PluralForms): RegExp {
  const texts = Array.from({ length: 50 }, (_, i) => plural(locale, i + 1, forms).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^(${[...new Set(texts)].join('|')})$`);
}

/** Clicks any "Show N new …" button until `text` is on the page: other tests publish too. */
async function revealUntilVisible(page: Page, button: RegExp, text: string) {
  await expect(async () => {
    const show = page.getByRole('button', { name: button });
    if (await show.isVisible()) await show.click();
    await expect(page.getByText(text, { exact: true })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
}

for (const id of editionIds) {
  const { strings, locale } = getEdition(id);
  const demo = demoByEdition[id];

  test.describe(`islands (${id})`, () => {
    test('the home page makes no API request on first load, and logs no errors', async ({ page }) => {
      const errors = watchForErrors(page);
      const apiCalls: string[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).pathname.startsWith('/api/')) apiCalls.push(request.url());
      });
      await page.goto(editionPath(id), { waitUntil: 'load' });
      await page.waitForTimeout(1500); // well inside the 5 s poll
      expect(apiCalls).toEqual([]);
      expect(errors).toEqual([]);
    });

    test('pages with islands hydrate without errors or warnings', async ({ page }) => {
      const errors = watchForErrors(page);
      for (const path of [editionPath(id), demo.section, demo.europol, demo.live]) {
        await page.goto(path, { waitUntil: 'networkidle' });
      }
      expect(errors).toEqual([]);
    });

    test('a story published while the home page is open appears in the rail, behind a button, after the poll', onEveryScreen, async ({ page }, testInfo) => {
      const errors = watchForErrors(page);
      await page.goto(editionPath(id));
      const rail = page.getByRole('region', { name: strings.latestStories });
      await expect(rail.locator('li').first()).toBeVisible();
      const before = await rail.boundingBox();

      const stamp = `${id}-${testInfo.project.name}-${Date.now()}`;
      const headline = `Rail check ${stamp}`;
      const imported = importStory(
        storyFile(
          {
            id: `e2e-rail-${stamp}`,
            edition: id,
            section: demo.testSection,
            slug: `e2e-rail-${stamp}`,
            headline: JSON.stringify(headline),
            standfirst: 'A story published while a reader has the home page open.',
            authors: '[Jonas Berg]',
            publishedAt: new Date().toISOString(),
            mainImage: testStoryImage,
          },
          'Body.\n\n## One\n\nMore.\n\n## Two\n\nEnd.',
        ),
      );
      expect(imported.status, imported.output).toBe(0);

      // The rail does not move: the new story waits behind a button in a slot that was always there.
      const button = anyCount(locale, strings.newStories);
      await expect(rail.getByRole('button', { name: button })).toBeVisible({ timeout: 15_000 });
      expect(await rail.boundingBox()).toEqual(before);
      await revealUntilVisible(page, button, headline);
      expect(errors).toEqual([]);
    });

    // The edition's section with the most stories: more than a page of them, or none has.
    const bySection = new Map<string, string[]>();
    for (const story of publishedDemoStories(id)) bySection.set(story.section, [...(bySection.get(story.section) ?? []), story.id]);
    const [biggest, inBiggest] = [...bySection.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;

    test('"Load more stories" appends the next stories in place and keeps the URL', async ({ page }) => {
      const errors = watchForErrors(page);
      await page.goto(sectionPath(id, biggest));
      // The first page: its opening (lead and top stories) and its list.
      const server = await page.locator('main article h2').allTextContents();
      expect(server).toHaveLength(Math.min(4, inBiggest.length));
      // With JavaScript, the button replaces the plain page links.
      await expect(page.getByRole('link', { name: strings.olderStories })).toHaveCount(0);
      if (inBiggest.length <= 4) {
        // Everything is on the first page: nothing to load.
        await expect(page.getByRole('button', { name: strings.loadMore })).toHaveCount(0);
        expect(errors).toEqual([]);
        return;
      }
      await page.getByRole('button', { name: strings.loadMore }).click();

      const appended = page.locator('main ol').nth(1).locator('article h2 a');
      await expect(appended.first()).toBeVisible();
      await expect(appended.first()).toBeFocused();
      await expect(page.getByText(anyCount(locale, strings.moreStoriesLoaded))).toBeAttached();
      expect(server).not.toContain(await appended.first().textContent());
      await expect(page).toHaveURL(new URL(sectionPath(id, biggest), page.url()).href);
      await expect(page.getByText(strings.noMoreStories)).toBeVisible();
      expect(errors).toEqual([]);
    });

    test('a live story shows its updates, and a new one appears when the reader asks', async ({ page }, testInfo) => {
      const errors = watchForErrors(page);
      const story = await demoStory(demo.liveFile);
      const newest = [...story.updates].sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt))[0]!;
      // The demo's live story ended in 2018 (decision 019): a copy of it published a minute ago is live, with the same updates.
      const stamp = `${id}-${testInfo.project.name}-${Date.now()}`;
      const slug = `e2e-live-${stamp}`.toLowerCase();
      const publishedAt = new Date(Date.now() - 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
      const source = fs
        .readFileSync(path.resolve('content', demo.liveFile), 'utf8')
        .replace(/^id: .*$/m, `id: ${slug}`)
        .replace(/^slug: .*$/m, `slug: ${slug}`)
        .replace(/^section: .*$/m, `section: ${demo.testSection}`)
        .replace(/^translationGroup: .*\n/m, '')
        .replace(/^updatedAt: .*\n/m, '')
        .replace(/^publishedAt: .*$/m, `publishedAt: ${publishedAt}`);
      const copied = importStory(source);
      expect(copied.status, copied.output).toBe(0);
      const livePath = articlePath({ edition: id, section: demo.testSection, slug, publishedAt });
      await page.goto(livePath);
      await expect(page.locator('article header').getByText(strings.live, { exact: true })).toBeVisible();
      const updates = page.getByRole('region', { name: strings.liveUpdates }).locator('li');
      await expect(updates.filter({ hasText: newest.title! })).toHaveCount(1);
      expect(await updates.count()).toBeGreaterThanOrEqual(story.updates.length);
      const times = await updates.locator('time').evaluateAll((els) => els.map((el) => Date.parse(el.getAttribute('datetime') ?? '')));
      expect([...times].sort((a, b) => b - a)).toEqual(times);

      const text = `Update from the ${stamp} check.`;
      const withUpdate = `${source}\n::::update{at="${new Date().toISOString()}" id="e2e-${stamp}" title="A late update"}\n${text}\n::::\n`;
      const imported = importStory(withUpdate);
      expect(imported.status, imported.output).toBe(0);

      await revealUntilVisible(page, anyCount(locale, strings.newUpdates), text);
      expect(errors).toEqual([]);
    });

    test('a reader who put the keyboard focus on a link of the rail before the framework came keeps it there', async ({ page }) => {
      // The islands hydrate with the page, once the framework's scripts have come after the first
      // paint (decision 018): hold those until the focus is in place.
      const html = await (await page.request.get(editionPath(id))).text();
      const framework = new Set(loaderSources(html));
      expect(framework.size).toBeGreaterThan(1);
      let holding = true;
      const held: Route[] = [];
      await page.route('**/_next/static/**/*.js', (route) =>
        holding && framework.has(new URL(route.request().url()).pathname) ? held.push(route) : route.continue(),
      );
      await page.goto(editionPath(id), { waitUntil: 'domcontentloaded' });
      const rail = page.getByRole('region', { name: strings.latestStories });
      const link = rail.getByRole('link').nth(1);
      const href = await link.getAttribute('href');
      await link.focus();
      await expect.poll(() => held.length, { timeout: 15_000 }).toBeGreaterThan(0);
      holding = false;
      for (const route of held.splice(0)) await route.continue();
      // Hydrated: React has taken the server's element as its own, and the island answers.
      await expect.poll(() => link.evaluate((element) => Object.keys(element).some((key) => key.startsWith('__reactFiber'))), { timeout: 15_000 }).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(href);
      await expect(link).toBeFocused();
    });

    test('a live story is complete without JavaScript', async ({ browser }) => {
      const story = await demoStory(demo.liveFile);
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(demo.live);
      const updates = page.getByRole('region', { name: strings.liveUpdates }).locator('li');
      for (const update of story.updates) await expect(updates.filter({ hasText: update.title! })).toHaveCount(1);
      await context.close();
    });
  });
}

test.describe("the framework's scripts", () => {
  for (const id of editionIds) {
    test(`come after the first contentful paint, and the page still hydrates (${id})`, async ({ page }) => {
      const errors = watchForErrors(page);
      const story = demoByEdition[id].europol;
      // As the cache stores it (a second request, so a hit): no framework script in <head>, a loader that names them.
      await page.request.get(story);
      const html = await (await page.request.get(story)).text();
      expect(html).not.toMatch(/<script [^>]*async=""/);
      const framework = loaderSources(html);
      expect(framework.length).toBeGreaterThan(0);

      await page.goto(story, { waitUntil: 'load' });
      // Next sets window.next when its runtime starts in the page, before it hydrates it.
      await expect.poll(() => page.evaluate(() => typeof (window as { next?: { version?: string } }).next?.version), { timeout: 15_000 }).toBe('string');
      const timings = await page.evaluate((sources) => {
        const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
        const fetched = sources.map(
          (src) => (performance.getEntriesByName(new URL(src, location.href).href)[0] as PerformanceResourceTiming | undefined)?.startTime ?? NaN,
        );
        return { paint, fetched };
      }, framework);
      expect(timings.paint).toBeGreaterThan(0);
      for (const start of timings.fetched) expect(start).toBeGreaterThanOrEqual(timings.paint);
      expect(errors).toEqual([]);
    });
  }
});
