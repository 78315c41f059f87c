import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { demoByEdition, demoStory } from './support/demo';
import { expectNoAxeViolations } from './support/axe';
import { onEveryScreen } from './support/screens';
import { editionIds, getEdition, type EditionId } from '../lib/domain/editions';
import { api, correctionsFeedPath, correctionsPath, litePath } from '../lib/domain/urls';

/**
 * Trust (issue 32, decision 027): a story's history for readers — every version, what changed,
 * word by word — redactions for a legal reason, and every correction of an edition in one
 * place, as a page and as feeds. In every edition; what the server answers runs on the
 * desktop, what a reader sees and reaches on every screen.
 */

const auth = { Authorization: 'Bearer e2e-publish-token' };
const vnu = path.resolve('node_modules/vnu-jar/build/dist/vnu.jar');

/** A story of the tests' own in each edition, and the words its two edits change. */
const fixtures: Record<EditionId, { section: string; headline: [string, string]; paragraph: [string, string]; rest: string }> = {
  en: {
    section: 'environment',
    headline: ['Ferry crossings across the strait resume from Dover', 'Ferry crossings across the strait resume from Folkestone'],
    paragraph: ['The crossing takes ninety minutes in calm weather.', 'The crossing takes two hours in calm weather.'],
    rest: 'Harbour officials said the timetable would stay the same through the winter.',
  },
  fr: {
    section: 'environnement',
    headline: ['Les traversées en ferry reprennent depuis Douvres', 'Les traversées en ferry reprennent depuis Folkestone'],
    paragraph: ['La traversée dure quatre-vingt-dix minutes par beau temps.', 'La traversée dure deux heures par beau temps.'],
    rest: 'Les services du port ont indiqué que les horaires resteraient les mêmes tout l’hiver.',
  },
  ar: {
    section: 'environment',
    headline: ['استئناف رحلات العبّارة عبر المضيق من دوفر', 'استئناف رحلات العبّارة عبر المضيق من فولكستون'],
    paragraph: ['تستغرق الرحلة تسعين دقيقة في الطقس الهادئ.', 'تستغرق الرحلة ساعتين في الطقس الهادئ.'],
    rest: 'قال مسؤولو الميناء إن مواعيد الرحلات ستبقى كما هي طوال الشتاء.',
  },
};

type Written = { id: string; path: string; status: string };

/** The story as an editor sends it: `version` 0 as first published, 1 with the headline changed, 2 with a paragraph changed too. */
function story(edition: EditionId, id: string, version: 0 | 1 | 2) {
  const fixture = fixtures[edition];
  return {
    id,
    edition,
    section: fixture.section,
    slug: id,
    headline: fixture.headline[version === 0 ? 0 : 1],
    standfirst: fixture.rest,
    authors: [{ name: 'Jonas Berg' }],
    publishedAt: '2018-05-15T10:00:00+02:00',
    mainImage: {
      src: '/images/demo/coast-wind.jpg',
      alt: 'A calm sea under a pale sky',
      width: 2000,
      height: 1125,
      caption: 'A calm sea.',
      credit: 'Meridian',
      kind: 'illustration',
    },
    body: [
      { type: 'paragraph', content: [{ type: 'text', text: fixture.paragraph[version === 2 ? 1 : 0] }] },
      { type: 'paragraph', content: [{ type: 'text', text: fixture.rest }] },
    ],
  };
}

async function publish(request: APIRequestContext, body: unknown): Promise<Written> {
  const answer = await request.post(api.articles(), { data: JSON.stringify(body), headers: { ...auth, 'Content-Type': 'application/json' } });
  expect(answer.status(), await answer.text()).toBeLessThan(300);
  return (await answer.json()) as Written;
}

/** A story published, then edited twice: its address and its history's. */
async function storyEditedTwice(request: APIRequestContext, edition: EditionId, id: string) {
  await publish(request, story(edition, id, 0));
  await publish(request, story(edition, id, 1));
  const written = await publish(request, story(edition, id, 2));
  return { ...written, history: `${written.path}/history` };
}

