import http from 'node:http';
import zlib from 'node:zlib';
import { expect, test } from '@playwright/test';
import { baseURL } from '../playwright.config';
import { richestStory } from './support/urls';

/**
 * A cached page's document comes compressed the way the client asks (issue 17): brotli to a
 * browser that takes it, gzip to a client that takes only gzip, nothing to one that asks for
 * nothing, and each decodes to the same document. Brotli's window reaches the repeats in a
 * document (its text and CSS again in the RSC payload) that gzip's cannot: the article is
 * smaller by far. Run once, in the desktop project.
 */

test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'HTTP-level: once is enough');
});

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** The bytes as sent: fetch and Playwright would decode them. */
function get(path: string, acceptEncoding?: string): Promise<Answer> {
  const { hostname, port } = new URL(baseURL);
  const headers = acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding };
  return new Promise((resolve, reject) => {
    http
      .get({ hostname, port, path, headers, agent: false }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

const decode: Record<string, (body: Buffer) => Buffer> = { br: zlib.brotliDecompressSync, gzip: zlib.gunzipSync };

/**
 * The page asked with `acceptEncoding` and without any, from the same render (the same ETag):
 * other tests publish meanwhile, and the first answer after a write is Next's render (gzip).
 */
async function sameRender(path: string, acceptEncoding: string, expected: string | undefined) {
  let coded: Answer | undefined;
  let plain: Answer | undefined;
  for (let attempt = 0; attempt < 5; attempt++) {
    coded = await get(path, acceptEncoding);
    plain = await get(path);
    if (coded.headers.etag === plain.headers.etag && coded.headers['content-encoding'] === expected) break;
  }
  return { coded: coded!, plain: plain! };
}

test('a cached page comes as brotli, gzip or plain, as the client asks, and each is the same document', async () => {
  expect((await get(richestStory)).status).toBe(200); // rendered and cached: what follows are hits
  const cases: [acceptEncoding: string, expected: string | undefined][] = [
    ['gzip, deflate, br, zstd', 'br'], // what Chromium sends
    ['gzip, deflate', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=1, br;q=0.5', 'gzip'],
    ['identity', undefined],
    ['zstd', undefined],
  ];
  const sizes: Record<string, number> = {};
  for (const [acceptEncoding, expected] of cases) {
    const { coded, plain } = await sameRender(richestStory, acceptEncoding, expected);
    expect(coded.status, acceptEncoding).toBe(200);
    expect(coded.headers['x-nextjs-cache'], acceptEncoding).toBe('HIT');
    expect(coded.headers['content-encoding'], acceptEncoding).toBe(expected);
    expect(coded.headers.vary, acceptEncoding).toContain('Accept-Encoding');
    expect(coded.headers.etag, acceptEncoding).toBe(plain.headers.etag);
    expect(Number(coded.headers['content-length']), acceptEncoding).toBe(coded.body.length);
    const decoded = expected ? decode[expected]!(coded.body) : coded.body;
    expect(decoded.equals(plain.body), `${acceptEncoding}: the same document`).toBe(true);
    if (expected) sizes[expected] = coded.body.length;
  }
  expect(sizes.br).toBeLessThan(sizes.gzip! * 0.8);
});

test('a browser reads the article sent as brotli', async ({ page }) => {
  const html = (await get(richestStory)).body.toString('utf8');
  await expect.poll(async () => (await page.goto(richestStory))?.headers()['content-encoding']).toBe('br');
  const served = await page.evaluate((source) => new DOMParser().parseFromString(source, 'text/html').querySelector('h1')?.textContent, html);
  expect(served).toBeTruthy();
  await expect(page.locator('h1')).toHaveText(served!);
});
