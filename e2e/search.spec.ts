import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { editions } from '../lib/domain/editions';

/** What a reader sees, in the edition's own words (lib/domain/editions). */
const { strings } = editions.en;

test.describe('search', () => {
  test('finds stories from the header, best match first, with the words highlighted', async ({ page }) => {
    await page.goto('/en/about');
    const menu = page.locator('summary', { hasText: strings.menu });
    if (await menu.isVisible()) await menu.click();
    const box = page.getByRole('searchbox', { name: strings.searchLabel }).locator('visible=true');
    await box.fill('propaganda servers');
    await box.press('Enter');
    await expect(page).toHaveURL(/\/en\/search\?q=propaganda\+servers$/);
    await expect(page.getByText(strings.searchResults(1, 'propaganda servers'))).toBeVisible();
    const first = page.locator('main ol li').first();
    await expect(first.locator('h2 a')).toHaveAttribute('href', '/en/europe/20180427-europol-hits-is-propaganda-servers');
    await expect(first.locator('h2 mark')).toHaveText(['servers', 'propaganda']);
    await expect(first.locator('p mark').first()).toBeVisible();
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
    await expectNoAxeViolations(page);
  });

  test('ranks a headline match above a passing mention', async ({ page }) => {
    await page.goto('/en/search?q=trains');
    const headlines = page.locator('main ol li h2');
    await expect(headlines.first()).toContainText('Night trains');
  });

  test('says so when nothing matches', async ({ page }) => {
    const response = await page.goto('/en/search?q=zeppelin+marmalade');
    expect(response?.status()).toBe(200);
    await expect(page.getByText(strings.searchNoResults('zeppelin marmalade'))).toBeVisible();
    await expect(page.getByRole('searchbox', { name: strings.searchLabel }).first()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('with no query shows the form', async ({ page }) => {
    await page.goto('/en/search');
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
    ]) {
      const response = await request.get(`/en/search?q=${encodeURIComponent(q)}`);
      expect(response.status(), q.slice(0, 30)).toBe(200);
      const html = await response.text();
      expect(html).not.toContain('<script>alert(1)</script>');
    }
    expect((await request.get('/en/search?q=europe&page=abc')).status()).toBe(200);
    expect((await request.get('/en/search?q=europe&page=99999')).status()).toBe(200);
    expect((await request.get('/en/search?q=a&q=b')).status()).toBe(200);
  });
});
