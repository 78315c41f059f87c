import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { demoByEdition, frontMatter, sectionName } from './support/demo';
import { editionIds, getEdition } from '../lib/domain/editions';
import { slugify } from '../lib/domain/slug';
import { aboutPath, authorPath, editionPath, searchPath, tagPath } from '../lib/domain/urls';
import { onEveryScreen } from './support/screens';

/** Every page kind of every edition, on every screen width; expectations from the edition config. */

const pages = editionIds.flatMap((id) => {
  const demo = demoByEdition[id];
  const story = frontMatter(demo.europolFile);
  const author = story.authors[0]!;
  return [
    editionPath(id),
    demo.section,
    tagPath(id, slugify(story.tags[0]!)),
    authorPath(id, slugify(typeof author === 'string' ? author : author.name)),
    searchPath(id, { q: demo.searchWord }),
    aboutPath(id),
    demo.europol,
    `${demo.section}/20180427-no-such-story`,
  ];
});

test.describe('every page kind on every screen', () => {
  for (const width of [320, 375, 768, 1024, 1440]) {
    test(`fits ${width} pixels without horizontal scrolling, and keeps pictures inside the screen`, onEveryScreen, async ({ page }, testInfo) => {
      test.skip(testInfo.project.name !== 'desktop', 'widths are set here; one browser project is enough');
      await page.setViewportSize({ width, height: 900 });
      for (const path of pages) {
        await page.goto(path);
        const { overflow, widestImage, leftmostImage, viewport } = await page.evaluate(() => ({
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          widestImage: Math.max(0, ...Array.from(document.images, (img) => img.getBoundingClientRect().right)),
          leftmostImage: Math.min(0, ...Array.from(document.images, (img) => img.getBoundingClientRect().left)),
          viewport: document.documentElement.clientWidth,
        }));
        expect(overflow, `${path} at ${width}px`).toBeLessThanOrEqual(0);
        expect(widestImage, `${path} at ${width}px`).toBeLessThanOrEqual(viewport + 0.5);
        // A right-to-left page overflows on the left: nothing may start off the screen there either.
        expect(leftmostImage, `${path} at ${width}px`).toBeGreaterThanOrEqual(-0.5);
      }
    });
  }

  test('dark mode follows the reader’s system setting', onEveryScreen, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(demoByEdition.en.europol);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(18, 20, 23)');
    await context.close();
  });
});

for (const id of editionIds) {
  const { strings } = getEdition(id);
  const demo = demoByEdition[id];

  test.describe(`the phone menu (${id})`, () => {
    test('opens and closes without JavaScript, with touch targets of at least 44 by 44 pixels', onEveryScreen, async ({ browser }, testInfo) => {
      test.skip(testInfo.project.name === 'desktop', 'phones only');
      const context = await browser.newContext({ ...testInfo.project.use, javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(editionPath(id));
      const menu = page.locator('summary', { hasText: strings.menu });
      const sections = `details nav[aria-label="${strings.siteNavigationLabel}"] a`;
      const sectionSlug = demo.section.split('/').at(-1)!;
      const sectionLink = page.locator(sections, { hasText: sectionName(id, sectionSlug) });
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
      await expect(page).toHaveURL(new URL(demo.section, page.url()).href);
      await context.close();
    });
  });
}

test.describe('the header while the document arrives', () => {
  // The browser paints what it has of a document while the rest is on its way (its parser also
  // yields every 10 ms). Here the page is sent in two parts, cut after each tag of the header in
  // turn, the second 150 ms after the first: nothing painted from the first part may move when
  // the second comes. A phone gets the menu button; a desktop the search form at the bar's end.
  const cases = [
    { path: demoByEdition.en.europol, projects: ['desktop', 'iphone'] },
    { path: aboutPath('ar'), projects: ['iphone'] },
  ];
  for (const { path, projects } of cases) {
    test(`moves nothing on ${path}`, onEveryScreen, async ({ page, request }, testInfo) => {
      test.skip(!projects.includes(testInfo.project.name), `${projects.join(' and ')} only`);
      test.setTimeout(120_000);
      const html = await (await request.get(path)).text();
      const start = html.indexOf('<body');
      const end = html.indexOf('</header>');
      expect(start).toBeGreaterThan(0);
      expect(end).toBeGreaterThan(start);
      const cuts = [...html.slice(start, end).matchAll(/>/g)].map((match) => start + match.index + 1);

      // Each cut is its own address (`?cut=`), so that several pages load at once: one page per
      // cut in turn would take a minute.
      const server = http.createServer((req, res) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const cut = Number(url.searchParams.get('cut'));
        if (url.pathname !== path || !cuts.includes(cut)) return void res.writeHead(404).end();
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.write(html.slice(0, cut));
        setTimeout(() => res.end(html.slice(cut)), 150);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      const context = page.context();
      // Only the document: the CSS is in it; pictures keep their size without their bytes. The web
      // fonts are held back too: their swap (decision 020) is another matter, and the layout here is
      // that of their metric-matched fallbacks, which every machine has one of.
      await context.route('**/*', (route) => (route.request().resourceType() === 'document' ? route.continue() : route.abort()));
      await context.addInitScript(() => {
        const shifts: string[] = [];
        Object.assign(window, { shifts });
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; sources?: { node?: Node | null }[] })[]) {
            const moved = (entry.sources ?? []).map((source) =>
              source.node instanceof Element ? `${source.node.tagName}.${source.node.className}` : String(source.node?.nodeName),
            );
            shifts.push(`${entry.value.toFixed(5)} ${moved.join(' ')}`);
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      try {
        const moved: string[] = [];
        const pages = [page, ...(await Promise.all([1, 2, 3].map(() => context.newPage())))];
        const queue = [...cuts];
        await Promise.all(
          pages.map(async (tab) => {
            for (let at = queue.shift(); at !== undefined; at = queue.shift()) {
              await tab.goto(`http://127.0.0.1:${port}${path}?cut=${at}`, { waitUntil: 'domcontentloaded' });
              const shifts = await tab.evaluate(
                () =>
                  new Promise<string[]>((resolve) =>
                    requestAnimationFrame(() => requestAnimationFrame(() => resolve((window as unknown as { shifts: string[] }).shifts))),
                  ),
              );
              if (shifts.length > 0) moved.push(`cut after …${html.slice(at - 50, at)}: ${shifts.join(', ')}`);
            }
          }),
        );
        expect(moved).toEqual([]);
      } finally {
        server.close();
      }
    });
  }
});
