import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { richestStory } from './support/urls';
import { editions } from '../lib/domain/editions';
import { publication } from '../lib/domain/site-config';

/** What a reader sees, in the edition's own words (lib/domain/editions). */
const { strings } = editions.en;

test.describe('the home front', () => {
  test('is where the bare address sends readers: the edition of their language, English for anyone else and for crawlers', async ({ request }) => {
    const ask = (languages?: string) => request.get('/', { maxRedirects: 0, headers: languages ? { 'accept-language': languages } : {} });
    for (const [languages, edition] of [
      ['fr-FR,fr;q=0.9,en;q=0.8', 'fr'],
      ['ar-LB,ar;q=0.9', 'ar'],
      ['de-DE,de;q=0.9', 'en'],
      [undefined, 'en'],
    ] as const) {
      const response = await ask(languages);
      expect(response.status()).toBe(307);
      expect(new URL(response.headers().location!, 'http://x').pathname).toBe(`/${edition}`);
      expect(response.headers().vary).toContain('Accept-Language');
    }
    // An edition's own address never redirects, whatever the reader's languages.
    const explicit = await request.get('/fr', { maxRedirects: 0, headers: { 'accept-language': 'ar' } });
    expect(explicit.status()).toBe(200);
  });

  test('opens with the lead story and its picture, then top stories, section blocks and the latest list', async ({ page }) => {
    const response = await page.goto('/en');
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1')).toHaveCount(1);

    const lead = page.locator('main article').first();
    await expect(lead.locator('h2 a')).toHaveAttribute('href', /^\/en\/[a-z-]+\/\d{8}-[a-z0-9-]+$/);
    await expect(lead.locator('img')).toHaveAttribute('fetchpriority', 'high');
    await expect(lead.locator('p').first()).not.toBeEmpty(); // section label

    const top = page.getByRole('region', { name: strings.topStories });
    await expect(top.locator('article')).toHaveCount(4);
    for (const card of await top.locator('article').all()) {
      await expect(card.locator('h3 a')).toHaveAttribute('href', /^\/en\//);
      await expect(card.locator('img')).toHaveAttribute('loading', 'lazy');
      await expect(card.locator('img')).toHaveAttribute('width', /\d+/);
      await expect(card.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
    }

    const latest = page.getByRole('region', { name: strings.latestStories, exact: true });
    await expect(latest.locator('li')).toHaveCount(8);
    await expect(latest.locator('time').first()).toHaveText(/\d{1,2} \w{3}, \d{2}:\d{2}/);

    for (const section of ['Europe', 'Middle East', 'Africa', 'Americas', 'Environment']) {
      const block = page.getByRole('region', { name: section, exact: true });
      await expect(block.getByRole('link', { name: section, exact: true })).toHaveAttribute('href', /^\/en\/[a-z-]+$/);
    }
  });

  test('shows every story once between the lead, top stories and section blocks', async ({ page }) => {
    await page.goto('/en');
    const outsideLatest = page
      .locator('main article h2 a, main article h3 a')
      .filter({ hasNot: page.locator('xpath=ancestor::section[@aria-labelledby="home-latest"]') });
    const hrefs = await outsideLatest.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(new Set(hrefs).size).toBe(hrefs.length);
  });

  test('has no accessibility violations', async ({ page }) => {
    await page.goto('/en');
    await expectNoAxeViolations(page);
  });
});

test.describe('a section front', () => {
  test('lists the section newest first, with plain links to older pages for readers and crawlers without JavaScript', async ({ browser }, testInfo) => {
    const context = await browser.newContext({ ...testInfo.project.use, javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto('/en/europe');
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1')).toHaveText('Europe');
    const times = await page.locator('main ol article time').evaluateAll((els) => els.map((el) => Date.parse(el.getAttribute('datetime') ?? '')));
    expect(times).toHaveLength(4);
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const older = page.getByRole('link', { name: strings.olderStories });
    await expect(older).toHaveAttribute('href', '/en/europe?page=2');
    await older.click();
    await expect(page).toHaveURL(/\/en\/europe\?page=2$/);
    await expect(page.locator('main ol article')).toHaveCount(1);
    await expect(page.getByRole('link', { name: strings.newerStories })).toHaveAttribute('href', '/en/europe');
    await expect(page.getByRole('link', { name: strings.olderStories })).toHaveCount(0);
    const pageTwoTimes = await page.locator('main ol article time').evaluateAll((els) => els.map((el) => Date.parse(el.getAttribute('datetime') ?? '')));
    expect(Math.max(...pageTwoTimes)).toBeLessThanOrEqual(Math.min(...times));
    await context.close();
  });

  test('answers 404 past its last page, and sends other spellings of a page to its one URL', async ({ request }) => {
    expect((await request.get('/en/europe?page=3', { maxRedirects: 0 })).status()).toBe(404);
    expect((await request.get('/en/europe?page=999999', { maxRedirects: 0 })).status()).toBe(404);
    for (const [asked, canonical] of [
      ['/en/europe?page=1', '/en/europe'],
      ['/en/europe?page=02', '/en/europe?page=2'],
      ['/en/europe?page=abc', '/en/europe'],
      ['/en/europe?page=-4', '/en/europe'],
      ['/en/europe?page=%00', '/en/europe'],
    ]) {
      const response = await request.get(asked!, { maxRedirects: 0 });
      expect(response.status(), asked).toBe(301);
      expect(new URL(response.headers().location!, 'http://x').pathname + new URL(response.headers().location!, 'http://x').search).toBe(canonical);
    }
  });

  test('marks itself in the navigation', async ({ page }) => {
    await page.goto('/en/africa');
    const menu = page.locator('summary', { hasText: strings.menu });
    if (await menu.isVisible()) await menu.click();
    await expect(page.locator('header nav a[aria-current="page"]:visible')).toHaveText('Africa');
  });

  test('answers 404 when the section does not exist', async ({ request }) => {
    const response = await request.get('/en/asia');
    expect(response.status()).toBe(404);
    expect(await response.text()).toContain(strings.notFoundTitle);
  });

  test('has no accessibility violations', async ({ page }) => {
    await page.goto('/en/europe?page=2');
    await expectNoAxeViolations(page);
  });
});

test.describe('tag and author pages', () => {
  test('a tag page lists the stories carrying the tag', async ({ page }) => {
    await page.goto(richestStory);
    await page.getByRole('link', { name: 'Islamic State group' }).click();
    await expect(page).toHaveURL(/\/en\/tag\/islamic-state-group$/);
    await expect(page.locator('h1')).toHaveText('Islamic State group');
    const headlines = page.locator('main ol article h2');
    await expect(headlines).toHaveCount(2);
    await expect(headlines).toContainText(['take down servers', "Mosul's ruined old city"]);
    await expectNoAxeViolations(page);
  });

  test('an author page lists the reporter’s published stories', async ({ page }) => {
    await page.goto(richestStory);
    await page.locator('article').getByRole('link', { name: 'Claire Dubois' }).click();
    await expect(page).toHaveURL(/\/en\/author\/claire-dubois$/);
    await expect(page.locator('h1')).toHaveText('Claire Dubois');
    // Her withdrawn story is not listed.
    await expect(page.locator('main ol article')).toHaveCount(1);
    await expectNoAxeViolations(page);
  });

  test('an unknown tag or author answers 404', async ({ request }) => {
    expect((await request.get('/en/tag/no-such-topic')).status()).toBe(404);
    expect((await request.get('/en/author/nobody-here')).status()).toBe(404);
  });
});

test.describe('around an article', () => {
  test('breadcrumbs lead back to the section and the edition', async ({ page }) => {
    await page.goto(richestStory);
    const crumbs = page.getByRole('navigation', { name: strings.breadcrumbLabel });
    await expect(crumbs.getByRole('link')).toHaveText([strings.home, 'Europe']);
    await expect(crumbs.locator('[aria-current="page"]')).toContainText('Police in Europe');
  });

  test('related stories share its tags or section and never repeat it', async ({ page }) => {
    await page.goto(richestStory);
    const related = page.getByRole('region', { name: strings.relatedStories });
    const links = await related.locator('h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links.length).toBeGreaterThan(0);
    expect(links).not.toContain(richestStory);
    // Mosul shares the "Islamic State group" tag: it comes first.
    expect(links[0]).toBe('/en/middle-east/20180327-mosul-old-city-residents-rebuild-by-hand');
  });
});

test('the about page answers 200 from the footer link', async ({ page }) => {
  await page.goto('/en');
  await page.locator('footer').getByRole('link', { name: strings.footerAbout }).click();
  await expect(page).toHaveURL(/\/en\/about$/);
  await expect(page.locator('h1')).toHaveText(strings.aboutTitle(publication.name));
  await expectNoAxeViolations(page);
});
