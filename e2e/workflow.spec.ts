import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import exifReader from 'exif-reader';
import sharp from 'sharp';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { demoByEdition, demoStory } from './support/demo';
import { expectNoAxeViolations } from './support/axe';
import { importStory, storyFile } from './support/content';
import { editionIds, getEdition } from '../lib/domain/editions';
import { formatLongDate } from '../lib/domain/format-date';
import { articlePath, searchPath } from '../lib/domain/urls';

/**
 * The newsroom's workflow (issue 16, decision 015), as editors, readers and crawlers meet it:
 * pictures uploaded through the API, stories scheduled for a time, drafts and their preview
 * links, corrections. The API tests run once, in the desktop project; what readers see runs on
 * every screen.
 */

const auth = { Authorization: 'Bearer e2e-publish-token' };
const example = JSON.parse(fs.readFileSync('content/examples/publish-article.json', 'utf8')) as Record<string, unknown> & {
  mainImage: Record<string, unknown>;
};
const { strings } = getEdition('en');

const isoSeconds = (ts: number) => new Date(ts).toISOString().replace(/\.\d{3}Z$/, 'Z');
const post = (request: APIRequestContext, body: unknown) =>
  request.post('/api/v1/articles', { data: JSON.stringify(body), headers: { ...auth, 'Content-Type': 'application/json' } });
const upload = (request: APIRequestContext, bytes: Buffer, type = 'image/jpeg') =>
  request.post('/api/v1/media', { data: bytes, headers: { ...auth, 'Content-Type': type } });

type Uploaded = { id: string; src: string; width: number; height: number; contentType: string; suggestedCredit: string | null };
type Written = { id: string; path: string; status: string; preview?: { path: string; expiresAt: string } };

/** A photo as a phone sends it: the photographer's name, a GPS position, an orientation. A colour of its own per test, so each upload is new. */
function phonePhoto(seed: number, width = 1800, height = 1200): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: seed % 256, g: (seed * 7) % 256, b: (seed * 13) % 256 } } })
    .withExif({
      IFD0: { Artist: 'Lena Hoffmann', Copyright: '© 2026 Northlight Images' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 4/1 3012/100', GPSLongitudeRef: 'E', GPSLongitude: '4/1 18/1 2700/100' },
    })
    .withMetadata({ orientation: 1 })
    .jpeg({ quality: 85 })
    .toBuffer();
}

const seed = () => Math.floor(Math.random() * 1e9);
/**
 * Each attempt's mark on the stories it writes: a store kept from an earlier run
 * (reuseExistingServer), or an earlier attempt of a retried test, already holds theirs.
 */
let run = '';
test.beforeEach(() => {
  run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
});

