import fs from 'node:fs';
import nodePath from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { removalWorker } from '../scripts/build-service-worker';
import { demoByEdition, demoStory } from './support/demo';
import { importStory, storyFile, testStoryImage } from './support/content';
import { editionIds, getEdition } from '../lib/domain/editions';
import { editionPath, manifestPath, savedPath } from '../lib/domain/urls';
import { offlineCachePrefix, offlineCaches } from '../lib/offline/offline-config';
import type { InlineRun } from '../lib/domain/article-schema';

/**
 * Offline reading (issue 31), in Chromium, in every edition: the service worker keeps the
 * stories a reader opens and saves, answers them without a connection, and answers any other
 * page with the edition's offline page; back online, documents come from the network.
 *
 * "Offline" is the browser's: the context's network is cut (setOffline), and every request that
 * still leaves the browser, the service worker's included, is refused as a lost connection would.
 */
test.describe.configure({ mode: 'serial' });

async function goOffline(context: BrowserContext) {
  await context.setOffline(true);
  await context.route('**', (route) => route.abort('internetdisconnected'));
}

async function goOnline(context: BrowserContext) {
  await context.unroute('**');
  await context.setOffline(false);
}

/** Waits until the service worker has kept `path` in `cacheName`, and the picture the story opens with, as the page shows it, in any cache. */
async function kept(page: Page, cacheName: string, path: string) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  const picture = await page
    .locator('article header figure img')
    .first()
    .evaluate((img: HTMLImageElement) => img.currentSrc);
  const isKept = () =>
    page.evaluate(
      async ({ cacheName, path, picture }) =>
        Boolean(await (await caches.open(cacheName)).match(path, { ignoreVary: true })) && Boolean(await caches.match(picture, { ignoreVary: true })),
      { cacheName, path, picture },
    );
  await expect.poll(isKept, { timeout: 15_000 }).toBe(true);
}

/** A paragraph's words, without their marks. */
const runsText = (runs: InlineRun[]): string => runs.map((run) => (run.type === 'text' ? run.text : runsText(run.children))).join('');

/** The story reads: its headline, every paragraph of its body, and its main picture drawn. */
async function expectReadable(page: Page, file: string) {
  const story = await demoStory(file);
  await expect(page.locator('h1')).toHaveText(story.headline);
  const paragraphs = story.body.filter((block) => block.type === 'paragraph');
  expect(paragraphs.length).toBeGreaterThan(0);
  const text = (await page.locator('main article').first().innerText()).replace(/\s+/g, ' ');
  for (const block of paragraphs) {
    expect(text).toContain(runsText(block.content).replace(/\s+/g, ' ').trim().slice(0, 60));
  }
  const lead = page.locator('article header figure img').first();
  await expect(lead).toBeVisible();
  await expect.poll(() => lead.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
}

for (const id of editionIds) {
  const { strings, lang, dir } = getEdition(id);
  const demo = demoByEdition[id];

  test.describe(`offline reading (${id})`, () => {
    test('the edition has its own manifest, and pages name it', async ({ page, request }) => {
      await page.goto(editionPath(id));
      await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', manifestPath(id));
      const manifest = await (await request.get(manifestPath(id))).json();
      expect(manifest).toMatchObject({ lang, dir, start_url: editionPath(id), display: 'standalone' });
      for (const icon of manifest.icons as { src: string; sizes: string }[]) {
        const answer = await request.get(icon.src);
        expect(answer.headers()['content-type']).toBe('image/png');
      }
    });

    test('a story opened online reads offline after a reload, and any other page answers the offline page', async ({ browser }) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(demo.europol);
      await kept(page, offlineCaches.recent, demo.europol);
      await goOffline(context);
      await page.reload();
      await expectReadable(page, demo.europolFile);

      await page.goto(`/${id}/about`);
      await expect(page.locator('h1')).toHaveText(strings.offlineTitle);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      const europolHeadline = (await demoStory(demo.europolFile)).headline;
      await expect(page.locator('main li a', { hasText: europolHeadline })).toHaveAttribute('href', demo.europol);
      await expect(page.getByText(strings.offlineEmpty)).toHaveCount(0);
      await context.close();
    });

    test('a saved story reads offline from the saved list', async ({ browser }) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(demo.live);
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      const save = page.getByRole('button', { name: strings.saveForLater });
      await save.focus();
      await page.keyboard.press('Enter');
      await expect(page.getByText(strings.saveDone)).toBeVisible();
      await expect(page.getByRole('button', { name: strings.savedForLater })).toHaveAttribute('aria-pressed', 'true');
      await kept(page, offlineCaches.saved, demo.live);

      await goOffline(context);
      await page.goto(savedPath(id));
      await expect(page.locator('h1')).toHaveText(strings.savedTitle);
      const liveHeadline = (await demoStory(demo.liveFile)).headline;
      await page.locator('main li a', { hasText: liveHeadline }).click();
      await expect(page).toHaveURL(new RegExp(`${demo.live}$`));
      await expectReadable(page, demo.liveFile);
      await context.close();
    });

    test('back online, a story published meanwhile is on the home at the first load', async ({ browser }) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(editionPath(id));
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await page.reload();
      await goOffline(context);
      const headline = `Offline readers meet a new story (${id}, ${Date.now()})`;
      const imported = importStory(
        storyFile(
          {
            id: `e2e-offline-${id}-${Date.now()}`,
            edition: id,
            section: demo.testSection,
            slug: `e2e-offline-new-${Date.now()}`,
            headline: JSON.stringify(headline),
            standfirst: JSON.stringify('Published while the reader was offline.'),
            authors: '[Tom Hartley]',
            publishedAt: new Date().toISOString(),
            mainImage: testStoryImage,
          },
          'A paragraph.',
        ),
      );
      expect(imported.status, imported.output).toBe(0);
      await goOnline(context);
      await page.goto(editionPath(id));
      await expect(page.getByRole('link', { name: headline }).first()).toBeVisible();
      await context.close();
    });
  });
}

