import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { demoByEdition, frontMatter } from './support/demo';
import { editionIds, editions, getEdition } from '../lib/domain/editions';
import { publication } from '../lib/domain/site-config';
import { slugify } from '../lib/domain/slug';
import { authorPath, editionPath, searchPath, tagPath } from '../lib/domain/urls';
import { loaderSources } from '../lib/http/boot-after-paint.mjs';
import { onEveryScreen } from './support/screens';

/**
 * Every edition, read as its readers and crawlers read it: expectations come from the edition's
 * config (lib/domain/editions) and the demo stories' own files, never from literals here.
 */

const hreflangsOf = async (page: Page) =>
  page
    .locator('head link[rel="alternate"][hreflang]')
    .evaluateAll((links) => links.map((l) => [l.getAttribute('hreflang')!, l.getAttribute('href')!] as const));

function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

for (const id of editionIds) {
  const edition = getEdition(id);
  const { strings } = edition;
  const demo = demoByEdition[id];

  test.describe(`the ${edition.name} edition (${id})`, () => {
    test('an article: language and direction, the whole story for a crawler, its translations linked both ways', async ({ browser, baseURL }) => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      const response = await page.goto(demo.europol);
      expect(response?.status()).toBe(200);
      const story = frontMatter(demo.europolFile);
      await expect(page.locator('html')).toHaveAttribute('lang', edition.lang);
      await expect(page.locator('html')).toHaveAttribute('dir', edition.dir);
      await expect(page.locator('h1')).toHaveText(story.headline);
      await expect(page.locator('article').first()).toContainText(strings.byPrefix);
      await expect(page.locator('meta[property="og:locale"]')).toHaveAttribute('content', edition.ogLocale);
      const otherLocales = editionIds.filter((e) => e !== id).map((e) => getEdition(e).ogLocale);
      expect(await page.locator('meta[property="og:locale:alternate"]').evaluateAll((m) => m.map((x) => x.getAttribute('content')))).toEqual(otherLocales);

      // Visible links to the story in the other languages, on one line: each named in its own language, its headline as its title.
      const translations = page.getByRole('navigation', { name: strings.translationsHeading });
      for (const other of editionIds.filter((e) => e !== id)) {
        const link = translations.locator(`a[hreflang="${getEdition(other).lang}"]`);
        await expect(link).toHaveAttribute('href', demoByEdition[other].europol);
        await expect(link).toHaveText(getEdition(other).name);
        await expect(link).toHaveAttribute('title', frontMatter(demoByEdition[other].europolFile).headline);
        await expect(translations.locator(`li[lang="${getEdition(other).lang}"]`)).toHaveCount(1);
      }

      // hreflang: absolute, one per language and x-default; the canonical is the page itself.
      const alternates = await hreflangsOf(page);
      expect(alternates.map(([lang]) => lang).sort()).toEqual([...editionIds.map((e) => getEdition(e).lang), 'x-default'].sort());
      for (const [, href] of alternates) expect(href).toMatch(/^https?:\/\//);
      expect(alternates.find(([lang]) => lang === 'x-default')?.[1]).toBe(`${baseURL}${demoByEdition.en.europol}`);
      await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${baseURL}${demo.europol}`);

      // Structured data: the language, and the link between the work and its translations.
      const jsonLd = await page.locator('script[type="application/ld+json"]').evaluateAll((s) => s.map((x) => JSON.parse(x.textContent ?? '{}')));
      const article = jsonLd.find((d) => d['@type'] === 'NewsArticle');
      expect(article.inLanguage).toBe(edition.lang);
      if (id === 'en') expect(article.workTranslation.map((w: { inLanguage: string }) => w.inLanguage).sort()).toEqual(['ar', 'fr']);
      else expect(article.translationOfWork['@id']).toBe(`${baseURL}${demoByEdition.en.europol}#article`);
      await context.close();
    });

    test('hreflang alternates answer 200, name themselves canonical and link back', async ({ page, request, baseURL }) => {
      await page.goto(demo.europol);
      const self = `${baseURL}${demo.europol}`;
      for (const [lang, href] of await hreflangsOf(page)) {
        if (lang === 'x-default') continue;
        const answer = await request.get(href, { maxRedirects: 0 });
        expect(answer.status(), href).toBe(200);
        const html = await answer.text();
        // Compared as booleans: a failure must not print a whole page.
        expect(html.includes(`<link rel="canonical" href="${href}"/>`), `${href} is its own canonical`).toBe(true);
        expect(html.toLowerCase().includes(`hreflang="${edition.lang}" href="${self.toLowerCase()}"`), `${href} links back`).toBe(true);
      }
    });

    test('the language switcher goes to the same page in another edition, or to its home', onEveryScreen, async ({ page }) => {
      await page.goto(demo.europol);
      const switcher = page.getByRole('navigation', { name: strings.editionsLabel });
      for (const other of editionIds.filter((e) => e !== id)) {
        await expect(switcher.locator(`a[hreflang="${getEdition(other).lang}"]`)).toHaveAttribute('href', demoByEdition[other].europol);
        await expect(switcher.locator(`a[lang="${getEdition(other).lang}"]`)).toHaveText(getEdition(other).name);
      }
      await page.goto(demo.untranslated);
      for (const other of editionIds.filter((e) => e !== id)) {
        await expect(page.getByRole('navigation', { name: strings.editionsLabel }).locator(`a[hreflang="${getEdition(other).lang}"]`)).toHaveAttribute(
          'href',
          editionPath(other),
        );
      }
      // A section goes to its counterpart: /fr/moyen-orient ↔ /en/middle-east ↔ /ar/middle-east.
      await page.goto(demo.section);
      for (const other of editionIds.filter((e) => e !== id)) {
        await expect(page.getByRole('navigation', { name: strings.editionsLabel }).locator(`a[hreflang="${getEdition(other).lang}"]`)).toHaveAttribute(
          'href',
          demoByEdition[other].section,
        );
      }
    });

    test('the home front in its own words, with alternates to the other homes', async ({ page, baseURL }) => {
      const errors = watchForErrors(page);
      const response = await page.goto(editionPath(id), { waitUntil: 'networkidle' });
      expect(response?.status()).toBe(200);
      await expect(page.locator('h1')).toHaveText(strings.homeHeading(publication.name));
      await expect(page).toHaveTitle(`${publication.name} - ${strings.siteTagline}`);
      await expect(page.getByRole('region', { name: strings.latestStories })).toBeVisible();
      const alternates = await hreflangsOf(page);
      expect(alternates).toContainEqual(['x-default', `${baseURL}${editionPath('en')}`]);
      for (const other of editionIds) expect(alternates).toContainEqual([getEdition(other).lang, `${baseURL}${editionPath(other)}`]);
      expect(errors).toEqual([]);
      await expectNoAxeViolations(page);
    });

    test('an article has no accessibility violations and hydrates without a warning', async ({ page }) => {
      const errors = watchForErrors(page);
      await page.goto(demo.live, { waitUntil: 'networkidle' });
      await expect(page.getByRole('heading', { name: strings.liveUpdates })).toBeVisible();
      expect(errors).toEqual([]);
      await expectNoAxeViolations(page);
    });

    test('withdrawn, missing and renamed stories answer 410, 404 and 301 in the edition’s language, and a withdrawn story says it was withdrawn', async ({
      page,
      request,
    }) => {
      for (const [path, status] of [
        [demo.withdrawn, 410],
        [`${demo.section}/20180101-no-such-story`, 404],
        [`/${id}/no-such-section-at-all/deeper`, 404],
      ] as const) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(status);
        await expect(page.locator('html')).toHaveAttribute('lang', edition.lang);
        const [title, message] = status === 410 ? [strings.goneTitle, strings.goneMessage(publication.name)] : [strings.notFoundTitle, strings.notFoundMessage];
        await expect(page.locator('h1')).toHaveText(title);
        await expect(page.getByText(message)).toBeVisible();
        // A 404's title is the boundary's (the publication's name): Next renders not-found metadata for that status.
        if (status === 410) await expect(page).toHaveTitle(`${title} - ${publication.name}`);
        await expect(page.getByRole('link', { name: strings.notFoundBackHome })).toHaveAttribute('href', editionPath(id));
      }
      const moved = await request.get(demo.renamedOld, { maxRedirects: 0 });
      expect(moved.status()).toBe(301);
      expect(new URL(moved.headers().location!, 'http://x').pathname).toBe(demo.renamed);
    });

    test('tags and authors get working pages whatever their script, linked and canonical in one encoding', async ({ page, request }) => {
      const story = frontMatter(demo.europolFile);
      await page.goto(demo.europol);
      for (const tag of story.tags) {
        const href = await page.locator('article').getByRole('link', { name: tag, exact: true }).getAttribute('href');
        expect(href).toBe(tagPath(id, slugify(tag)));
        // Written percent-encoded (NFC, upper-case hex): no raw non-ASCII in an address.
        expect(href).toMatch(/^[\x21-\x7e]+$/);
        const answer = await request.get(href!);
        expect(answer.status(), href!).toBe(200);
        expect(await answer.text()).toContain(`<h1`);
      }
      const tag = story.tags[0]!;
      const slug = slugify(tag);
      const listPage = await page.goto(tagPath(id, slug));
      expect(listPage?.status()).toBe(200);
      await expect(page.locator('h1')).toHaveText(tag);
      // The same name written another way — decomposed letters, lower-case hex — reaches it in one redirect.
      const variants = [encodeURIComponent(slug.normalize('NFD')), encodeURIComponent(slug).toLowerCase()].filter((v) => v !== encodeURIComponent(slug));
      for (const variant of variants) {
        const answer = await request.get(`/${id}/tag/${variant}`, { maxRedirects: 0 });
        expect(answer.status(), variant).toBe(301);
        expect(answer.headers().location).toBe(tagPath(id, slug));
      }
      for (const author of story.authors) {
        const name = typeof author === 'string' ? author : author.name;
        const answer = await request.get(authorPath(id, slugify(name)));
        expect(answer.status(), name).toBe(200);
      }
    });

    test('search finds stories by the edition’s own rules', async ({ page }) => {
      await page.goto(searchPath(id, { q: demo.searchWord }));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(strings.searchTitle);
      await expect(page.locator('main')).toContainText(frontMatter(demo.searchFinds).headline);
      await expect(page.locator('main mark').first()).toBeVisible();
    });

    test('ships no more script than the English edition, and no other edition’s strings', async ({ request }) => {
      const scriptBytes = async (path: string) => {
        const html = await (await request.get(path)).text();
        const sources = [...[...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!), ...loaderSources(html)];
        expect(sources.length).toBeGreaterThan(1);
        let total = 0;
        for (const src of new Set(sources)) total += (await (await request.get(src)).body()).length;
        return { total, html };
      };
      const ours = await scriptBytes(demo.live);
      const english = await scriptBytes(demoByEdition.en.live);
      expect(ours.total).toBeLessThanOrEqual(english.total);
      if (id !== 'en') expect(ours.html).not.toContain(editions.en.strings.loadMore);
    });
  });
}

