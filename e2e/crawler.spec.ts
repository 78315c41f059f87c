import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import sharp from 'sharp';
import { importStory, storyFile, testStoryImage } from './support/content';
import { authorName, demoByEdition, demoPath, demoStory, frontMatter, publishedDemoStories, sectionName } from './support/demo';
import { defaultEditionId, editionIds, getEdition } from '../lib/domain/editions';
import { publication } from '../lib/domain/site-config';
import { slugify } from '../lib/domain/slug';
import {
  aboutPath,
  articlePath,
  authorPath,
  editionPath,
  correctionsFeedPath,
  feedPath,
  pageHref,
  searchPath,
  sectionPath,
  sitemapIndexPath,
  sitemapPath,
  tagPath,
} from '../lib/domain/urls';

/**
 * What a search engine's crawler gets, in every edition: it runs no JavaScript and reads the
 * HTML, the sitemaps and the feeds. These checks run once, in the desktop project; expectations
 * come from the edition's config and the demo stories' files.
 */

const googlebot = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';
const origin = process.env.E2E_ORIGIN ?? `http://localhost:${process.env.E2E_PORT ?? 3100}`;

test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'crawlers have no screen: once is enough');
});

test.use({ userAgent: googlebot, javaScriptEnabled: false });

async function headOf(page: Page, path: string) {
  const response = await page.goto(path);
  const meta = async (selector: string) => page.locator(`head > ${selector}`).first().getAttribute('content');
  return { status: response?.status(), meta };
}

async function jsonLd(page: Page): Promise<Record<string, any>[]> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.flatMap((text) => JSON.parse(text));
}

async function parseXml(page: Page, xml: string) {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'application/xml');
    if (doc.querySelector('parsererror')) return null;
    const all = (name: string) => Array.from(doc.getElementsByTagName(name)).map((el) => el.textContent ?? '');
    return {
      root: doc.documentElement.localName,
      namespace: doc.documentElement.namespaceURI,
      locs: all('loc'),
      lastmods: all('lastmod'),
      imageLocs: Array.from(doc.getElementsByTagNameNS('http://www.google.com/schemas/sitemap-image/1.1', 'loc')).map((el) => el.textContent ?? ''),
      news: Array.from(doc.getElementsByTagNameNS('http://www.google.com/schemas/sitemap-news/0.9', 'news')).map((el) => ({
        name: el.getElementsByTagNameNS('http://www.google.com/schemas/sitemap-news/0.9', 'name')[0]?.textContent,
        language: el.getElementsByTagNameNS('http://www.google.com/schemas/sitemap-news/0.9', 'language')[0]?.textContent,
        date: el.getElementsByTagNameNS('http://www.google.com/schemas/sitemap-news/0.9', 'publication_date')[0]?.textContent,
        title: el.getElementsByTagNameNS('http://www.google.com/schemas/sitemap-news/0.9', 'title')[0]?.textContent,
      })),
      items: Array.from(doc.querySelectorAll('item, entry')).map((el) => ({
        title: el.querySelector('title')?.textContent ?? '',
        link: el.querySelector('link')?.textContent || el.querySelector('link')?.getAttribute('href') || '',
        description: el.querySelector('description, summary')?.textContent ?? '',
      })),
    };
  }, xml);
}