test.describe('editors and their photos', () => {
  test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name !== 'desktop', 'an HTTP API: once is enough'));

  test('an upload answers its address and size; the same bytes twice, the same address; served cleaned and immutable', async ({ request }) => {
    const photo = await phonePhoto(seed());
    const first = await upload(request, photo);
    expect(first.status()).toBe(201);
    const uploaded = (await first.json()) as Uploaded;
    expect(uploaded).toMatchObject({
      src: `/media/${uploaded.id}.jpg`,
      width: 1800,
      height: 1200,
      contentType: 'image/jpeg',
      suggestedCredit: 'Lena Hoffmann, Northlight Images',
    });
    // As a form, the way a browser's file picker sends it: the same picture, already there.
    const again = await request.post('/api/v1/media', { headers: auth, multipart: { file: { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: photo } } });
    expect(again.status()).toBe(200);
    expect(((await again.json()) as Uploaded).src).toBe(uploaded.src);

    const served = await request.get(uploaded.src);
    expect(served.status()).toBe(200);
    expect(served.headers()['cache-control']).toContain('immutable');
    const bytes = await served.body();
    const metadata = await sharp(bytes).metadata();
    expect([metadata.exif, metadata.xmp, metadata.iptc, metadata.width]).toEqual([undefined, undefined, undefined, 1800]);
    expect(bytes.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(false);
    // The original did carry them: this test would see them.
    expect(exifReader((await sharp(photo).metadata()).exif!).GPSInfo?.GPSLatitude).toBeDefined();

    // Resized for readers like every picture: AVIF or WebP at a layout width, clean too.
    const resized = await request.get(`/_next/image?url=${encodeURIComponent(uploaded.src)}&w=640&q=70`, { headers: { Accept: 'image/avif,image/webp' } });
    expect(resized.status()).toBe(200);
    expect(resized.headers()['content-type']).toMatch(/image\/(avif|webp)/);
    const small = await sharp(await resized.body()).metadata();
    expect([small.width, small.exif]).toEqual([640, undefined]);
  });

  test('refused uploads say why, store nothing, and never 500', async ({ request }) => {
    expect((await request.post('/api/v1/media', { data: await phonePhoto(seed()), headers: { 'Content-Type': 'image/jpeg' } })).status()).toBe(401);
    expect((await upload(request, Buffer.from('%PDF-1.4 not a picture'))).status()).toBe(415);
    expect(
      (
        await upload(
          request,
          await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } })
            .gif()
            .toBuffer(),
          'image/gif',
        )
      ).status(),
    ).toBe(415);
    expect((await request.post('/api/v1/media', { data: '{}', headers: { ...auth, 'Content-Type': 'application/json' } })).status()).toBe(415);
    const whole = await phonePhoto(seed());
    const cut = await upload(request, whole.subarray(0, whole.length / 2));
    expect(cut.status()).toBe(400);
    expect(((await cut.json()) as { error: { issues: { field: string }[] } }).error.issues[0]?.field).toBe('file');
    // A decompression bomb: a tiny PNG whose header says 60,000 × 60,000.
    const png = Buffer.from(
      await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } })
        .png()
        .toBuffer(),
    );
    png.writeUInt32BE(60_000, 16);
    png.writeUInt32BE(60_000, 20);
    png.writeUInt32BE((await import('node:zlib')).crc32(png.subarray(12, 29)), 29);
    expect((await upload(request, png, 'image/png')).status()).toBe(400);
    // Past MEDIA_MAX_BYTES (25 MB): 413, read no further.
    expect((await upload(request, Buffer.alloc(26 * 1024 * 1024, 0xff))).status()).toBe(413);
  });

  test('a story with an uploaded picture shows it at its stored size, with crops for crawlers; a story naming a picture that does not exist is refused', async ({
    request,
  }) => {
    const uploaded = (await (await upload(request, await phonePhoto(seed(), 2000, 1000))).json()) as Uploaded;
    const story = {
      ...example,
      id: `e2e-uploaded-picture-${run}`,
      slug: `e2e-uploaded-picture-${run}`,
      publishedAt: isoSeconds(Date.now() - 60_000),
      // A wrong size is replaced by the stored one: the page reserves the right room.
      mainImage: { ...example.mainImage, src: uploaded.src, width: 10, height: 10 },
    };
    const written = await post(request, story);
    expect(written.status()).toBe(201);
    const { path } = (await written.json()) as Written;
    const page = await (await request.get(path)).text();
    const img = page.match(/<img[^>]*src="[^"]*media%2F[0-9a-f]{32}\.jpg[^"]*"[^>]*>/)?.[0] ?? '';
    expect(img).toContain('width="2000"');
    expect(img).toContain('height="1000"');
    const jsonLd = page.match(/<script type="application\/ld\+json">(.*?)<\/script>/)?.[1] ?? '{}';
    const images = (JSON.parse(jsonLd) as { image: { url: string }[] }).image;
    expect(images.length).toBe(3);
    for (const image of images) {
      const crop = await request.get(new URL(image.url).pathname);
      expect(crop.status()).toBe(200);
      expect((await sharp(await crop.body()).metadata()).exif).toBeUndefined();
    }

    const missing = await post(request, {
      ...story,
      id: `e2e-missing-picture-${run}`,
      slug: `e2e-missing-picture-${run}`,
      mainImage: { ...example.mainImage, src: `/media/${'0'.repeat(32)}.jpg` },
    });
    expect(missing.status()).toBe(400);
    expect(((await missing.json()) as { error: { issues: { field: string }[] } }).error.issues.map((i) => i.field)).toEqual(['mainImage.src']);
  });
});

