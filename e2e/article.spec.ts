import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { demoByEdition, demoStory, sectionName } from './support/demo';
import { editionIds, getEdition } from '../lib/domain/editions';
import { formatDateTime, formatLongDate } from '../lib/domain/format-date';
import { publication } from '../lib/domain/site-config';
import { sectionPath } from '../lib/domain/urls';
import { onEveryScreen } from './support/screens';

/**
 * An article page, in every edition: what a reader and a crawler get, expected from the
 * edition's config (lib/domain/editions) and from the story's own file (content/), never from
 * literals here. The Europol story is the richest of each edition.
 */

for (const id of editionIds) {
  const edition = getEdition(id);
  const { strings } = edition;
  const demo = demoByEdition[id];

  test.describe(`an article page (${id})`, () => {
    test('answers 200 with the whole story in the server HTML, for a crawler that runs no JavaScript', async ({ browser }) => {
      const story = await demoStory(demo.europolFile);
      const context = await browser.newContext({
        javaScriptEnabled: false,
        userAgent: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      });
      const page = await context.newPage();
      const response = await page.goto(demo.europol);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-type']).toContain('text/html');

      await expect(page.locator('html')).toHaveAttribute('lang', edition.lang);
      await expect(page.locator('html')).toHaveAttribute('dir', edition.dir);
      await expect(page.locator('h1')).toHaveCount(1);
      await expect(page.locator('h1')).toHaveText(story.headline);
      await expect(page).toHaveTitle(`${story.headline} - ${publication.name}`);

      const article = page.locator('article').first();
      await expect(article.getByText(story.standfirst)).toBeVisible();
      // "By A and B", in the language's own words, each name a link to the reporter's page.
      const names = story.authors.map((a) => a.name);
      const byline = article.locator('p', { hasText: strings.byPrefix }).first();
      await expect(byline).toHaveText(`${strings.byPrefix} ${new Intl.ListFormat(edition.locale, { type: 'conjunction' }).format(names)}`);
      for (const name of names) await expect(byline.getByRole('link', { name, exact: true })).toBeVisible();
      // Published and updated: the byline's times (a correction moves "updated" to its own time, and shows that time too).
      const times = byline.locator('xpath=following-sibling::p[1]');
      await expect(times.locator(`time[datetime="${story.publishedAt}"]`)).toHaveText(formatDateTime(edition, story.publishedAt));
      if (story.updatedAt) await expect(times.locator(`time[datetime="${story.updatedAt}"]`)).toHaveText(formatDateTime(edition, story.updatedAt));
      for (const correction of story.corrections) {
        await expect(article.getByRole('region', { name: strings.correctionsLabel })).toContainText(
          `${strings.correction(formatLongDate(edition, correction.at))} ${correction.text}`,
        );
      }

      // Main picture: a figure whose caption reads caption, then credit.
      const lead = article.locator('figure').first();
      await expect(lead.locator('img')).toHaveAttribute('alt', story.mainImage.alt);
      await expect(lead.locator('figcaption')).toContainText(story.mainImage.caption);
      await expect(lead.locator('figcaption')).toContainText(story.mainImage.credit);

      const subheadings = story.body.flatMap((b) => (b.type === 'subheading' ? [b.text] : []));
      await expect(article.locator('h2')).toContainText([...subheadings, strings.tags]);
      for (const block of story.body) {
        if (block.type === 'pullQuote') {
          await expect(article.locator('blockquote').first()).toContainText(block.text);
          await expect(article.locator('figure:has(blockquote) cite').first()).toHaveText(block.attribution);
        }
        if (block.type === 'image') await expect(article.locator('figure:has(img)').nth(1).locator('figcaption')).toContainText(block.image.credit);
      }
      expect(story.body.some((b) => b.type === 'pullQuote') && story.body.some((b) => b.type === 'image')).toBe(true);
      await expect(article.getByText(strings.sourceCredit(publication.name, story.sourceCredit!))).toBeVisible();
      // Its section, in the breadcrumbs above the headline (which they do not repeat).
      const crumbs = page.getByRole('navigation', { name: strings.breadcrumbLabel });
      await expect(crumbs.getByRole('link', { name: sectionName(id, story.section), exact: true })).toHaveAttribute('href', sectionPath(id, story.section));
      await expect(crumbs).not.toContainText(story.headline);
      await context.close();
    });

    test(
      'loads the main picture first and the others only as the reader gets near them, with sizes that reserve their space',
      onEveryScreen,
      async ({ page }) => {
        const story = await demoStory(demo.europolFile);
        await page.goto(demo.europol);
        const lead = page.locator('article figure img').first();
        await expect(lead).toHaveAttribute('fetchpriority', 'high');
        await expect(lead).not.toHaveAttribute('loading', 'lazy');
        await expect(lead).toHaveAttribute('width', String(story.mainImage.width));
        await expect(lead).toHaveAttribute('height', String(story.mainImage.height));
        await expect(page.locator('head link[rel="preload"][as="image"]')).toHaveCount(1);
        const inline = page.locator('article figure img').nth(1);
        const firstInline = story.body.find((b) => b.type === 'image');
        await expect(inline).toHaveAttribute('loading', 'lazy');
        if (firstInline?.type === 'image') await expect(inline).toHaveAttribute('width', String(firstInline.image.width));
        expect(await lead.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      },
    );

    test('lets a keyboard reader skip straight to the story', async ({ page, browserName }) => {
      test.skip(browserName !== 'chromium');
      await page.goto(demo.europol);
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

    test('has no accessibility violations', onEveryScreen, async ({ page }) => {
      await page.goto(demo.europol);
      await expectNoAxeViolations(page);
    });

    test('fits the screen without horizontal scrolling, and keeps pictures inside it', onEveryScreen, async ({ page }) => {
      await page.goto(demo.europol);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      // Inside the screen on both sides, whichever way the page reads.
      const [left, right] = await page
        .locator('article img')
        .evaluateAll((imgs) => [
          Math.min(...imgs.map((img) => img.getBoundingClientRect().left)),
          Math.max(...imgs.map((img) => img.getBoundingClientRect().right)),
        ]);
      expect(left).toBeGreaterThanOrEqual(0);
      expect(right).toBeLessThanOrEqual(await page.evaluate(() => window.innerWidth));
    });

    test('shows no picture larger than it was fetched: the story’s, the related stories’ and the rail’s', onEveryScreen, async ({ page }) => {
      await page.goto(demo.europol);
      // Every lazy picture, loaded: scrolled past, then waited for.
      for (let y = 0; y < (await page.evaluate(() => document.body.scrollHeight)); y += 500) await page.mouse.wheel(0, 500);
      await expect
        .poll(() => page.locator('main img').evaluateAll((imgs) => imgs.every((img) => (img as HTMLImageElement).complete)), { timeout: 15_000 })
        .toBe(true);
      const upscaled = await page.locator('main img').evaluateAll((imgs) =>
        (imgs as HTMLImageElement[]).flatMap((img) => {
          const box = img.getBoundingClientRect();
          // The width of the file chosen from the srcset (the optimiser's w=); its shape from the picture's.
          const fetched = Number(new URL(img.currentSrc).searchParams.get('w'));
          const aspect = img.naturalWidth / img.naturalHeight;
          // object-fit: cover fills the box: the picture is drawn at the larger of the two widths.
          const drawn = Math.max(box.width, box.height * aspect) * devicePixelRatio;
          return fetched > 0 && drawn / fetched > 1.05 ? [`${img.currentSrc} drawn at ${(drawn / fetched).toFixed(2)} ×`] : [];
        }),
      );
      expect(upscaled).toEqual([]);
    });

    test('marks its section in the navigation', async ({ page }) => {
      const story = await demoStory(demo.europolFile);
      await page.goto(demo.europol);
      // On phones the sections sit behind the menu button.
      const menu = page.locator('summary', { hasText: strings.menu });
      if (await menu.isVisible()) await menu.click();
      await expect(page.locator('nav a[aria-current="page"]:visible')).toHaveText(sectionName(id, story.section));
    });

    test(
      'on a phone, the menu opens from its button, with its arrow pointing the way it opens, and closes with Escape or a tap outside it',
      onEveryScreen,
      async ({ page }, testInfo) => {
        test.skip(testInfo.project.name === 'desktop', 'the menu is a phone’s');
        await page.goto(demo.europol);
        // The page's script (after the first paint) is what closes it with Escape and a tap outside.
        await page.waitForFunction(() => Boolean((window as { next?: { version?: string } }).next?.version));
        const menu = page.locator('details', { has: page.locator('summary', { hasText: strings.menu }) });
        const button = menu.locator('summary');
        const arrow = async () =>
          button.evaluate((el) => {
            // The arrow's corner (its two borders) must sit below its centre when closed: it points down.
            const transform = getComputedStyle(el, '::after').transform;
            const [a, b] = transform
              .replace(/^matrix\(|\)$/g, '')
              .split(',')
              .map(Number);
            return { a: a!, b: b! };
          });
        const closed = await arrow();
        // A down-pointing chevron made of the end and bottom borders: rotated 45° either way, its corner at the bottom.
        expect(Math.abs(closed.a)).toBeCloseTo(Math.SQRT1_2, 2);
        expect(closed.b * (edition.dir === 'rtl' ? -1 : 1)).toBeGreaterThan(0);

        await button.click();
        await expect(menu).toHaveAttribute('open', '');
        await page.keyboard.press('Escape');
        await expect(menu).not.toHaveAttribute('open');
        await expect(button).toBeFocused();

        await button.click();
        await expect(menu).toHaveAttribute('open', '');
        // A tap on the page below the open menu.
        const viewport = page.viewportSize()!;
        await page.touchscreen.tap(viewport.width / 2, viewport.height - 20);
        await expect(menu).not.toHaveAttribute('open');
      },
    );
  });
}
