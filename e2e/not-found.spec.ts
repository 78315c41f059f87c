import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { notFoundHeading, notFoundMessage, renamedStoryOldUrl, renamedStoryUrl, withdrawnStory } from './support/urls';
import { editions } from '../lib/domain/editions';

/** What a reader sees, in the edition's own words (lib/domain/editions). */
const { strings } = editions.en;

async function expectNotFoundPage(page: Page) {
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('h1')).toHaveText(notFoundHeading);
  await expect(page.getByText(notFoundMessage)).toBeVisible();
  await expect(page.locator('meta[name="robots"]').first()).toHaveAttribute('content', /noindex/);
  await expect(page.getByRole('link', { name: strings.notFoundBackHome })).toHaveAttribute('href', '/en');
  // The site header, and a way on: the latest stories.
  await expect(page.getByRole('link', { name: 'Meridian' })).toBeVisible();
  await expect(page.getByRole('heading', { name: strings.latestStories })).toBeVisible();
  await expect(page.locator('main li a').first()).toHaveAttribute('href', /^\/en\/[a-z-]+\/\d{8}-[a-z0-9-]+$/);
}

test.describe('the not-found page', () => {
  for (const [what, path] of [
    ['an unknown story', '/en/europe/20180427-no-such-story'],
    ['an unknown section', '/en/asia'],
    ['a page past the end of a section', '/en/europe?page=40'],
    ['an unknown tag', '/en/tag/no-such-topic'],
    ['an unknown edition', '/xx/europe'],
    ['a path no route matches', '/en/a/b/c/d'],
  ] as const) {
    test(`answers 404 for ${what}, with the whole page in the HTML`, async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      expect(response?.headers()['content-type']).toContain('text/html');
      await expectNotFoundPage(page);
      await context.close();
    });
  }

  test('answers 410 Gone for a withdrawn story, with the same page', async ({ page }) => {
    const response = await page.goto(withdrawnStory);
    expect(response?.status()).toBe(410);
    await expectNotFoundPage(page);
  });

  test('sends a renamed story to its new address with a single 301', async ({ request }) => {
    const response = await request.get(renamedStoryOldUrl, { maxRedirects: 0 });
    expect(response.status()).toBe(301);
    expect(new URL(response.headers().location!, 'http://x').pathname).toBe(renamedStoryUrl);
    expect((await request.get(renamedStoryUrl, { maxRedirects: 0 })).status()).toBe(200);
  });

  test('answers 404, never 500, to hostile or odd paths', async ({ request }) => {
    for (const path of [
      '/en/%2e%2e/%2e%2e/etc/passwd',
      '/en/europe/%2F..%2F..%2Fetc%2Fpasswd',
      '/en/europe/20180427-a%00b',
      `/en/europe/20180427-${'a'.repeat(4000)}`,
      '/en/caf%C3%A9/%E2%9C%93',
      '/en/%ff%fe',
      '/en/europe/99999999-x',
      "/en/europe/20180427-x'%20OR%201=1--",
    ]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(404);
      expect(await response.text(), path).toContain(notFoundHeading);
    }
  });

  test('suggests the closest stories for a mistyped address, and offers a search already filled in', async ({ page }) => {
    const response = await page.goto('/en/europe/20180427-europol-hits-is-propoganda-servers');
    expect(response?.status()).toBe(404);
    const suggestions = page.getByRole('region', { name: strings.suggestionsHeading });
    await expect(suggestions.getByRole('link').first()).toHaveAttribute('href', '/en/europe/20180427-europol-hits-is-propaganda-servers');
    expect(await suggestions.getByRole('link').count()).toBeLessThanOrEqual(5);
    await expect(page.locator('main').getByRole('searchbox')).toHaveValue('europol hits propoganda servers');
  });

  test('has a search form in the header and in the page', async ({ page }) => {
    await page.goto('/en/nowhere-at-all');
    await expect(page.locator('header form[role="search"]')).toHaveCount(2); // the bar's and the phone menu's
    await page.locator('main').getByRole('searchbox').fill('trains');
    await page.locator('main').getByRole('button', { name: strings.searchButton }).click();
    await expect(page).toHaveURL(/\/en\/search\?q=trains$/);
  });

  test('has no accessibility violations', async ({ page }) => {
    await page.goto('/en/europe/20180427-no-such-story');
    await expectNoAxeViolations(page);
  });
});
