import { expect, test } from '@playwright/test';
import { richestStory } from './support/urls';
import { editions } from '../lib/domain/editions';

/** What a reader sees, in the edition's own words (lib/domain/editions). */
const { strings } = editions.en;

const pages = [
  '/en',
  '/en/europe',
  '/en/tag/islamic-state-group',
  '/en/author/claire-dubois',
  '/en/search?q=europe',
  '/en/about',
  richestStory,
  '/en/europe/20180427-no-such-story',
];

test.describe('every page kind on every screen', () => {
  for (const width of [320, 375, 768, 1024, 1440]) {
    test(`fits ${width} pixels without horizontal scrolling, and keeps pictures inside the screen`, async ({ page }, testInfo) => {
      test.skip(testInfo.project.name !== 'desktop', 'widths are set here; one browser project is enough');
      await page.setViewportSize({ width, height: 900 });
      for (const path of pages) {
        await page.goto(path);
        const { overflow, widestImage, viewport } = await page.evaluate(() => ({
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          widestImage: Math.max(0, ...Array.from(document.images, (img) => img.getBoundingClientRect().right)),
          viewport: document.documentElement.clientWidth,
        }));
        expect(overflow, `${path} at ${width}px`).toBeLessThanOrEqual(0);
        expect(widestImage, `${path} at ${width}px`).toBeLessThanOrEqual(viewport + 0.5);
      }
    });
  }

  test('dark mode follows the reader’s system setting', async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(richestStory);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(18, 20, 23)');
    await context.close();
  });
});

test.describe('the phone menu', () => {
  test('opens and closes without JavaScript, with touch targets of at least 44 by 44 pixels', async ({ browser }, testInfo) => {
    test.skip(testInfo.project.name === 'desktop', 'phones only');
    const context = await browser.newContext({ ...testInfo.project.use, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/en');
    const menu = page.locator('summary', { hasText: strings.menu });
    const sections = `details nav[aria-label="${strings.siteNavigationLabel}"] a`;
    const sectionLink = page.locator(sections, { hasText: 'Middle East' });
    await expect(sectionLink).toBeHidden();
    await menu.click();
    await expect(sectionLink).toBeVisible();
    for (const target of [menu, ...(await page.locator(sections).all()), page.locator('details button')]) {
      const box = await target.boundingBox();
      const name = (await target.textContent()) ?? '';
      expect(box?.height, name).toBeGreaterThanOrEqual(44);
      expect(box?.width, name).toBeGreaterThanOrEqual(44);
    }
    await sectionLink.click();
    await expect(page).toHaveURL(/\/en\/middle-east$/);
    await context.close();
  });
});
