import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { demoByEdition } from './support/demo';
import { defaultEditionId, editionIds, getEdition, type EditionId } from '../lib/domain/editions';
import { publication } from '../lib/domain/site-config';
import { wordsOfPath } from '../lib/domain/suggestions';
import { editionPath, searchPath } from '../lib/domain/urls';
import { onEveryScreen } from './support/screens';

/** The not-found and gone pages of every edition, in its own words (lib/domain/editions). */

/** `gone`: a withdrawn story's page (410), which says it was withdrawn rather than not found. */
async function expectNotFoundPage(page: Page, id: EditionId, gone = false) {
  const { lang, dir, strings } = getEdition(id);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(page.locator('html')).toHaveAttribute('dir', dir);
  await expect(page.locator('h1')).toHaveText(gone ? strings.goneTitle : strings.notFoundTitle);
  await expect(page.getByText(gone ? strings.goneMessage(publication.name) : strings.notFoundMessage)).toBeVisible();
  await expect(page.locator('meta[name="robots"]').first()).toHaveAttribute('content', /noindex/);
  await expect(page.getByRole('link', { name: strings.notFoundBackHome })).toHaveAttribute('href', editionPath(id));
  // The site header, and a way on: the latest stories of that edition.
  await expect(page.getByRole('link', { name: publication.name, exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: strings.latestStories })).toBeVisible();
  await expect(page.locator('main li a').first()).toHaveAttribute('href', new RegExp(`^/${id}/[a-z-]+/\\d{8}-[a-z0-9-]+$`));
}

for (const id of editionIds) {
  const { strings } = getEdition(id);
  const demo = demoByEdition[id];

  test.describe(`the not-found page (${id})`, () => {
    for (const [what, path] of [
      ['an unknown story', `${demo.section}/20180427-no-such-story`],
      ['an unknown section', `/${id}/asia`],
      ['a page past the end of a section', `${demo.section}?page=40`],
      ['an unknown tag', `/${id}/tag/no-such-topic`],
      ['a path no route matches', `/${id}/a/b/c/d`],
    ] as const) {
      test(`answers 404 for ${what}, with the whole page in the HTML`, async ({ browser }) => {
        const context = await browser.newContext({ javaScriptEnabled: false });
        const page = await context.newPage();
        const response = await page.goto(path);
        expect(response?.status()).toBe(404);
        expect(response?.headers()['content-type']).toContain('text/html');
        await expectNotFoundPage(page, id);
        await context.close();
      });
    }

    test('answers 410 Gone for a withdrawn story, with the same help, saying the story was withdrawn', async ({ page }) => {
      const response = await page.goto(demo.withdrawn);
      expect(response?.status()).toBe(410);
      await expectNotFoundPage(page, id, true);
    });

    test('sends a renamed story to its new address with a single 301', async ({ request }) => {
      const response = await request.get(demo.renamedOld, { maxRedirects: 0 });
      expect(response.status()).toBe(301);
      expect(new URL(response.headers().location!, 'http://x').pathname).toBe(demo.renamed);
      expect((await request.get(demo.renamed, { maxRedirects: 0 })).status()).toBe(200);
    });

    test('suggests the closest stories for a mistyped address, and offers a search already filled in', async ({ page }) => {
      // The Europol story's address with one letter changed in its slug.
      const mistyped = demo.europol.replace(/-servers?$|-etat-islamique$/, (end) => `${end}x`);
      expect(mistyped).not.toBe(demo.europol);
      const response = await page.goto(mistyped);
      expect(response?.status()).toBe(404);
      const suggestions = page.getByRole('region', { name: strings.suggestionsHeading });
      await expect(suggestions.getByRole('link').first()).toHaveAttribute('href', demo.europol);
      expect(await suggestions.getByRole('link').count()).toBeLessThanOrEqual(5);
      await expect(page.locator('main').getByRole('searchbox')).toHaveValue(wordsOfPath(mistyped).join(' '));
    });

    test('has a search form in the header and in the page', async ({ page }) => {
      await page.goto(`/${id}/nowhere-at-all`);
      await expect(page.locator('header form[role="search"]')).toHaveCount(2); // the bar's and the phone menu's
      await page.locator('main').getByRole('searchbox').fill('trains');
      await page.locator('main').getByRole('button', { name: strings.searchButton }).click();
      await expect(page).toHaveURL(new RegExp(`${searchPath(id, { q: 'trains' }).replace('?', '\\?')}$`));
    });

    test('has no accessibility violations, not found (404) nor withdrawn (410)', onEveryScreen, async ({ page }) => {
      await page.goto(`${demo.section}/20180427-no-such-story`);
      await expectNoAxeViolations(page);
      await page.goto(demo.withdrawn);
      await expectNoAxeViolations(page);
    });
  });
}

test.describe('the not-found page, outside any edition', () => {
  test('answers 404 in the default edition for an unknown edition', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto('/xx/europe');
    expect(response?.status()).toBe(404);
    await expectNotFoundPage(page, defaultEditionId);
    await context.close();
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
      '/ar/tag/%D9%A',
      '/ar/tag/%D9%8A%CC%81',
      `/fr/author/${'%C3%A9'.repeat(200)}`,
    ]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(404);
      expect(await response.text(), path).toContain(getEdition(path.startsWith('/en') ? 'en' : (path.slice(1, 3) as EditionId)).strings.notFoundTitle);
    }
  });
});