test.describe('the service worker (en)', () => {
  const { strings } = getEdition('en');
  const demo = demoByEdition.en;
  const auth = { Authorization: 'Bearer e2e-publish-token' };

  test('a withdrawn story leaves the saved list the next time the reader is online, and its kept copy with it', async ({ browser, request }) => {
    const stamp = Date.now();
    const id = `e2e-offline-withdrawn-${stamp}`;
    const slug = `e2e-offline-withdrawn-${stamp}`;
    const headline = `A story that will be withdrawn (${stamp})`;
    const imported = importStory(
      storyFile(
        {
          id,
          edition: 'en',
          section: demo.testSection,
          slug,
          headline: JSON.stringify(headline),
          standfirst: JSON.stringify('Kept on the reader’s device, then withdrawn.'),
          authors: '[Tom Hartley]',
          publishedAt: '2017-03-01T12:00:00Z',
          mainImage: testStoryImage,
        },
        'A paragraph.',
      ),
    );
    expect(imported.status, imported.output).toBe(0);
    const path = `/en/${demo.testSection}/20170301-${slug}`;
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(path);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.getByRole('button', { name: strings.saveForLater }).click();
    await expect(page.getByText(strings.saveDone)).toBeVisible();
    await kept(page, offlineCaches.saved, path);

    expect((await request.delete(`/api/v1/articles/${id}`, { headers: auth })).status()).toBe(200);
    await page.goto(savedPath('en'));
    await expect(page.getByText(strings.savedEmpty)).toBeVisible();
    await expect(page.locator('main li a', { hasText: headline })).toHaveCount(0);
    // Opened online, it answers 410; offline afterwards, nothing of it is left to read.
    expect((await page.goto(path))?.status()).toBe(410);
    await goOffline(context);
    await page.goto(path);
    await expect(page.locator('h1')).toHaveText(strings.offlineTitle);
    await expect(page.locator('main li a', { hasText: headline })).toHaveCount(0);
    await context.close();
  });

  test('a new build’s worker takes over an open page without breaking it; a build with SERVICE_WORKER=off removes it and what it kept', async ({ browser }) => {
    // The worker the running build serves (npm run serve runs .next/standalone).
    const workerFile = nodePath.resolve('.next/standalone/public/sw.js');
    const original = fs.readFileSync(workerFile, 'utf8');
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(demo.europol);
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await page.reload();
      await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

      // The next build's worker: the open page is handed over to it, and goes on working.
      fs.writeFileSync(workerFile, `${original}\n// the next build\n`);
      const handedOver = page.evaluate(
        () => new Promise<boolean>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(true), { once: true })),
      );
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration?.update()));
      expect(await handedOver).toBe(true);
      await page.getByRole('button', { name: strings.saveForLater }).click();
      await expect(page.getByText(strings.saveDone)).toBeVisible();
      await page.getByRole('link', { name: strings.liteLink, exact: true }).first().click();
      await expect(page.getByText(strings.liteNotice)).toBeVisible();

      // A build without one: the worker that removes itself, and the site's caches with it.
      fs.writeFileSync(workerFile, removalWorker);
      await page.goto(demo.europol);
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration?.update()));
      await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), { timeout: 15_000 }).toBe(0);
      await expect
        .poll(() => page.evaluate(async (prefix) => (await caches.keys()).filter((name) => name.startsWith(prefix)).length, offlineCachePrefix))
        .toBe(0);
    } finally {
      fs.writeFileSync(workerFile, original);
      await context.close();
    }
  });
});
