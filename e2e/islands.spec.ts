import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { importStory, storyFile, testStoryImage } from './support/content';
import { editions } from '../lib/domain/editions';

/** What a reader sees, in the edition's own words (lib/domain/editions). */
const { strings } = editions.en;

/**
 * The few parts that stay alive in the browser. The e2e server's rail polls every 5 seconds and
 * live stories every 2 (LATEST_POLL_SECONDS, LIVE_POLL_SECONDS), so these tests see new content
 * quickly. Other tests publish too, so each looks for its own story rather than for a count.
 */

const liveStory = '/en/middle-east/20180506-lebanon-election-results-live';

/** Console errors and uncaught exceptions (hydration mismatches among them) on a page. */
function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Clicks any "Show N new …" button until `text` is on the page: other tests publish too. */
async function revealUntilVisible(page: Page, button: RegExp, text: string) {
  await expect(async () => {
    const show = page.getByRole('button', { name: button });
    if (await show.isVisible()) await show.click();
    await expect(page.getByText(text, { exact: true })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
}

test('the home page makes no API request on first load, and logs no errors', async ({ page }) => {
  const errors = watchForErrors(page);
  const apiCalls: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) apiCalls.push(request.url());
  });
  await page.goto('/en', { waitUntil: 'load' });
  await page.waitForTimeout(1500); // well inside the 5 s poll
  expect(apiCalls).toEqual([]);
  expect(errors).toEqual([]);
});

test('pages with islands hydrate without errors or warnings', async ({ page }) => {
  const errors = watchForErrors(page);
  for (const path of ['/en', '/en/europe', '/en/europe/20180427-europol-hits-is-propaganda-servers', liveStory]) {
    await page.goto(path, { waitUntil: 'networkidle' });
  }
  expect(errors).toEqual([]);
});

test('a story published while the home page is open appears in the rail, behind a button, after the poll', async ({ page }, testInfo) => {
  const errors = watchForErrors(page);
  await page.goto('/en');
  const rail = page.getByRole('region', { name: strings.latestStories });
  await expect(rail.locator('li').first()).toBeVisible();
  const before = await rail.boundingBox();

  const headline = `Rail check ${testInfo.project.name} ${Date.now()}`;
  const imported = importStory(
    storyFile(
      {
        id: `e2e-rail-${testInfo.project.name}-${Date.now()}`,
        edition: 'en',
        section: 'environment',
        slug: `e2e-rail-${testInfo.project.name}-${Date.now()}`,
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
  await expect(rail.getByRole('button', { name: /^Show \d+ new stor(y|ies)$/ })).toBeVisible({ timeout: 15_000 });
  expect(await rail.boundingBox()).toEqual(before);
  await revealUntilVisible(page, /^Show \d+ new stor(y|ies)$/, headline);
  expect(errors).toEqual([]);
});

test('"Load more stories" appends the next stories in place and keeps the URL', async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto('/en/europe');
  const server = await page.locator('main ol').first().locator('article h2').allTextContents();
  expect(server).toHaveLength(4);
  // With JavaScript, the button replaces the plain page links.
  await expect(page.getByRole('link', { name: strings.olderStories })).toHaveCount(0);
  await page.getByRole('button', { name: strings.loadMore }).click();

  const appended = page.locator('main ol').nth(1).locator('article h2 a');
  await expect(appended.first()).toBeVisible();
  await expect(appended.first()).toBeFocused();
  await expect(page.getByText(/^\d+ more stor(y|ies) loaded$/)).toBeAttached();
  expect(server).not.toContain(await appended.first().textContent());
  await expect(page).toHaveURL(/\/en\/europe$/);
  await expect(page.getByText(strings.noMoreStories)).toBeVisible();
  expect(errors).toEqual([]);
});

test('a live story shows its updates, and a new one appears when the reader asks', async ({ page }, testInfo) => {
  const errors = watchForErrors(page);
  await page.goto(liveStory);
  await expect(page.locator('article header').getByText(strings.live, { exact: true })).toBeVisible();
  const updates = page.getByRole('region', { name: strings.liveUpdates }).locator('li');
  await expect(updates.filter({ hasText: 'Official results published' })).toHaveCount(1);
  expect(await updates.count()).toBeGreaterThanOrEqual(5);
  const times = await updates.locator('time').evaluateAll((els) => els.map((el) => Date.parse(el.getAttribute('datetime') ?? '')));
  expect([...times].sort((a, b) => b - a)).toEqual(times);

  const text = `Update from the ${testInfo.project.name} check at ${Date.now()}.`;
  const source = fs.readFileSync('content/en/middle-east/lebanon-election-results-live.md', 'utf8');
  const at = new Date().toISOString();
  const withUpdate = `${source}\n::::update{at="${at}" id="e2e-${testInfo.project.name}-${Date.now()}" title="A late update"}\n${text}\n::::\n`;
  const imported = importStory(withUpdate);
  expect(imported.status, imported.output).toBe(0);

  await revealUntilVisible(page, /^Show \d+ new updates?$/, text);
  expect(errors).toEqual([]);
});

test('a live story is complete without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(liveStory);
  const updates = page.getByRole('region', { name: strings.liveUpdates }).locator('li');
  await expect(updates.filter({ hasText: 'Official results published' })).toHaveCount(1);
  await expect(page.getByText('Polls close')).toBeVisible();
  await context.close();
});