test.describe('the import takes pictures too', () => {
  test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name !== 'desktop', 'one import per run: the desktop project'));

  test('a picture beside a story file is cleaned, stored and shown; an unreadable one stops the import, which writes nothing', async ({ request }) => {
    const fields = {
      id: `e2e-imported-picture-${run}`,
      edition: 'en',
      section: 'environment',
      slug: `e2e-imported-picture-${run}`,
      headline: 'A harbour photographed from the lighthouse',
      standfirst: 'The picture travelled with the story file.',
      authors: '[Lena Hoffmann]',
      publishedAt: '2018-05-02T09:00:00Z',
      mainImage: '{ src: lighthouse.jpg, alt: A harbour seen from above, caption: The harbour., credit: "Lena Hoffmann, Northlight Images" }',
    };
    const broken = importStory(storyFile(fields, 'The harbour at dawn.'), { 'lighthouse.jpg': Buffer.from('not a picture at all') });
    expect(broken.status).toBe(1);
    expect(broken.output).toContain('lighthouse.jpg: not a picture');
    expect((await request.get(`/en/environment/20180502-e2e-imported-picture-${run}`)).status()).toBe(404);

    const imported = importStory(storyFile(fields, 'The harbour at dawn.'), { 'lighthouse.jpg': await phonePhoto(seed(), 1500, 1000) });
    expect(imported.status, imported.output).toBe(0);
    const page = await (await request.get(`/en/environment/20180502-e2e-imported-picture-${run}`)).text();
    const src = decodeURIComponent(/url=(%2Fmedia%2F[0-9a-f]{32}\.jpg)/.exec(page)?.[1] ?? '');
    expect(src).toMatch(/^\/media\/[0-9a-f]{32}\.jpg$/);
    const served = await request.get(src);
    const metadata = await sharp(await served.body()).metadata();
    expect([metadata.width, metadata.height, metadata.exif]).toEqual([1500, 1000, undefined]);
  });
});