const uniqueId = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

/** The W3C checker on pages as a crawler gets them. */
function expectValidHtml(pages: { name: string; html: string }[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vnu-history-'));
  const files = pages.map((page, index) => {
    const file = path.join(dir, `${index}.html`);
    fs.writeFileSync(file, page.html);
    return file;
  });
  const result = spawnSync('java', ['-jar', vnu, '--errors-only', '--format', 'json', ...files], { encoding: 'utf8' });
  expect(result.error, 'Java is needed to run the checker (.ci/run installs it)').toBeUndefined();
  const messages = (JSON.parse(result.stderr || '{"messages":[]}') as { messages: { url: string; message: string }[] }).messages;
  expect(messages.map((m) => `${pages[files.findIndex((f) => m.url.endsWith(path.basename(f)))]?.name}: ${m.message}`)).toEqual([]);
}

for (const edition of editionIds) {
  const { strings } = getEdition(edition);
  const fixture = fixtures[edition];
  const [oldWord, newWord] = [fixture.headline[0].split(' ').at(-1)!, fixture.headline[1].split(' ').at(-1)!];

  test.describe(`a story's history (${edition})`, () => {
    test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name !== 'desktop', 'what the server answers: once is enough'));

    test('a story edited twice shows both changes, words struck and added; a redacted version shows its reason and none of its text', async ({
      page,
      request,
    }) => {
      const id = uniqueId('history');
      const written = await storyEditedTwice(request, edition, id);

      // The story's "Updated" line leads to its history.
      await page.goto(written.path);
      await page.getByRole('link', { name: strings.historyLink }).click();
      await expect(page).toHaveURL(written.history);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(strings.historyTitle);

      // Newest first: version 3 changed a paragraph, version 2 the headline, version 1 as first published.
      const versions = page.locator('main ol[reversed] > li');
      await expect(versions).toHaveCount(3);
      await expect(versions.nth(0).getByRole('heading', { level: 2 })).toContainText(strings.historyVersion(3));
      await expect(versions.nth(0).getByRole('heading', { level: 2 })).toContainText(strings.historyCurrent);
      const [ninety, two] = [fixture.paragraph[0], fixture.paragraph[1]];
      await expect(versions.nth(0).locator('del')).toHaveCount(1);
      await expect(versions.nth(0).locator('ins')).toHaveCount(1);
      const struck = (await versions.nth(0).locator('del').innerText()).replace(strings.historyRemoved.trim(), '').trim();
      const added = (await versions.nth(0).locator('ins').innerText()).replace(strings.historyAdded.trim(), '').trim();
      expect(ninety.replace(struck, added)).toBe(two);
      await expect(versions.nth(1).locator('del')).toHaveText(`${strings.historyRemoved}${oldWord}`, { useInnerText: false });
      await expect(versions.nth(1).locator('ins')).toHaveText(`${strings.historyAdded}${newWord}`, { useInnerText: false });
      await expect(versions.nth(1)).toContainText(strings.historyChanges.headline);
      await expect(versions.nth(2)).toContainText(strings.historyFirst);
      await expect(versions.nth(2).locator('time')).toHaveAttribute('datetime', '2018-05-15T10:00:00+02:00');
      // Not for search engines: the story is the page to find.
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);

      // Redacted for a legal reason: the fact and the reason stay, the words go, from the page and the API.
      const reason = 'Court order of 3 December 2026';
      const refused = await request.post(api.redaction(id, 3), { data: { reason }, headers: auth });
      expect(refused.status()).toBe(409);
      expect((await request.post(api.redaction(id, 1), { data: { reason: '' }, headers: auth })).status()).toBe(400);
      expect((await request.post(api.redaction(id, 1), { data: { reason } })).status()).toBe(401);
      expect((await request.post(api.redaction(id, 9), { data: { reason }, headers: auth })).status()).toBe(404);
      const redacted = await request.post(api.redaction(id, 1), { data: { reason }, headers: auth });
      expect(redacted.status()).toBe(200);
      expect(await redacted.json()).toMatchObject({ n: 1, redaction: { reason }, story: null });

      const history = await request.get(written.history);
      expect(history.status()).toBe(200);
      const html = await history.text();
      expect(html).toContain(reason);
      expect(html).not.toContain(oldWord);
      const listed = await request.get(api.versions(id), { headers: auth });
      expect(listed.status()).toBe(200);
      const body = (await listed.json()) as { versions: { n: number; current: boolean; redaction?: { reason: string } }[] };
      expect(body.versions.map((v) => [v.n, v.current, v.redaction?.reason ?? null])).toEqual([
        [1, false, reason],
        [2, false, null],
        [3, true, null],
      ]);
      expect(JSON.stringify(body)).not.toContain(oldWord);
      expect((await request.get(api.versions(id))).status()).toBe(401);

      // The W3C checker, on the history and on the corrections page.
      const corrections = await request.get(correctionsPath(edition));
      expectValidHtml([
        { name: written.history, html },
        { name: correctionsPath(edition), html: await corrections.text() },
      ]);

      // A lite version, like every reader page; then withdrawn, the history is gone with the story.
      const lite = await request.get(litePath(written.history));
      expect(lite.status()).toBe(200);
      expect(await lite.text()).toContain('<del>');
      expect((await request.delete(api.article(id), { headers: auth })).status()).toBe(200);
      expect((await request.get(written.history, { maxRedirects: 0 })).status()).toBe(410);
    });

    test('a story never changed has no link to a history; a moved story’s history follows it', async ({ page, request }) => {
      const id = uniqueId('unchanged');
      const written = await publish(request, story(edition, id, 0));
      await page.goto(written.path);
      await expect(page.getByRole('link', { name: strings.historyLink })).toHaveCount(0);
      const moved = await publish(request, { ...story(edition, id, 1), slug: `${id}-moved` });
      const answer = await request.get(`${written.path}/history`, { maxRedirects: 0 });
      expect(answer.status()).toBe(301);
      expect(answer.headers().location).toContain(`${moved.path}/history`);
    });

    test('the corrections page and its feeds list the demo correction, linked to its story', async ({ page, request }) => {
      const demo = demoByEdition[edition];
      const europol = await demoStory(demo.europolFile);
      const correction = europol.corrections[0]!;
      await page.goto(correctionsPath(edition));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(strings.correctionsTitle);
      const item = page.locator('main ol > li', { hasText: correction.text });
      await expect(item).toHaveCount(1);
      await expect(item.getByRole('link')).toHaveAttribute('href', demo.europol);
      await expect(page.locator('head > link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
        'href',
        new RegExp(`${correctionsFeedPath(edition, 'atom')}$`),
      );
      for (const format of ['rss', 'atom'] as const) {
        const feed = await request.get(correctionsFeedPath(edition, format));
        expect(feed.status()).toBe(200);
        expect(feed.headers()['content-type']).toContain(format === 'rss' ? 'application/rss+xml' : 'application/atom+xml');
        const xml = await feed.text();
        expect(xml).toContain(correction.text);
        expect(xml).toContain(demo.europol);
      }
      // In the sitemap of the edition's pages.
      expect(await (await request.get(`/sitemaps/${edition}/pages.xml`)).text()).toContain(correctionsPath(edition));
    });
  });

  test(`the history and corrections pages are accessible (${edition})`, onEveryScreen, async ({ page, request }, testInfo) => {
    const written = await storyEditedTwice(request, edition, uniqueId(`a11y-${testInfo.project.name}`));
    for (const path of [written.history, correctionsPath(edition)]) {
      await page.goto(path);
      await expectNoAxeViolations(page);
      await expectNoOverflow(page);
    }
  });
}

/** Readable on a phone: nothing wider than the screen. */
async function expectNoOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}
