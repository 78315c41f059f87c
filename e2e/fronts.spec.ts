import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { authorName, demoByEdition, demoPath, frontMatter, publishedDemoStories, sectionName } from './support/demo';
import { editionIds, getEdition } from '../lib/domain/editions';
import { formatDate, formatShortDateTime } from '../lib/domain/format-date';
import { publication } from '../lib/domain/site-config';
import { slugify } from '../lib/domain/slug';
import { aboutPath, authorPath, editionPath, pageHref, sectionPath, tagPath } from '../lib/domain/urls';
import { onEveryScreen } from './support/screens';

/**
 * Fronts, sections, tags, authors and the furniture around a story, in every edition:
 * expectations from the edition's config (lib/domain/editions) and the demo stories' files.
 */

/** Stories a page in the e2e run (STORIES_PER_PAGE). */
const pageSize = 4;

test.describe('the bare address', () => {
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
    const explicit = await request.get(editionPath('fr'), { maxRedirects: 0, headers: { 'accept-language': 'ar' } });
    expect(explicit.status()).toBe(200);
  });
});

for (const id of editionIds) {
  const edition = getEdition(id);
  const { strings } = edition;
  const demo = demoByEdition[id];
  const stories = publishedDemoStories(id);
  const storyPath = new RegExp(`^/${id}/[a-z-]+/\\d{8}-[a-z0-9-]+$`);

  test.describe(`the home front (${id})`, () => {
    test('opens with the lead story and its picture, then top stories, section blocks and the latest list', onEveryScreen, async ({ page }) => {
      const response = await page.goto(editionPath(id));
      expect(response?.status()).toBe(200);
      await expect(page.locator('h1')).toHaveCount(1);
      await expect(page.locator('h1')).toHaveText(strings.homeHeading(publication.name));

      const lead = page.locator('main article').first();
      await expect(lead.locator('h2 a')).toHaveAttribute('href', storyPath);
      await expect(lead.locator('img')).toHaveAttribute('fetchpriority', 'high');
      await expect(lead.locator('p').first()).not.toBeEmpty(); // section label

      const top = page.getByRole('region', { name: strings.topStories });
      await expect(top.locator('article')).toHaveCount(4);
      for (const card of await top.locator('article').all()) {
        await expect(card.locator('h3 a')).toHaveAttribute('href', storyPath);
        await expect(card.locator('img')).toHaveAttribute('loading', 'lazy');
        await expect(card.locator('img')).toHaveAttribute('width', /\d+/);
        await expect(card.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
        // One date format for cards in each edition: the day, the month by its name, the year.
        await expect(card.locator('time')).toHaveText(formatDate(edition, (await card.locator('time').getAttribute('datetime'))!));
      }

      // The latest stories beside the lead: those the opening does not already show (other tests publish stories meanwhile).
      const latest = page.getByRole('region', { name: strings.latestStories, exact: true });
      const inRail = await latest.locator('li').count();
      expect(inRail).toBeGreaterThanOrEqual(Math.min(8, stories.length - 5));
      expect(inRail).toBeLessThanOrEqual(8);
      const firstTime = latest.locator('time').first();
      await expect(firstTime).toHaveText(formatShortDateTime(edition, (await firstTime.getAttribute('datetime'))!));
      // No empty space waits under the heading for a "new stories" button: the first story follows it.
      const heading = await latest.getByRole('heading', { name: strings.latestStories }).boundingBox();
      const first = await latest.locator('li').first().boundingBox();
      expect(first!.y - (heading!.y + heading!.height)).toBeLessThan(24);

      // A block for every section with a story not already shown above (in the opening or the rail).
      const above = await page
        .locator('main article a, main section[aria-labelledby="home-latest"] li a')
        .filter({ hasNot: page.locator('xpath=ancestor::div[contains(@class, "sections")]') })
        .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      const shown = new Set(stories.filter((s) => above.includes(demoPath(id, s))).map((s) => s.id));
      const withBlocks = new Set(stories.filter((s) => !shown.has(s.id)).map((s) => s.section));
      // A small edition may show every story above: then there is no block at all.
      if (withBlocks.size === 0)
        await expect(page.getByRole('link', { name: strings.moreFrom(sectionName(id, demo.section.split('/').at(-1)!)) })).toHaveCount(0);
      for (const slug of withBlocks) {
        const name = sectionName(id, slug);
        const block = page.getByRole('region', { name, exact: true });
        await expect(block.getByRole('link', { name, exact: true })).toHaveAttribute('href', sectionPath(id, slug));
        await expect(block.getByRole('link', { name: strings.moreFrom(name) })).toHaveAttribute('href', sectionPath(id, slug));
      }
    });

    test('shows every story once: the lead, the top stories, the latest rail and the section blocks never repeat one', async ({ page }) => {
      await page.goto(editionPath(id));
      const hrefs = await page.locator('main h2 a, main h3 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      const stories = hrefs.filter((href) => href && storyPath.test(href));
      // A full home, or every published story of an edition that has fewer (the French and
      // Arabic demos have eight and nine: other specs' stories are not there when this runs first).
      expect(stories.length).toBeGreaterThanOrEqual(Math.min(11, publishedDemoStories(id).length));
      expect(stories.filter((href, i) => stories.indexOf(href) !== i)).toEqual([]);
    });

    test('has no accessibility violations', onEveryScreen, async ({ page }) => {
      await page.goto(editionPath(id));
      await expectNoAxeViolations(page);
    });
  });

  test.describe(`a section front (${id})`, () => {
    const slug = demo.section.split('/').at(-1)!;
    const inSection = stories.filter((s) => s.section === slug);

    test('lists the section newest first, with plain links to older pages for readers and crawlers without JavaScript', async ({ browser }, testInfo) => {
      const context = await browser.newContext({ ...testInfo.project.use, javaScriptEnabled: false });
      const page = await context.newPage();
      const response = await page.goto(sectionPath(id, slug));
      expect(response?.status()).toBe(200);
      await expect(page.locator('h1')).toHaveText(sectionName(id, slug));
      // The first page opens with its lead and top stories, then the rest of the page: by recency, newest first, as editors set nothing here.
      const times = await page.locator('main article time').evaluateAll((els) => els.map((el) => Date.parse(el.getAttribute('datetime') ?? '')));
      expect(times).toHaveLength(Math.min(pageSize, inSection.length));
      expect([...times].sort((a, b) => b - a)).toEqual(times);

      const older = page.getByRole('link', { name: strings.olderStories });
      if (inSection.length <= pageSize) {
        await expect(older).toHaveCount(0);
        await context.close();
        return;
      }
      await expect(older).toHaveAttribute('href', pageHref(sectionPath(id, slug), 2));
      await older.click();
      await expect(page).toHaveURL(new URL(pageHref(sectionPath(id, slug), 2), page.url()).href);
      await expect(page.locator('main ol article')).toHaveCount(Math.min(pageSize, inSection.length - pageSize));
      await expect(page.getByRole('link', { name: strings.newerStories })).toHaveAttribute('href', sectionPath(id, slug));
      const pageTwoTimes = await page.locator('main ol article time').evaluateAll((els) => els.map((el) => Date.parse(el.getAttribute('datetime') ?? '')));
      expect(Math.max(...pageTwoTimes)).toBeLessThanOrEqual(Math.min(...times));
      await context.close();
    });

    test('answers 404 past its last page, and sends other spellings of a page to its one URL', async ({ request }) => {
      const path = sectionPath(id, slug);
      const last = Math.max(1, Math.ceil(inSection.length / pageSize));
      expect((await request.get(pageHref(path, last + 1), { maxRedirects: 0 })).status()).toBe(404);
      expect((await request.get(pageHref(path, 999999), { maxRedirects: 0 })).status()).toBe(404);
      for (const [asked, canonical] of [
        [`${path}?page=1`, path],
        [`${path}?page=abc`, path],
        [`${path}?page=-4`, path],
        [`${path}?page=%00`, path],
        ...(last >= 2 ? [[`${path}?page=02`, pageHref(path, 2)]] : []),
      ]) {
        const response = await request.get(asked!, { maxRedirects: 0 });
        expect(response.status(), asked).toBe(301);
        const location = new URL(response.headers().location!, 'http://x');
        expect(location.pathname + location.search).toBe(canonical);
      }
    });

    test('marks itself in the navigation', async ({ page }) => {
      await page.goto(sectionPath(id, slug));
      const menu = page.locator('summary', { hasText: strings.menu });
      if (await menu.isVisible()) await menu.click();
      await expect(page.locator('header nav a[aria-current="page"]:visible')).toHaveText(sectionName(id, slug));
    });

    test('answers 404 when the section does not exist', async ({ request }) => {
      const response = await request.get(sectionPath(id, 'asia'));
      expect(response.status()).toBe(404);
      expect(await response.text()).toContain(strings.notFoundTitle);
    });

    test('has no accessibility violations, on its first page (its lead and top stories) and the next', onEveryScreen, async ({ page }) => {
      for (const path of inSection.length > pageSize ? [sectionPath(id, slug), pageHref(sectionPath(id, slug), 2)] : [sectionPath(id, slug)]) {
        await page.goto(path);
        await expectNoAxeViolations(page);
      }
    });
  });

  test.describe(`tag and author pages (${id})`, () => {
    const europol = frontMatter(demo.europolFile);

    test('a tag page lists the stories carrying the tag', async ({ page }) => {
      const tag = europol.tags[0]!;
      const carrying = stories.filter((s) => s.tags.some((t) => slugify(t) === slugify(tag)));
      await page.goto(demo.europol);
      await page.locator('article').getByRole('link', { name: tag, exact: true }).click();
      await expect(page).toHaveURL(new URL(tagPath(id, slugify(tag)), page.url()).href);
      await expect(page.locator('h1')).toHaveText(tag);
      const headlines = page.locator('main ol article h2');
      await expect(headlines).toHaveCount(Math.min(pageSize, carrying.length));
      const newest = [...carrying].sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt))[0]!;
      await expect(headlines.first()).toHaveText(newest.headline);
      await expectNoAxeViolations(page);
    });

    test('an author page lists the reporter’s published stories', async ({ page }) => {
      const name = authorName(europol.authors[0]!);
      const theirs = stories.filter((s) => s.authors.some((a) => authorName(a) === name));
      await page.goto(demo.europol);
      await page.locator('article').getByRole('link', { name, exact: true }).click();
      await expect(page).toHaveURL(new URL(authorPath(id, slugify(name)), page.url()).href);
      await expect(page.locator('h1')).toHaveText(name);
      // Published stories only: a withdrawn one is not listed.
      await expect(page.locator('main ol article')).toHaveCount(Math.min(pageSize, theirs.length));
      await expectNoAxeViolations(page);
    });

    test('an unknown tag or author answers 404', async ({ request }) => {
      expect((await request.get(tagPath(id, 'no-such-topic'))).status()).toBe(404);
      expect((await request.get(authorPath(id, 'nobody-here'))).status()).toBe(404);
    });
  });

  test.describe(`around an article (${id})`, () => {
    test('breadcrumbs lead back to the section and the edition', async ({ page }) => {
      const europol = frontMatter(demo.europolFile);
      await page.goto(demo.europol);
      const crumbs = page.getByRole('navigation', { name: strings.breadcrumbLabel });
      await expect(crumbs.getByRole('link')).toHaveText([strings.home, sectionName(id, europol.section)]);
      await expect(crumbs.getByRole('link').first()).toHaveAttribute('href', editionPath(id));
      // The headline is right below them: they do not repeat it.
      await expect(crumbs).not.toContainText(europol.headline);
    });

    test('related stories share its tags or section, stay in its edition and never repeat it', async ({ page }) => {
      await page.goto(demo.europol);
      const related = page.getByRole('region', { name: strings.relatedStories });
      const links = await related.locator('h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(links.length).toBeGreaterThan(0);
      expect(links).not.toContain(demo.europol);
      for (const link of links) expect(link).toMatch(storyPath);
      // In English, Mosul shares the "Islamic State group" tag: it comes first.
      if (id === 'en') expect(links[0]).toBe('/en/middle-east/20180327-mosul-old-city-residents-rebuild-by-hand');
    });
  });

  test(`the about page answers 200 from the footer link (${id})`, async ({ page }) => {
    await page.goto(editionPath(id));
    await page.locator('footer').getByRole('link', { name: strings.footerAbout }).click();
    await expect(page).toHaveURL(new URL(aboutPath(id), page.url()).href);
    await expect(page.locator('h1')).toHaveText(strings.aboutTitle(publication.name));
    await expectNoAxeViolations(page);
  });
}