test.describe('scheduled stories and drafts', () => {
  test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name !== 'desktop', 'one publish per run: the desktop project'));

  /** Every public place a story could show up in: its page, the home, the section, the feeds, the sitemaps, search, the API. */
  async function whereVisible(request: APIRequestContext, story: { id: string; headline: string }, path: string) {
    const text = async (url: string) => (await request.get(url)).text();
    const [page, home, section, rss, news, months, found, api, byId] = await Promise.all([
      request.get(path, { maxRedirects: 0 }),
      text('/en'),
      text('/en/environment'),
      text('/en/feeds/rss.xml'),
      text('/sitemaps/en/news.xml'),
      text('/sitemap.xml'),
      text(searchPath('en', { q: 'funicular' })),
      text('/api/v1/articles?edition=en&limit=50'),
      request.get(`/api/v1/articles/${story.id}`),
    ]);
    const monthSitemaps = [...months.matchAll(/<loc>[^<]*(\/sitemaps\/en\/stories-[^<]+)<\/loc>/g)].map((m) => m[1]!);
    const inMonths = (await Promise.all(monthSitemaps.map(text))).some((xml) => xml.includes(path));
    return {
      page: page.status(),
      home: home.includes(story.headline),
      section: section.includes(story.headline),
      feed: rss.includes(story.headline),
      sitemaps: news.includes(path) || inMonths,
      search: found.includes(path),
      api: api.includes(story.id) || byId.status() === 200,
    };
  }
  const nowhere = { page: 404, home: false, section: false, feed: false, sitemaps: false, search: false, api: false };
  const everywhere = { page: 200, home: true, section: true, feed: true, sitemaps: true, search: true, api: true };

  test('a story scheduled a few seconds ahead is nowhere until its time, then everywhere, with no further publish', async ({ request }) => {
    test.setTimeout(60_000);
    const at = Math.ceil((Date.now() + 8_000) / 1000) * 1000;
    const story = {
      ...example,
      id: `e2e-scheduled-funicular-${run}`,
      slug: `e2e-funicular-reopens-${run}`,
      headline: `A restored funicular reopens above the harbour (${run})`,
      publishedAt: isoSeconds(at),
    };
    const written = await post(request, story);
    expect(written.status()).toBe(201);
    const answer = (await written.json()) as Written;
    expect(answer).toMatchObject({ status: 'scheduled', path: articlePath(story as never), preview: { path: expect.stringMatching(/^\/en\/preview\//) } });
    expect(await whereVisible(request, story, answer.path)).toEqual(nowhere);
    // A mistyped address does not offer it among the suggestions either.
    const mistyped = await request.get(answer.path.replace('funicular', 'funiculer'));
    expect(mistyped.status()).toBe(404);
    expect(await mistyped.text()).not.toContain(story.headline);
    // No shared cache is told to keep the home past the story's time.
    const sharedSeconds = Number(/s-maxage=(\d+)/.exec((await request.get('/en')).headers()['cache-control'] ?? '')?.[1]);
    expect(sharedSeconds).toBeLessThanOrEqual(Math.ceil((at - Date.now()) / 1000));

    await expect.poll(async () => (await request.get(answer.path)).status(), { timeout: 20_000, intervals: [500] }).toBe(200);
    expect(Date.now()).toBeGreaterThanOrEqual(at);
    expect(await whereVisible(request, story, answer.path)).toEqual(everywhere);
    // Published: the preview link is spent.
    expect((await request.get(answer.preview!.path)).status()).toBe(404);
  });

  test('a draft is nowhere; its preview link shows the page as it will be, private and noindex; forged, expired or superseded links are 404', async ({
    page,
    request,
  }) => {
    const story = {
      ...example,
      id: `e2e-draft-funicular-${run}`,
      slug: `e2e-draft-funicular-${run}`,
      headline: `A draft about a funicular (${run})`,
      status: 'draft',
      publishedAt: isoSeconds(Date.now() - 60_000),
    };
    const written = await post(request, story);
    expect(written.status()).toBe(201);
    const answer = (await written.json()) as Written;
    expect(answer.status).toBe('draft');
    expect(await whereVisible(request, story, answer.path)).toEqual(nowhere);

    const preview = answer.preview!.path;
    const response = await page.goto(preview);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['cache-control']).toBe('private, no-store');
    expect(response?.headers()['x-robots-tag']).toContain('noindex');
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(story.headline);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`${answer.path}$`));
    await expect(page.getByText(strings.byPrefix, { exact: false }).first()).toBeVisible();
    await expectNoAxeViolations(page);
    // Nothing public links to it.
    expect(await (await request.get('/en')).text()).not.toContain('/preview/');

    // Altered anywhere: 404.
    const [id, expires, stored, signature] = preview.split('/').at(-1)!.split('.');
    const base = preview.slice(0, preview.lastIndexOf('/') + 1);
    const flip = (s: string) => (s.at(-1) === 'A' ? `${s.slice(0, -1)}B` : `${s.slice(0, -1)}A`);
    for (const altered of [
      `${id}.${expires}.${stored}.${flip(signature!)}`,
      `${id}.${(parseInt(expires!, 36) + 3_600_000).toString(36)}.${stored}.${signature}`,
      `e2e-published-story.${expires}.${stored}.${signature}`,
    ]) {
      expect((await request.get(`${base}${altered}`)).status()).toBe(404);
    }
    // Expired, though signed with the store's own key: 404.
    const secret = (
      new Database(process.env.E2E_DATABASE_PATH ?? '.data/e2e.sqlite', { readonly: true })
        .prepare("select value from site_settings where key = 'preview_secret'")
        .get() as { value: string }
    ).value;
    const past = (Date.now() - 1000).toString(36);
    const expired = `${id}.${past}.${stored}.${createHmac('sha256', secret).update(`preview:${id}.${past}.${stored}`).digest('base64url')}`;
    expect((await request.get(`${base}${expired}`)).status()).toBe(404);

    // The editor reads it back with the token (the public read says it does not exist), and can send it back as it is.
    const read = await request.get(`/api/v1/articles/${story.id}`, { headers: auth });
    expect(read.status()).toBe(200);
    expect(read.headers()['cache-control']).toBe('private, no-store');
    const editorCopy = (await read.json()) as Record<string, unknown> & { state: string; preview: { path: string } };
    expect(editorCopy).toMatchObject({ id: story.id, headline: story.headline, status: 'draft', state: 'draft', path: answer.path });
    expect((await request.get(`/api/v1/articles/${story.id}`, { headers: { Authorization: 'Bearer wrong' } })).status()).toBe(401);

    // Writing the draft again revokes the old link; the answer carries a new one.
    const rewritten = (await (await post(request, { ...story, headline: `A second draft about a funicular (${run})` })).json()) as Written;
    expect((await request.get(preview)).status()).toBe(404);
    const fresh = await request.get(rewritten.preview!.path);
    expect(fresh.status()).toBe(200);
    expect(await fresh.text()).toContain(`A second draft about a funicular (${run})`);
  });
});

