import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { richestStory } from './support/urls';
import { editions } from '../lib/domain/editions';

/** What a reader sees, in the edition's own words (lib/domain/editions). */
const { strings } = editions.en;

test.describe('an article page', () => {
  test('answers 200 with the whole story in the server HTML, for a crawler that runs no JavaScript', async ({ browser }) => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      userAgent: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    });
    const page = await context.newPage();
    const response = await page.goto(richestStory);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toContain('text/html');

    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.locator('h1')).toHaveText('Police in Europe and North America take down servers behind IS group propaganda outlets');
    await expect(page).toHaveTitle('Police in Europe and North America take down servers behind IS group propaganda outlets - Meridian');

    const article = page.locator('article');
    await expect(article.getByText('A coordinated two-day operation across eight countries')).toBeVisible();
    await expect(article.getByText('By Claire Dubois')).toBeVisible();
    await expect(article.locator('time[datetime="2018-04-27T14:05:00+02:00"]')).toHaveText('27 April 2018 at 14:05 CEST');
    await expect(article.locator('time[datetime="2018-04-27T18:40:00+02:00"]')).toContainText('18:40');

    // Main picture: a figure whose caption reads caption, then credit.
    const lead = article.locator('figure').first();
    await expect(lead.locator('img')).toHaveAttribute('alt', /glass-fronted office building/);
    await expect(lead.locator('figcaption')).toContainText("The headquarters of Europol, the European Union's police agency, in The Hague, Netherlands.");
    await expect(lead.locator('figcaption')).toContainText('Pieter Maas, Meridian');

    await expect(article.locator('h2')).toContainText(['Broadcasts resumed within hours', 'An effort to take the network apart', strings.tags]);
    await expect(article.locator('blockquote')).toContainText('its ability to put out material is intact');
    await expect(article.locator('figure:has(blockquote) cite')).toHaveText("Karim Benali, Meridian's specialist on jihadist movements");
    await expect(article.locator('figure:has(img)').nth(1).locator('figcaption')).toContainText('Lena Hoffmann, Northlight Images');
    await expect(article.locator('ul li')).toContainText(['the United States and Canada', 'Britain, France and the Netherlands', 'Bulgaria and Romania']);
    await expect(article.getByText('(Meridian with AP)')).toBeVisible();
    await expect(article.getByRole('link', { name: 'Europe section' })).toHaveAttribute('href', '/en/europe');
    await context.close();
  });

  test('loads the main picture first and the others only as the reader gets near them, with sizes that reserve their space', async ({ page }) => {
    await page.goto(richestStory);
    const lead = page.locator('article figure img').first();
    await expect(lead).toHaveAttribute('fetchpriority', 'high');
    await expect(lead).not.toHaveAttribute('loading', 'lazy');
    await expect(lead).toHaveAttribute('width', '2000');
    await expect(lead).toHaveAttribute('height', '1125');
    await expect(page.locator('head link[rel="preload"][as="image"]')).toHaveCount(1);
    const inline = page.locator('article figure img').nth(1);
    await expect(inline).toHaveAttribute('loading', 'lazy');
    await expect(inline).toHaveAttribute('width', '1500');
    expect(await lead.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  });

  test('lets a keyboard reader skip straight to the story', async ({ page, browserName }) => {
    test.skip(browserName !== 'chromium');
    await page.goto(richestStory);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: strings.skipToContent });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.locator('h1')).toBeFocused();
    await page.keyboard.press('Tab');
    // The next stop is inside the story, not back in the header.
    expect(await page.evaluate(() => document.activeElement?.closest('article') !== null)).toBe(true);
  });

  test('has no accessibility violations', async ({ page }) => {
    await page.goto(richestStory);
    await expectNoAxeViolations(page);
  });

  test('fits the screen without horizontal scrolling, and keeps pictures inside it', async ({ page }) => {
    await page.goto(richestStory);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const widest = await page.locator('article img').evaluateAll((imgs) => Math.max(...imgs.map((img) => img.getBoundingClientRect().right)));
    expect(widest).toBeLessThanOrEqual(await page.evaluate(() => window.innerWidth));
  });

  test('marks its section in the navigation', async ({ page }) => {
    await page.goto(richestStory);
    // On phones the sections sit behind the menu button.
    const menu = page.locator('summary', { hasText: strings.menu });
    if (await menu.isVisible()) await menu.click();
    await expect(page.locator('nav a[aria-current="page"]:visible')).toHaveText('Europe');
  });
});
