import { describe, expect, it } from 'vitest';
import {
  aboutPath,
  fullPathOfLite,
  hasLiteVersion,
  litePath,
  savesData,
  api,
  articlePath,
  authorPath,
  cropPath,
  editionPath,
  feedPath,
  listPagePath,
  pageHref,
  parseArticlePath,
  parseArticleSegment,
  parseListPageStart,
  pathDate,
  publicListPath,
  searchPath,
  sectionPath,
  sitemapIndexPath,
  sitemapPath,
  tagPath,
  unavailablePath,
} from './urls';

describe('article URLs', () => {
  it('carry the edition, section, date of publication and slug', () => {
    const path = articlePath({ edition: 'en', section: 'europe', slug: 'europol-hits-is-propaganda-servers', publishedAt: '2018-04-27T14:05:00+02:00' });
    expect(path).toBe('/en/europe/20180427-europol-hits-is-propaganda-servers');
  });

  it('date a story by the newsroom clock, not UTC', () => {
    // 00:30 in Paris on 28 April is still 27 April in UTC.
    expect(pathDate('en', '2018-04-28T00:30:00+02:00')).toBe('20180428');
    expect(pathDate('en', '2018-04-27T22:30:00Z')).toBe('20180428');
  });

  it('are read back into their parts', () => {
    expect(parseArticlePath('/en/europe/20180427-europol-hits')).toEqual({ edition: 'en', section: 'europe', date: '20180427', slug: 'europol-hits' });
  });

  it('reject anything that is not exactly that shape', () => {
    for (const path of [
      '/en/europe',
      '/xx/europe/20180427-a',
      '/en/europe/2018-04-27-a',
      '/en/europe/20180427-',
      '/en/europe/20180427-A',
      '/en/europe/20180427-a/b',
      '/en/Europe/20180427-a',
    ]) {
      expect(parseArticlePath(path)).toBeNull();
    }
    expect(parseArticleSegment('20180427-a%00b')).toBeNull();
    expect(parseArticleSegment(`20180427-${'a'.repeat(500)}`)).toBeNull();
  });
});

describe('every path of the site, from one module', () => {
  it('builds fronts, lists, search, feeds, sitemaps, crops and the API', () => {
    expect(editionPath('en')).toBe('/en');
    expect(sectionPath('en', 'europe')).toBe('/en/europe');
    expect(tagPath('en', 'islamic-state-group')).toBe('/en/tag/islamic-state-group');
    expect(authorPath('en', 'claire-dubois')).toBe('/en/author/claire-dubois');
    expect(aboutPath('en')).toBe('/en/about');
    expect(pageHref('/en/europe', 1)).toBe('/en/europe');
    expect(pageHref('/en/tag/rail', 3)).toBe('/en/tag/rail?page=3');
    expect(searchPath('en')).toBe('/en/search');
    expect(searchPath('en', { q: 'rail & road', page: 1 })).toBe('/en/search?q=rail+%26+road');
    expect(searchPath('en', { q: 'rail', page: 2 })).toBe('/en/search?q=rail&page=2');
    expect(feedPath('en', 'rss')).toBe('/en/feeds/rss.xml');
    expect(feedPath('en', 'atom', 'europe')).toBe('/en/feeds/europe/atom.xml');
    expect(sitemapIndexPath).toBe('/sitemap.xml');
    expect(sitemapPath('en', 'news.xml')).toBe('/sitemaps/en/news.xml');
    expect(cropPath({ src: '/images/demo/a.jpg' }, '4x3')).toBe('/media/crop/4x3/images/demo/a.jpg');
    expect(cropPath({ src: 'https://images.example.org/a.jpg' }, '4x3')).toBeNull();
    expect(api.articles(new URLSearchParams({ edition: 'en', limit: '2' }))).toBe('/api/v1/articles?edition=en&limit=2');
    expect(api.articles()).toBe('/api/v1/articles');
    expect(api.liveUpdates('live-story', 'update-2')).toBe('/api/v1/articles/live-story/updates?after=update-2');
    expect(api.liveUpdates('live-story', null)).toBe('/api/v1/articles/live-story/updates');
  });

  it('sends a list page to its internal route with where it starts, and reads that back', () => {
    const start = { publishedTs: Date.UTC(2018, 3, 27), id: 'europol-story' };
    expect(listPagePath('en', 'tag', 'rail', 1, null)).toBe('/en/lists/tag/rail/1/top');
    const path = listPagePath('en', 'section', 'europe', 2, start);
    expect(path).toBe(`/en/lists/section/europe/2/${start.publishedTs}~europol-story`);
    expect(parseListPageStart(path.split('/').at(-1)!)).toEqual(start);
    expect(publicListPath('en', 'section', 'europe')).toBe('/en/europe');
    expect(unavailablePath('en')).toBe('/en/unavailable');
  });
});