test.describe('corrections', () => {
  for (const editionId of editionIds) {
    const edition = getEdition(editionId);
    test(`are in the ${edition.name} edition's structured data, and move its modified time`, async ({ page }) => {
      const story = await demoStory(demoByEdition[editionId].europolFile);
      expect(story.corrections.length).toBeGreaterThan(0);
      await page.goto(demoByEdition[editionId].europol);
      // The visible text is e2e/article.spec.ts's: here, what crawlers read.
      const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent()) ?? '{}') as {
        correction: { '@type': string; text: string; datePublished: string }[];
        dateModified: string;
      };
      expect(jsonLd.correction).toEqual(story.corrections.map((c) => ({ '@type': 'CorrectionComment', text: c.text, datePublished: c.at })));
      expect(Date.parse(jsonLd.dateModified)).toBeGreaterThanOrEqual(Date.parse(story.corrections.at(-1)!.at));
    });
  }

  test('are added through the API, append-only: kept when a write leaves them out, refused when one is changed', async ({ request }, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'an HTTP API: once is enough');
    const story = { ...example, id: `e2e-corrected-${run}`, slug: `e2e-corrected-${run}`, publishedAt: isoSeconds(Date.now() - 3_600_000) };
    expect((await post(request, story)).status()).toBe(201);
    const added = await request.post(`/api/v1/articles/${story.id}/corrections`, {
      data: JSON.stringify({ text: 'An earlier version gave the wrong number of turbines.' }),
      headers: { ...auth, 'Content-Type': 'application/json' },
    });
    expect(added.status()).toBe(201);
    const { path } = (await added.json()) as Written;
    const withCorrection = await (await request.get(path)).text();
    expect(withCorrection).toContain('An earlier version gave the wrong number of turbines.');
    expect(withCorrection).toContain(strings.correction(formatLongDate(getEdition('en'), new Date().toISOString())));

    // Published again without it: still there.
    expect((await post(request, { ...story, headline: 'A new offshore wind farm, corrected' })).status()).toBe(200);
    const stored = (await (await request.get(`/api/v1/articles/${story.id}`)).json()) as { corrections: { at: string; text: string }[] };
    expect(stored.corrections.map((c) => c.text)).toEqual(['An earlier version gave the wrong number of turbines.']);
    // Changed: refused, naming the field.
    const changed = await post(request, { ...story, corrections: [{ at: stored.corrections[0]!.at, text: 'Something else.' }] });
    expect(changed.status()).toBe(409);
    expect(((await changed.json()) as { error: { issues: { field: string }[] } }).error.issues[0]?.field).toBe('corrections');
    expect(
      (
        await request.post(`/api/v1/articles/${story.id}/corrections`, { data: '{"text":""}', headers: { ...auth, 'Content-Type': 'application/json' } })
      ).status(),
    ).toBe(400);
    // The same time as the published correction, in other words: refused through this door too.
    const sameTime = await request.post(`/api/v1/articles/${story.id}/corrections`, {
      data: JSON.stringify({ at: stored.corrections[0]!.at, text: 'Other words.' }),
      headers: { ...auth, 'Content-Type': 'application/json' },
    });
    expect(sameTime.status()).toBe(409);
    expect(
      (
        await request.post('/api/v1/articles/no-such-story/corrections', { data: '{"text":"x"}', headers: { ...auth, 'Content-Type': 'application/json' } })
      ).status(),
    ).toBe(404);
  });
});
