import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { demoByEdition, frontMatter } from './support/demo';
import { editionIds, getEdition } from '../lib/domain/editions';
import { aboutPath, searchPath } from '../lib/domain/urls';
import { onEveryScreen } from './support/screens';

/** Search in every edition, in its own words (lib/domain/editions) and by its own language's rules. */

for (const id of editionIds) {
  const { strings } = getEdition(id);
  const demo = demoByEdition[id];

  test.describe(`search (${id})`, () => {
    test('finds stories from the header, best match first, with the words highlighted', onEveryScreen, async ({ page }) => {
      await page.goto(aboutPath(id));
      const menu = page.locator('summary', { hasText: strings.menu });
      if (await menu.isVisible()) await menu.click();
      const box = page.getByRole('searchbox', { name: strings.searchLabel }).locator('visible=true');
      await box.fill(demo.searchWord);
      await box.press('Enter');
      await expect(page).toHaveURL(new URL(searchPath(id, { q: demo.searchWord }), page.url()).href);
      // "N stories match …", with N by the language's plural rules.
      const summaries = Array.from({ length: 20 }, (_, n) => strings.searchResults(n + 1, demo.searchWord));
      await expect(page.locator('main').getByText(new RegExp(`^(${summaries.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`))).toBeVisible();
      const first = page.locator('main ol li').first();
      await expect(first.locator('h2 a')).toHaveAttribute('href', demo.searchFindsPath);
      await expect(first.locator('h2')).toHaveText(frontMatter(demo.searchFinds).headline);
      await expect(first.locator('mark').first()).toBeVisible();
      // A result's meta line is the lists' small interface type, not the page's body text; the form's classes are all real ones.
      const meta = await first
        .locator('p:has(time)')
        .evaluate((el) => ({ size: parseFloat(getComputedStyle(el).fontSize), family: getComputedStyle(el).fontFamily }));
      expect(meta.size).toBeLessThan(16);
      expect(meta.family).toBe(await page.locator('body').evaluate((el) => getComputedStyle(el).fontFamily));
      expect(await page.locator('form').evaluateAll((forms) => forms.map((f) => f.className).join(' '))).not.toContain('undefined');
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
      await expectNoAxeViolations(page);
    });

    test('says so when nothing matches', async ({ page }) => {
      const response = await page.goto(searchPath(id, { q: 'zeppelin marmalade' }));
      expect(response?.status()).toBe(200);
      await expect(page.getByText(strings.searchNoResults('zeppelin marmalade'))).toBeVisible();
      await expect(page.getByRole('searchbox', { name: strings.searchLabel }).first()).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test('with no query shows the form', async ({ page }) => {
      await page.goto(searchPath(id));
      await expect(page.locator('h1')).toHaveText(strings.searchTitle);
      await expect(page.getByText(strings.searchPrompt)).toBeVisible();
      await expect(page.locator('main ol')).toHaveCount(0);
    });

    test('answers every odd or oversized query with a page, never an error', async ({ request }) => {
      for (const q of [
        '"',
        '(',
        'NEAR(a b)',
        'a OR',
        '*',
        'headline:x',
        "'; drop table articles; --",
        '%00',
        'x'.repeat(5000),
        '🙂 émigré Ω',
        '<script>alert(1)</script>',
        'ـــ ً ُ ّ',
        'أ إ آ ى ة',
        '« » ; : ! ?',
      ]) {
        const response = await request.get(searchPath(id, { q }));
        expect(response.status(), q.slice(0, 30)).toBe(200);
        const html = await response.text();
        expect(html).not.toContain('<script>alert(1)</script>');
      }
      expect((await request.get(`${searchPath(id, { q: 'europe' })}&page=abc`)).status()).toBe(200);
      expect((await request.get(searchPath(id, { q: 'europe', page: 99999 }))).status()).toBe(200);
      expect((await request.get(`${searchPath(id)}?q=a&q=b`)).status()).toBe(200);
    });
  });
}

test('search ranks a headline match above a passing mention', async ({ page }) => {
  await page.goto(searchPath('en', { q: 'trains' }));
  const headlines = page.locator('main ol li h2');
  await expect(headlines.first()).toHaveText(frontMatter('en/europe/night-trains-return-to-european-rails.md').headline);
});
