import { expect, test, type Browser } from '@playwright/test';
import { demoByEdition } from './support/demo';
import { editionIds, getEdition } from '../lib/domain/editions';
import { editionPath, litePath, savedPath } from '../lib/domain/urls';

/**
 * The lite site (issue 31): every reader page at its address with `.lite` appended, with the
 * same text and links, no script, the pictures as links; the full page's statuses; and the lite
 * page at the full page's address for a browser that sends `Save-Data: on`.
 */

/** A page's main text as a reader without script reads it, one line per block, whitespace collapsed. */
async function mainLines(browser: Browser, path: string): Promise<string[]> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(path);
  const text = await page.locator('main').innerText();
  await context.close();
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim().toLowerCase())
    .filter(Boolean);
}

for (const id of editionIds) {
  const { lang, dir, strings } = getEdition(id);
  const demo = demoByEdition[id];

  test.describe(`the lite site (${id})`, () => {
    test('the Europol story: the same text, no script, the picture as a link, under 15 KB on a first visit', async ({ page, browser }) => {
      const transferred: { url: string; bytes: number }[] = [];
      page.on('requestfinished', async (request) => {
        const sizes = await request.sizes();
        transferred.push({ url: request.url(), bytes: sizes.responseBodySize + sizes.responseHeadersSize });
      });
      const response = await page.goto(litePath(demo.europol));
      expect(response?.status()).toBe(200);
      const html = await response!.text();
      expect(html).not.toMatch(/<script/i);
      expect(response!.headers()['content-security-policy']).toContain("script-src 'none'");
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.locator('html')).toHaveAttribute('dir', dir);
      await expect(page.getByText(strings.liteNotice)).toBeVisible();
      await expect(page.getByRole('link', { name: strings.liteFullPage })).toHaveAttribute('href', demo.europol);
      await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`${demo.europol}$`));
      // Every picture is a link that opens it, beside its caption and credit.
      await expect(page.locator('img')).toHaveCount(0);
      const open = page.getByRole('link', { name: strings.liteOpenPicture }).first();
      await expect(open).toBeVisible();
      expect((await page.request.get((await open.getAttribute('href'))!)).headers()['content-type']).toMatch(/^image\//);
      // The same text as the full page: every line of its main content.
      const lite = (await page.locator('main').innerText()).replace(/\s+/g, ' ').toLowerCase();
      for (const line of await mainLines(browser, demo.europol)) expect(lite).toContain(line);
      // Links to other reader pages go to their lite versions (but the notice's, to the full page).
      const hrefs = await page.locator(`body > :not(.lite-notice) a[href^="/${id}"]`).evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
      expect(hrefs.length).toBeGreaterThan(5);
      // (The saved stories live on the reader's device, filled by the service worker: no lite version.)
      for (const href of hrefs.filter((h) => h !== savedPath(id))) expect(href).toMatch(/\.lite(\?|#|$)/);
      expect(await page.locator('form[role="search"]').first().getAttribute('action')).toMatch(/\/search\.lite$/);
      // Everything a first visit transfers: the document, and at most the site's icon.
      for (const { url } of transferred)
        expect(new URL(url).pathname, url).toMatch(new RegExp(`^(${litePath(demo.europol).replace(/[.]/g, '\\.')}|/icon\\.svg)$`));
      expect(transferred.reduce((sum, t) => sum + t.bytes, 0)).toBeLessThanOrEqual(15 * 1024);
    });

    test('every full page names its lite version near the top and in the footer; the lite page does not name itself', async ({ page }) => {
      for (const path of [demo.europol, editionPath(id), demo.section]) {
        await page.goto(path);
        const links = page.getByRole('link', { name: strings.liteLink, exact: true });
        await expect(links).toHaveCount(2);
        for (const link of await links.all()) await expect(link).toHaveAttribute('href', litePath(path));
        expect(await links.first().evaluate((a) => a.getBoundingClientRect().top)).toBeLessThan(200);
        await page.goto(litePath(path));
        await expect(page.getByRole('link', { name: strings.liteLink, exact: true })).toHaveCount(0);
      }
    });

    test('the front, a section and the live story have lite versions with their stories and updates', async ({ page, browser }) => {
      for (const path of [editionPath(id), demo.section, demo.live]) {
        const response = await page.goto(litePath(path));
        expect(response?.status(), path).toBe(200);
        expect(await response!.text()).not.toMatch(/<script/i);
        const lite = (await page.locator('main').innerText()).replace(/\s+/g, ' ').toLowerCase();
        for (const line of await mainLines(browser, path)) expect(lite, path).toContain(line);
      }
    });

    test('a tag, an author, the about page and search have lite versions, reached from the lite story', async ({ page }) => {
      await page.goto(litePath(demo.europol));
      const tag = await page.locator('main a[href*="/tag/"]').first().getAttribute('href');
      const author = await page.locator('main a[href*="/author/"]').first().getAttribute('href');
      for (const href of [tag!, author!, litePath(`/${id}/about`), `${litePath(`/${id}/search`)}?q=${encodeURIComponent(demo.searchWord)}`]) {
        expect(href, href).toMatch(/\.lite(\?|$)/);
        const response = await page.goto(href);
        expect(response?.status(), href).toBe(200);
        expect(await response!.text(), href).not.toMatch(/<script/i);
        await expect(page.locator('html')).toHaveAttribute('dir', dir);
        await expect(page.locator('main h1').first()).toBeVisible();
      }
      // The search results link to lite stories.
      await expect(page.locator(`main a[href="${litePath(demo.searchFindsPath)}"]`).first()).toBeVisible();
    });

    test('answers as the full page does: 404, 410, and a moved story to its new lite address', async ({ request }) => {
      expect((await request.get(litePath(`${demo.section}/20180427-no-such-story`))).status()).toBe(404);
      const gone = await request.get(litePath(demo.withdrawn));
      expect(gone.status()).toBe(410);
      expect(await gone.text()).not.toMatch(/<script/i);
      const moved = await request.get(litePath(demo.renamedOld), { maxRedirects: 0 });
      expect(moved.status()).toBe(301);
      expect(new URL(moved.headers().location!, 'http://x').pathname).toBe(litePath(demo.renamed));
    });

    test('a lite page keeps its ETag while the story is unchanged, and answers it 304', async ({ request }) => {
      const first = await request.get(litePath(demo.europol));
      const etag = first.headers().etag!;
      expect(etag).toBeTruthy();
      expect((await request.get(litePath(demo.europol), { headers: { 'If-None-Match': etag } })).status()).toBe(304);
      expect((await request.get(litePath(demo.europol))).headers().etag).toBe(etag);
    });

    test('Save-Data: on gets the lite page at the full address, and both say they vary on it', async ({ request }) => {
      const saving = await request.get(demo.europol, { headers: { 'Save-Data': 'on' } });
      expect(saving.status()).toBe(200);
      expect(await saving.text()).not.toMatch(/<script/i);
      expect(saving.headers().vary).toMatch(/Save-Data/i);
      const full = await request.get(demo.europol);
      expect(await full.text()).toMatch(/<script/i);
      expect(full.headers().vary).toMatch(/Save-Data/i);
    });
  });
}
