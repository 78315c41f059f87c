/**
 * `npx tsx scripts/crawl-snapshot.ts <base-url> <out-dir>`: fetches every kind of page, feed,
 * sitemap and API answer of a running server — every URL the sitemaps list, and the addresses
 * they do not (search, not found, gone, moved, API) — and writes each answer's status, the
 * headers that matter and its body, normalised, to a file of its own. Two snapshots of the same
 * content, before and after a change that should not change what readers and crawlers get,
 * compared with `diff -r`, show every difference.
 *
 * Normalised away: what differs between two builds or two requests and nobody reads — hashed
 * file names of scripts and styles, CSS-module class prefixes, nonces, script hashes in the
 * policy, ETags, request ids, the time a page's data was fetched, the build id, the signatures of
 * list cursors (the key is made per store).
 */
import fs from 'node:fs';
import path from 'node:path';

const [base, outDir = ''] = process.argv.slice(2);
if (!base || !outDir) {
  console.error('usage: crawl-snapshot <base-url> <out-dir>');
  process.exit(2);
}
fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });

function normalise(text: string): string {
  return text
    .replace(/\/_next\/static\/[^"'\s)]+/g, '/_next/static/…')
    .replace(/(?<![A-Za-z0-9_-])_?[A-Za-z0-9_-]{6}_(?=[a-zA-Z][a-zA-Z0-9]*\b)/g, '…_')
    .replace(/nonce="[^"]*"/g, 'nonce="…"')
    .replace(/(\\?"nonce\\?":\\?")[A-Za-z0-9+/=]+/g, '$1…')
    .replace(/\b(eyJ[A-Za-z0-9_-]+)\.[A-Za-z0-9_-]+/g, '$1.…')
    .replace(/'sha256-[^']+'/g, "'sha256-…'")
    .replace(/'nonce-[^']+'/g, "'nonce-…'")
    .replace(/"(dehydratedAt|dataUpdatedAt)\\?":\d+/g, '"$1":…')
    .replace(/\\?"(dehydratedAt|dataUpdatedAt)\\?":\d+/g, '"$1":…')
    .replace(/"buildId":"[^"]+"/g, '"buildId":"…"')
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, '…uuid…');
}

const keptHeaders = [
  'content-type',
  'cache-control',
  'location',
  'vary',
  'content-security-policy',
  'x-content-type-options',
  'referrer-policy',
  'retry-after',
];

let count = 0;
async function snapshot(target: string, init: RequestInit = {}) {
  const response = await fetch(`${base}${target}`, { redirect: 'manual', ...init });
  const headers = keptHeaders.map((name) => `${name}: ${normalise(response.headers.get(name) ?? '')}`).join('\n');
  const body = normalise(await response.text());
  const name = `${String(count++).padStart(3, '0')}-${target.replace(/[^a-z0-9]+/gi, '_').slice(0, 100)}.txt`;
  fs.writeFileSync(path.join(outDir, name), `${init.method ?? 'GET'} ${target}\n${response.status}\n${headers}\n\n${body}\n`);
  return body;
}

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname + new URL(m[1]!).search);

const index = await snapshot('/sitemap.xml');
const pages: string[] = [];
for (const sitemap of locs(index)) pages.push(...locs(await snapshot(sitemap)));
for (const page of [...new Set(pages)].sort()) await snapshot(page);

const extras = [
  '/',
  '/robots.txt',
  '/en/europe?page=2',
  '/en/europe?page=1',
  '/en/europe?page=99',
  '/en/search?q=propaganda+servers',
  '/en/search?q=zeppelin',
  '/en/search',
  '/en/europe/20180419-paris-metro-line-to-close-for-two-years',
  '/en/europe/20180322-sleeper-trains-make-a-comeback',
  '/en/africa/20180427-europol-hits-is-propaganda-servers',
  '/en/europe/20180427-europol-hits-is-propoganda-servers',
  '/en/asia',
  '/xx/europe',
  '/en/tag/nothing',
  '/en/feeds/rss.xml',
  '/en/feeds/atom.xml',
  '/en/feeds/europe/rss.xml',
  '/en/feeds/europe/atom.xml',
  '/api/v1/articles?edition=en&section=europe&limit=2',
  '/api/v1/articles?section=asia',
  '/api/v1/articles/lebanon-election-live-2018/updates',
  '/api/v1/articles/europol-is-propaganda-2018',
  '/media/crop/4x3/images/demo/europol-headquarters.jpg',
];
for (const target of extras) await snapshot(target);
console.log(`crawl-snapshot: ${count} answers in ${outDir}`);
