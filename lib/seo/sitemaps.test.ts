import { describe, expect, it } from 'vitest';
import { newsSitemapXml, parseStorySitemapName, planStorySitemaps, urlsetXml } from './sitemaps';

describe('story sitemaps', () => {
  it('are one file a month, split so that no file holds more than 50,000 URLs', () => {
    const files = planStorySitemaps([
      { month: '2018-04', count: 20, lastModifiedTs: 1 },
      { month: '2018-05', count: 120_001, lastModifiedTs: 2 },
    ]);
    expect(files.map((f) => [f.name, f.count])).toEqual([
      ['stories-2018-04.xml', 20],
      ['stories-2018-05.xml', 50_000],
      ['stories-2018-05-2.xml', 50_000],
      ['stories-2018-05-3.xml', 20_001],
    ]);
  });

  it('read their name back into the month and part, and nothing else', () => {
    expect(parseStorySitemapName('stories-2018-04.xml')).toEqual({ fromTs: Date.UTC(2018, 3, 1), toTs: Date.UTC(2018, 4, 1), part: 1 });
    expect(parseStorySitemapName('stories-2018-12-3.xml')).toEqual({ fromTs: Date.UTC(2018, 11, 1), toTs: Date.UTC(2019, 0, 1), part: 3 });
    for (const bad of ['stories-2018-13.xml', 'stories-2018-00.xml', 'stories-2018-04-1.xml', 'stories-2018-4.xml', 'pages.xml', 'stories-2018-04.xml.gz']) {
      expect(parseStorySitemapName(bad), bad).toBeNull();
    }
  });

  it('escape every value', () => {
    const xml = urlsetXml([{ loc: 'https://example.com/a?b=1&c=<2>', images: ['https://example.com/i.jpg'] }]);
    expect(xml).toContain('<loc>https://example.com/a?b=1&amp;c=&lt;2&gt;</loc>');
    expect(xml).toContain('<image:loc>https://example.com/i.jpg</image:loc>');
    const news = newsSitemapXml([
      { loc: 'https://x/1', publicationName: 'M&M', language: 'en', publishedAt: '2018-04-27T14:05:00+02:00', title: '</news:title><x>' },
    ]);
    expect(news).toContain('<news:name>M&amp;M</news:name>');
    expect(news).toContain('<news:title>&lt;/news:title&gt;&lt;x&gt;</news:title>');
  });

  it('escape what only looks like an entity: a headline’s "R&D;" or "&lt;" is text, and the file stays well-formed', () => {
    const news = newsSitemapXml([
      { loc: 'https://x/1', publicationName: 'M', language: 'en', publishedAt: '2018-04-27T14:05:00+02:00', title: 'R&D; spending &lt;up&gt;' },
    ]);
    expect(news).toContain('<news:title>R&amp;D; spending &amp;lt;up&amp;gt;</news:title>');
  });

  it('an empty news sitemap is still a valid urlset', () => {
    expect(newsSitemapXml([])).toMatch(
      /<urlset xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9" xmlns:news="http:\/\/www\.google\.com\/schemas\/sitemap-news\/0\.9"\/>/,
    );
  });
});

describe('a story stored before control characters were refused', () => {
  it('still gives a well-formed news sitemap', () => {
    const xml = newsSitemapXml([
      { loc: 'https://x/1', publicationName: 'M', language: 'en', publishedAt: '2018-04-27T14:05:00+02:00', title: 'Head\u0001line\ud800' },
    ]);
    expect(xml).toContain('<news:title>Headline</news:title>');
  });
});
