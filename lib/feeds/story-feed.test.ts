import { describe, expect, it } from 'vitest';
import { editions } from '../domain/editions';
import { type ArticleSummary } from '../domain/stories';
import { buildStoryFeed, storyFeedXml } from './story-feed';

const story: ArticleSummary = {
  id: 'one',
  edition: 'en',
  section: 'europe',
  slug: 'one',
  path: '/en/europe/20180427-one',
  headline: 'A </script><script>alert(1)</script> & B',
  standfirst: 'With <img src=x onerror=alert(2)>',
  publishedAt: '2018-04-27T14:05:00+02:00',
  updatedAt: null,
  image: { src: '/images/demo/a.jpg', alt: 'a', width: 2000, height: 1125, caption: 'c', credit: 'P, A' },
  live: false,
};

describe('story feeds', () => {
  const feed = buildStoryFeed(editions.en, [{ edition: 'en', slug: 'europe', name: 'Europe', description: 'News from Europe.' }], [story]);

  it('carry each story with its absolute link, date and section', () => {
    const rss = feed.rss2();
    expect(rss).toContain('<link>http://localhost:3000/en/europe/20180427-one</link>');
    expect(rss).toContain('<pubDate>Fri, 27 Apr 2018 12:05:00 GMT</pubDate>');
    expect(rss).toContain('Europe');
  });

  it('say their language: RSS in <language>, Atom in xml:lang on the root', () => {
    for (const edition of [editions.fr, editions.ar]) {
      const feed = buildStoryFeed(edition, [], []);
      expect(storyFeedXml(feed, 'rss', edition.lang)).toContain(`<language>${edition.lang}</language>`);
      expect(storyFeedXml(feed, 'atom', edition.lang)).toContain(`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${edition.lang}">`);
    }
  });

  it('never let a headline or standfirst become markup in a feed reader', () => {
    for (const xml of [feed.rss2(), feed.atom1()]) {
      expect(xml).not.toContain('<script>');
      expect(xml).not.toContain('<img');
      expect(xml).toContain('A &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; B');
    }
  });
});

describe('a story stored before control characters were refused', () => {
  it('still gives feeds that are well-formed XML: what XML cannot carry is left out', () => {
    const dirty = { ...story, headline: 'Bad\u0001 head]]>line\u0002', standfirst: 'Stand\u0003first\ufffe' };
    const feed = buildStoryFeed(editions.en, [], [dirty]);
    for (const xml of [feed.rss2(), feed.atom1()]) {
      expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
      expect(xml).toContain('Bad head]]&gt;line');
    }
  });
});