/** What a feed reader shows for an HTML title: the text, entities decoded once. */
function decodeHtml(html: string): string {
  return html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

async function expectOk(request: APIRequestContext, url: string) {
  const response = await request.get(url, { maxRedirects: 0 });
  expect(response.status(), url).toBe(200);
  return response;
}

for (const id of editionIds) {
  const edition = getEdition(id);
  const { strings } = edition;
  const demo = demoByEdition[id];
  const story = () => demoStory(demo.europolFile);
  const sectionSlug = demo.section.split('/').at(-1)!;
  const inSection = publishedDemoStories(id).filter((s) => s.section === sectionSlug).length;

  test.describe(`the HTML of a story, as a crawler reads it (${id})`, () => {
    test('carries title, description, canonical, Open Graph, Twitter and robots in <head>', async ({ page }) => {
      const article = await story();
      const { status, meta } = await headOf(page, demo.europol);
      expect(status).toBe(200);
      await expect(page).toHaveTitle(`${article.headline} - ${publication.name}`);
      expect(await meta('meta[name="description"]')).toBe(article.standfirst);
      await expect(page.locator('head > link[rel="canonical"]')).toHaveAttribute('href', `${origin}${demo.europol}`);
      expect(await meta('meta[property="og:type"]')).toBe('article');
      expect(await meta('meta[property="og:url"]')).toBe(`${origin}${demo.europol}`);
      expect(await meta('meta[property="og:locale"]')).toBe(edition.ogLocale);
      expect(await meta('meta[property="article:published_time"]')).toBe(article.publishedAt);
      expect(await meta('meta[property="article:modified_time"]')).toBe(article.updatedAt ?? article.publishedAt);
      expect(await meta('meta[property="article:section"]')).toBe(sectionName(id, article.section));
      expect(await page.locator('head > meta[property="article:tag"]').evaluateAll((els) => els.map((e) => e.getAttribute('content')))).toEqual(article.tags);
      expect(Number(await meta('meta[property="og:image:width"]'))).toBeGreaterThanOrEqual(1200);
      expect(Number(await meta('meta[property="og:image:height"]'))).toBeGreaterThan(0);
      expect(await meta('meta[name="twitter:card"]')).toBe('summary_large_image');
      expect(await meta('meta[name="robots"]')).toContain('max-image-preview:large');
      await expect(page.locator('body meta, body title')).toHaveCount(0);
    });

    test('carries the same <head> for a browser as for a crawler', async ({ browser }) => {
      const context = await browser.newContext({
        javaScriptEnabled: false,
        userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36',
      });
      const page = await context.newPage();
      await page.goto(demo.europol);
      await expect(page.locator('head > meta[property="og:type"]')).toHaveAttribute('content', 'article');
      await expect(page.locator('head > link[rel="canonical"]')).toHaveCount(1);
      await context.close();
    });

    test('describes itself in JSON-LD as a NewsArticle with its crops, people, publisher and breadcrumbs', async ({ page, request }) => {
      const expected = await story();
      await page.goto(demo.europol);
      const data = await jsonLd(page);
      const article = data.find((d) => d['@type'] === 'NewsArticle')!;
      expect(article['@context']).toBe('https://schema.org');
      expect(article.headline.length).toBeLessThanOrEqual(110);
      expect(article.datePublished).toBe(expected.publishedAt);
      expect(article.dateModified).toBe(expected.updatedAt ?? expected.publishedAt);
      expect(article.mainEntityOfPage['@id']).toBe(`${origin}${demo.europol}`);
      expect(article.articleSection).toBe(sectionName(id, expected.section));
      expect(article.inLanguage).toBe(edition.lang);
      expect(article.isAccessibleForFree).toBe(true);
      expect(article.author).toEqual(expected.authors.map((a) => ({ '@type': 'Person', name: a.name, url: `${origin}${authorPath(id, a.slug)}` })));
      for (const author of article.author) await expectOk(request, author.url);
      expect(article.publisher['@type']).toBe('NewsMediaOrganization');
      expect(article.publisher.name).toBe(publication.name);
      await expectOk(request, article.publisher.logo.url);

      // 16:9, 4:3 and 1:1, each served at the size it claims, as wide as the 2000 × 1125 source allows.
      const ratios = article.image.map((image: { width: string; height: string }) => (Number(image.width) / Number(image.height)).toFixed(2));
      expect(ratios).toEqual(['1.78', '1.33', '1.00']);
      for (const image of article.image) {
        const response = await expectOk(request, image.url);
        expect(response.headers()['content-type']).toBe('image/jpeg');
        const { width, height } = await sharp(await response.body()).metadata();
        expect([width, height]).toEqual([Number(image.width), Number(image.height)]);
        expect(width).toBeGreaterThanOrEqual(Math.min(1200, 1125)); // the 1:1 crop is bounded by the source's height
      }
      expect(Number(article.image[0].width)).toBeGreaterThanOrEqual(1200);
      expect(Number(article.image[1].width)).toBeGreaterThanOrEqual(1200);

      const breadcrumbs = data.find((d) => d['@type'] === 'BreadcrumbList')!;
      expect(breadcrumbs.itemListElement.map((i: { name: string }) => i.name)).toEqual([strings.home, sectionName(id, expected.section), article.headline]);
    });
  });

  test.describe(`the other pages, as a crawler reads them (${id})`, () => {
    const europol = frontMatter(demo.europolFile);
    for (const path of [
      editionPath(id),
      demo.section,
      tagPath(id, slugify(europol.tags[0]!)),
      authorPath(id, slugify(authorName(europol.authors[0]!))),
      aboutPath(id),
    ]) {
      test(`${decodeURIComponent(path)} has its canonical, description, share card, locale and robots in <head>`, async ({ page }) => {
        const { status, meta } = await headOf(page, path);
        expect(status).toBe(200);
        await expect(page.locator('head > link[rel="canonical"]')).toHaveAttribute('href', `${origin}${path}`);
        expect((await meta('meta[name="description"]'))?.length).toBeGreaterThan(10);
        expect(await meta('meta[property="og:type"]')).toBe('website');
        expect(await meta('meta[property="og:locale"]')).toBe(edition.ogLocale);
        expect(Number(await meta('meta[property="og:image:width"]'))).toBeGreaterThanOrEqual(1200);
        expect(await meta('meta[name="twitter:card"]')).toBe('summary_large_image');
        expect(await meta('meta[name="robots"]')).toContain('index');
        expect(await meta('meta[name="robots"]')).not.toContain('noindex');
      });
    }

    test('page 2 of a section is its own canonical page', async ({ page }) => {
      test.skip(inSection <= 4, 'this edition’s section fits on one page');
      const second = pageHref(demo.section, 2);
      await page.goto(second);
      await expect(page.locator('head > link[rel="canonical"]')).toHaveAttribute('href', `${origin}${second}`);
    });

    test('the home front describes the site, its search and its publisher', async ({ page }) => {
      await page.goto(editionPath(id));
      const data = await jsonLd(page);
      const site = data.find((d) => d['@type'] === 'WebSite')!;
      expect(site.inLanguage).toBe(edition.lang);
      expect(site.potentialAction['@type']).toBe('SearchAction');
      expect(site.potentialAction.target.urlTemplate).toBe(`${origin}${searchPath(id)}?q={search_term_string}`);
      expect(site.potentialAction['query-input']).toBe('required name=search_term_string');
      expect(data.find((d) => d['@type'] === 'NewsMediaOrganization')?.logo.url).toBe(`${origin}${publication.logo.src}`);
    });

    test('a section front has its breadcrumb trail', async ({ page }) => {
      await page.goto(demo.section);
      const breadcrumbs = (await jsonLd(page)).find((d) => d['@type'] === 'BreadcrumbList')!;
      expect(breadcrumbs.itemListElement.map((i: { item: string }) => i.item)).toEqual([`${origin}${editionPath(id)}`, `${origin}${demo.section}`]);
      expect(breadcrumbs.itemListElement.map((i: { name: string }) => i.name)).toEqual([strings.home, sectionName(id, sectionSlug)]);
    });

    for (const [what, path, status] of [
      ['not-found', `${demo.section}/20180427-no-such-story`, 404],
      ['gone', demo.withdrawn, 410],
      ['search results', searchPath(id, { q: 'europe' }), 200],
    ] as const) {
      test(`the ${what} page is not to be indexed`, async ({ page }) => {
        const { status: actual, meta } = await headOf(page, path);
        expect(actual).toBe(status);
        expect(await meta('meta[name="robots"]')).toContain('noindex');
      });
    }

    test('pages advertise the feeds that match them', async ({ page, request }) => {
      await page.goto(editionPath(id));
      const homeFeeds = await page.locator('head > link[rel="alternate"][type]').evaluateAll((links) => links.map((l) => l.getAttribute('href')));
      // The edition's latest stories, and its corrections (issue 32), in both formats.
      expect(homeFeeds).toEqual(
        expect.arrayContaining([
          `${origin}${feedPath(id, 'rss')}`,
          `${origin}${feedPath(id, 'atom')}`,
          `${origin}${correctionsFeedPath(id, 'rss')}`,
          `${origin}${correctionsFeedPath(id, 'atom')}`,
        ]),
      );
      for (const feed of homeFeeds) await expectOk(request, feed!);
      await page.goto(demo.section);
      const feeds = await page.locator('head > link[rel="alternate"][type]').evaluateAll((links) => links.map((l) => l.getAttribute('href')));
      expect(feeds).toEqual(
        expect.arrayContaining([
          `${origin}${feedPath(id, 'rss', sectionSlug)}`,
          `${origin}${feedPath(id, 'atom', sectionSlug)}`,
          `${origin}${feedPath(id, 'rss')}`,
        ]),
      );
      for (const feed of feeds) await expectOk(request, feed!);
    });
  });

  test.describe(`sitemaps and feeds (${id})`, () => {
    test('the month sitemap links a translated story to its translations (hreflang), itself and x-default included', async ({ request }) => {
      // Compared with empty elements written one way (xmlbuilder2 puts a space before "/>").
      const xml = (await (await expectOk(request, sitemapPath(id, 'stories-2018-04.xml'))).text()).replace(/\s*\/>/g, '/>');
      expect(xml).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
      for (const other of editionIds) {
        expect(xml).toContain(`<xhtml:link rel="alternate" hreflang="${getEdition(other).lang}" href="${origin}${demoByEdition[other].europol}"/>`);
      }
      expect(xml).toContain(`<xhtml:link rel="alternate" hreflang="x-default" href="${origin}${demoByEdition[defaultEditionId].europol}"/>`);
      // The homes link to one another in pages.xml.
      const pages = (await (await expectOk(request, sitemapPath(id, 'pages.xml'))).text()).replace(/\s*\/>/g, '/>');
      for (const other of editionIds) expect(pages).toContain(`hreflang="${getEdition(other).lang}" href="${origin}${editionPath(other)}"`);
    });

    test('the Google News sitemap lists the stories of the last two days with their publication details', async ({ page, request }) => {
      const publishedAt = new Date(Date.now() - 60 * 60 * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
      const slug = `e2e-fresh-wetland-count-${id}`;
      const imported = importStory(
        storyFile(
          {
            id: `e2e-fresh-story-${id}`,
            edition: id,
            section: demo.testSection,
            slug,
            headline: 'Volunteers count wading birds on a restored wetland',
            standfirst: 'A morning census on a marsh that was farmland ten years ago.',
            authors: '[Ines Moreau]',
            publishedAt,
            mainImage: testStoryImage,
          },
          'Volunteers walked the dykes at dawn.\n\n## A first count\n\nThey found more birds than expected.\n\n## What comes next\n\nAnother count in autumn.',
        ),
      );
      expect(imported.status, imported.output).toBe(0);
      const news = await parseXml(page, await (await expectOk(request, sitemapPath(id, 'news.xml'))).text());
      expect(news?.namespace).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
      const fresh = `${origin}${articlePath({ edition: id, section: demo.testSection, slug, publishedAt })}`;
      expect(news?.locs).toContain(fresh);
      expect(news?.locs).not.toContain(`${origin}${demo.europol}`); // from 2018: not news any more
      const entry = news!.news[news!.locs.indexOf(fresh)]!;
      expect(entry).toEqual({
        name: publication.name,
        language: edition.lang,
        date: publishedAt,
        title: 'Volunteers count wading birds on a restored wetland',
      });
      expect(news!.locs.length).toBeLessThanOrEqual(1000);
      await expectOk(request, fresh);
    });

    test('the RSS and Atom feeds carry the latest published stories in the edition’s language, and never a withdrawn one', async ({ page, request }) => {
      for (const path of [feedPath(id, 'rss'), feedPath(id, 'atom'), feedPath(id, 'rss', 'europe'), feedPath(id, 'atom', 'europe')]) {
        const response = await expectOk(request, path);
        const rss = path.endsWith('rss.xml');
        expect(response.headers()['content-type']).toMatch(rss ? /application\/rss\+xml/ : /application\/atom\+xml/);
        const text = await response.text();
        expect(text).toContain(rss ? `<language>${edition.lang}</language>` : `xml:lang="${edition.lang}"`);
        const feed = await parseXml(page, text);
        expect(feed, path).not.toBeNull();
        expect(feed!.root).toBe(rss ? 'rss' : 'feed');
        expect(feed!.items.length).toBeGreaterThan(0);
        expect(feed!.items.length).toBeLessThanOrEqual(30);
        const links = feed!.items.map((i) => i.link);
        expect(links).not.toContain(`${origin}${demo.withdrawn}`);
        if (path.includes('/europe/')) {
          expect(links).toContain(`${origin}${demo.europol}`);
          expect(links.every((l) => l.startsWith(`${origin}${sectionPath(id, 'europe')}/`))).toBe(true);
        }
      }
      expect((await request.get(feedPath(id, 'rss', 'asia'))).status()).toBe(404);
    });

    test('a feed reader (Python’s feedparser, from Debian) reads both feeds without error: bylines, and pictures with their true type and length', async ({
      request,
    }, testInfo) => {
      test.skip(!feedparser, 'needs python3-feedparser');
      const demoStories = publishedDemoStories(id);
      for (const path of [feedPath(id, 'rss'), feedPath(id, 'atom')]) {
        const file = testInfo.outputPath(path.replaceAll('/', '-'));
        fs.writeFileSync(file, await (await expectOk(request, path)).body());
        const read = spawnSync('/usr/bin/python3', ['-c', feedparserReport, file], { encoding: 'utf8' });
        expect(read.status, read.stderr).toBe(0);
        const feed = JSON.parse(read.stdout) as FeedparserReport;
        expect(feed.bozo, `${path}: ${feed.bozoException}`).toBe(false);
        expect(feed.entries.length).toBeGreaterThan(0);
        if (path.endsWith('atom.xml')) expect(feed.author).toBe(publication.name);
        for (const entry of feed.entries) {
          const demoStory = demoStories.find((s) => entry.link.endsWith(demoPath(id, s)));
          // A byline on every story; a demo story's are those of its file.
          expect(entry.authors.length, entry.link).toBeGreaterThan(0);
          if (demoStory) expect(entry.authors).toEqual(demoStory.authors.map(authorName));
          expect(entry.enclosures, entry.link).toHaveLength(1);
          const [enclosure] = entry.enclosures;
          const picture = await request.get(new URL(enclosure!.href).pathname);
          expect(picture.status()).toBe(200);
          expect(enclosure!.type).toBe(picture.headers()['content-type']);
          expect(Number(enclosure!.length)).toBe((await picture.body()).length);
        }
      }
    });
  });
}

test('cuts a long headline for structured data at a word', async ({ page }) => {
  await page.goto(demoByEdition.en.renamed);
  const article = (await jsonLd(page)).find((d) => d['@type'] === 'NewsArticle')!;
  expect(article.headline.length).toBeLessThanOrEqual(110);
});

test.describe('robots and the sitemap index', () => {
  test('robots.txt names the sitemap index and every edition’s news sitemap', async ({ request }) => {
    const text = await (await expectOk(request, '/robots.txt')).text();
    expect(text).toContain(`Sitemap: ${origin}${sitemapIndexPath}`);
    for (const id of editionIds) expect(text).toContain(`Sitemap: ${origin}${sitemapPath(id, 'news.xml')}`);
  });

  test('the sitemap index and every sitemap are well-formed, and every URL in them answers 200', async ({ page, request }) => {
    test.setTimeout(120_000);
    const index = await parseXml(page, await (await expectOk(request, sitemapIndexPath)).text());
    expect(index?.root).toBe('sitemapindex');
    expect(index?.namespace).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    for (const id of editionIds) {
      expect(index?.locs).toEqual(
        expect.arrayContaining([
          `${origin}${sitemapPath(id, 'pages.xml')}`,
          `${origin}${sitemapPath(id, 'news.xml')}`,
          `${origin}${sitemapPath(id, 'stories-2018-04.xml')}`,
        ]),
      );
    }
    const urls: string[] = [];
    for (const loc of index!.locs) {
      const sitemap = await parseXml(page, await (await expectOk(request, loc)).text());
      expect(sitemap, loc).not.toBeNull();
      expect(sitemap!.root).toBe('urlset');
      expect(sitemap!.locs.length).toBeLessThanOrEqual(50_000);
      if (loc.includes('/stories-')) {
        expect(sitemap!.lastmods).toHaveLength(sitemap!.locs.length);
        expect(sitemap!.imageLocs).toHaveLength(sitemap!.locs.length);
        for (const image of sitemap!.imageLocs) urls.push(image);
      }
      urls.push(...sitemap!.locs.filter((l) => !sitemap!.imageLocs.includes(l)));
    }
    for (const id of editionIds) {
      const demo = demoByEdition[id];
      expect(urls).toContain(`${origin}${demo.europol}`);
      expect(urls).not.toContain(`${origin}${demo.withdrawn}`);
      expect(urls).not.toContain(`${origin}${demo.renamedOld}`);
    }
    for (const url of new Set(urls)) await expectOk(request, url);
  });
});

test('a crawl from the home page finds no broken internal link', async ({ page, request }) => {
  test.setTimeout(180_000);
  const seen = new Set<string>([editionPath(defaultEditionId)]);
  const queue = [editionPath(defaultEditionId)];
  const broken: string[] = [];
  while (queue.length && seen.size < 400) {
    const path = queue.shift()!;
    const response = await request.get(path, { maxRedirects: 0 });
    if (response.status() !== 200) {
      broken.push(`${response.status()} ${path}`);
      continue;
    }
    if (!response.headers()['content-type']?.includes('text/html')) continue;
    await page.setContent(await response.text());
    const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    for (const href of hrefs) {
      if (!href.startsWith('/') || href.startsWith('//')) continue;
      const target = href.split('#')[0]!;
      if (target && !seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  expect(broken).toEqual([]);
  expect(seen.size).toBeGreaterThan(40);
});

test.describe('hostile content', () => {
  const hostileHeadline = 'Storm warning </script><script>alert(1)</script> for the coast';
  const hostileFrontMatter = {
    id: 'e2e-hostile-story',
    edition: 'en',
    section: 'environment',
    slug: 'e2e-storm-warning',
    headline: JSON.stringify(hostileHeadline),
    standfirst: JSON.stringify('A standfirst with <img src=x onerror=alert(2)> markup.'),
    authors: '[Tom Hartley]',
    publishedAt: '2017-01-10T09:00:00Z',
    tags: '["<b>bold</b> tag"]',
    mainImage: testStoryImage,
  };

  test('a headline that tries to close the script renders inert in the page, the JSON-LD and the feeds', async ({ page, request }) => {
    const imported = importStory(
      storyFile(
        hostileFrontMatter,
        'Text with a [link](https://example.com/?q=</script><script>alert(3)</script>) and <!-- --> nothing else.\n\n## One\n\nMore.\n\n## Two\n\nEnd.',
      ),
    );
    // The HTML comment is raw HTML: refused, and nothing written.
    expect(imported.status).toBe(1);
    expect(imported.output).toContain('raw HTML is not allowed');

    const accepted = importStory(
      storyFile(hostileFrontMatter, 'Text with a [link](https://example.com/?q=</script><script>alert(3)</script>).\n\n## One\n\nMore.\n\n## Two\n\nEnd.'),
    );
    expect(accepted.status, accepted.output).toBe(0);

    const dialogs: string[] = [];
    const context = await page.context().browser()!.newContext({ javaScriptEnabled: true });
    const browserPage = await context.newPage();
    browserPage.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    const url = '/en/environment/20170110-e2e-storm-warning';
    await browserPage.goto(url);
    await expect(browserPage.locator('h1')).toHaveText(hostileHeadline);
    await expect(browserPage.getByText('A standfirst with <img src=x onerror=alert(2)> markup.')).toBeVisible();
    const articleData = (await jsonLd(browserPage)).find((d) => d['@type'] === 'NewsArticle')!;
    expect(articleData.headline).toBe(hostileHeadline);
    expect(dialogs).toEqual([]);
    await context.close();

    const html = await (await expectOk(request, url)).text();
    expect(html).not.toContain('<script>alert(');
    expect(html).not.toContain('<img src=x');

    for (const feedPath of ['/en/feeds/environment/rss.xml', '/en/feeds/environment/atom.xml']) {
      const text = await (await expectOk(request, feedPath)).text();
      expect(text).not.toContain('<script>alert(');
      const feed = await parseXml(page, text);
      const item = feed!.items.find((i) => i.link.endsWith('e2e-storm-warning'))!;
      // Titles and descriptions are HTML to feed readers: they arrive escaped, and read as the text itself.
      expect(decodeHtml(item.title)).toBe(hostileHeadline);
      expect(item.description).toContain('&lt;img src=x');
    }
  });

  test('a link that would run script is refused at import with the file, line and field', async () => {
    const result = importStory(
      storyFile(
        {
          id: 'e2e-script-link',
          edition: 'en',
          section: 'environment',
          slug: 'e2e-script-link',
          headline: 'A story with a bad link',
          standfirst: 'Should never be stored.',
          authors: '[Tom Hartley]',
          publishedAt: '2017-01-11T09:00:00Z',
          mainImage: testStoryImage,
        },
        'Click [here](javascript:alert(document.cookie)).\n\n## One\n\nMore.',
      ),
    );
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/story\.md:13 \[body\.0\.content\.1\.href\]: must be an http\(s\) or mailto URL/);
  });
});

const feedparser = spawnSync('/usr/bin/python3', ['-c', 'import feedparser']).status === 0;

type FeedparserReport = {
  bozo: boolean;
  bozoException: string;
  author: string | null;
  entries: { link: string; authors: string[]; enclosures: { href: string; type: string; length: string }[] }[];
};

/** What feedparser makes of a feed file: whether it is well-formed (bozo), the feed's author, each entry's authors and enclosures. */
const feedparserReport = `
import feedparser, json, sys
d = feedparser.parse(sys.argv[1])
print(json.dumps({
  'bozo': bool(d.bozo),
  'bozoException': str(d.get('bozo_exception', '')),
  'author': d.feed.get('author_detail', {}).get('name'),
  'entries': [{
    'link': e.get('link', ''),
    'authors': [a.get('name') for a in e.get('authors', [])],
    'enclosures': [{'href': x.get('href'), 'type': x.get('type'), 'length': x.get('length')} for x in e.get('enclosures', [])],
  } for e in d.entries],
}))
`;