test.describe('right to left', () => {
  const ar = getEdition('ar');
  const demo = demoByEdition.ar;

  test('the Arabic edition mirrors its header, its pointing icons and not the others', onEveryScreen, async ({ page }) => {
    await page.goto(`/ar/middle-east?page=2`);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    const wordmark = await page.getByRole('link', { name: publication.name, exact: true }).boundingBox();
    const switcher = page.getByRole('navigation', { name: ar.strings.editionsLabel });
    // On the narrowest phones the switcher is in the menu: then the menu button follows the wordmark.
    const next = await ((await switcher.isVisible()) ? switcher : page.locator('header summary')).boundingBox();
    const viewport = page.viewportSize()!;
    // The wordmark starts the line, on the right; what follows it sits to its left.
    expect(wordmark!.x + wordmark!.width).toBeGreaterThan(viewport.width * 0.6);
    expect(next!.x + next!.width).toBeLessThanOrEqual(wordmark!.x);
    // Asked again until it holds: the pagination is an island, whose markup is replaced by the
    // same markup once it hydrates after the first paint (a detached element has no style).
    const backIcon = () => page.locator('svg[data-points="back"]').first();
    await expect(backIcon()).toHaveCSS('transform', 'matrix(-1, 0, 0, 1, 0, 0)');
    await page.goto('/en/middle-east?page=2');
    await expect(backIcon()).toHaveCSS('transform', 'none');
    // The breadcrumb separator points the way the reader reads.
    await page.goto(demo.europol);
    const separator = await page
      .getByRole('navigation', { name: ar.strings.breadcrumbLabel })
      .locator('li + li')
      .first()
      .evaluate((el) => getComputedStyle(el, '::before').content);
    expect(separator).toBe('"‹"');
    // Underlines skip the letters' dots and sit below those under the line.
    const underline = await page
      .locator('main article a')
      .first()
      .evaluate((el) => ({ skip: getComputedStyle(el).textDecorationSkipInk, offset: parseFloat(getComputedStyle(el).textUnderlineOffset) }));
    expect(underline.skip).toBe('auto');
    expect(underline.offset).toBeGreaterThanOrEqual(6);
  });

  test('Arabic text is set for its script: taller lines, no italics, no letter spacing, isolated Latin names', onEveryScreen, async ({ page }) => {
    await page.goto(demo.europol);
    const paragraph = page.locator('article p').nth(3);
    const [lineHeight, fontSize] = await paragraph.evaluate((el) => [parseFloat(getComputedStyle(el).lineHeight), parseFloat(getComputedStyle(el).fontSize)]);
    expect(lineHeight / fontSize!).toBeGreaterThanOrEqual(1.6);
    const styles = await page.locator('article *').evaluateAll((els) => els.map((el) => [getComputedStyle(el).fontStyle, getComputedStyle(el).letterSpacing]));
    expect(styles.filter(([style]) => style === 'italic')).toEqual([]);
    expect(styles.filter(([, spacing]) => spacing !== 'normal' && spacing !== '0px')).toEqual([]);
    // The source line "(Meridian مع أ ف ب)": the Latin name is isolated, so it keeps its place.
    expect(ar.strings.sourceCredit(publication.name, 'x')).toContain(`\u2068${publication.name}\u2069`);
  });
});