describe('non-Latin slugs in paths', () => {
  const arabic = 'الاتحاد-الاوروبي';
  const encoded = encodeURIComponent(arabic);

  it('are written NFC and percent-encoded, in one place', async () => {
    const { tagPath, authorPath, pathSegment } = await import('./urls');
    expect(tagPath('ar', arabic)).toBe(`/ar/tag/${encoded}`);
    expect(authorPath('fr', 'helene-lefevre')).toBe('/fr/author/helene-lefevre');
    expect(pathSegment(arabic.normalize('NFD'))).toBe(encoded);
  });

  it('are read back, and the same slug written another way is named for one redirect', async () => {
    const { readNameSegment } = await import('./urls');
    expect(readNameSegment(encoded)).toEqual({ slug: arabic });
    expect(readNameSegment(encoded.toLowerCase())).toEqual({ slug: arabic, canonical: encoded });
    expect(readNameSegment(arabic)).toEqual({ slug: arabic, canonical: encoded });
    // Typed decomposed, a name is read composed (NFC) and sent to the composed spelling.
    expect(readNameSegment(encodeURIComponent('café'.normalize('NFD')))).toEqual({ slug: 'café', canonical: encodeURIComponent('café') });
    expect(readNameSegment('%E0%A4%A')).toBeNull();
    expect(readNameSegment('Upper-Case')).toBeNull();
  });
});

describe('lite addresses (issue 31)', () => {
  it('appends .lite to the path and keeps the query', () => {
    expect(litePath('/en/europe/20180427-europol-hits-is-propaganda-servers')).toBe('/en/europe/20180427-europol-hits-is-propaganda-servers.lite');
    expect(litePath('/en')).toBe('/en.lite');
    expect(litePath('/en/europe?page=2')).toBe('/en/europe.lite?page=2');
    expect(litePath('/en/search?q=a#results')).toBe('/en/search.lite?q=a#results');
  });

  it('reads a lite path back, and nothing else', () => {
    expect(fullPathOfLite('/ar/europe.lite')).toBe('/ar/europe');
    expect(fullPathOfLite('/en.lite')).toBe('/en');
    for (const path of ['/.lite', '/en/.lite', '/en.lite.lite', '/en/europe', '/en/europe.lite/x']) expect(fullPathOfLite(path), path).toBeNull();
  });

  it('gives reader pages a lite version, not feeds, previews, files or other sites', () => {
    for (const path of ['/en', '/fr/europe', '/ar/tag/europol', '/en/search?q=x', '/en/about']) expect(hasLiteVersion(path), path).toBe(true);
    for (const path of [
      '/en/feeds/rss.xml',
      '/en/saved',
      '/fr/offline',
      '/en/preview/abc',
      '/en/unavailable',
      '/api/v1/articles',
      '/_next/image?url=x',
      '//evil.example/en',
      '/de/europe',
      '/en.lite',
    ])
      expect(hasLiteVersion(path), path).toBe(false);
  });

  it('reads Save-Data as browsers send it', () => {
    for (const value of ['on', 'On', ' on ']) expect(savesData(value)).toBe(true);
    for (const value of [undefined, null, '', 'off', 'onn']) expect(savesData(value)).toBe(false);
  });
});
