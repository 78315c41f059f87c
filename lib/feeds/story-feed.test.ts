import { describe, expect, it } from 'vitest';
import { editions } from '../domain/editions';
import { storyFeedXml, type FeedStory } from './story-feed';

const story: FeedStory = {
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
  authors: [
    { name: 'Claire Dubois', slug: 'claire-dubois' },
    { name: 'Karim Benali', slug: 'karim-benali' },
  ],
  enclosure: { url: 'http://localhost:3000/images/demo/a.jpg', type: 'image/jpeg', length: 123456 },
};

const sections = [{ edition: 'en' as const, slug: 'europe', name: 'Europe', description: 'News from Europe.' }];
const rss = storyFeedXml('rss', editions.en, sections, [story]);
const atom = storyFeedXml('atom', editions.en, sections, [story]);

describe('story feeds', () => {
  it('carry each story with its absolute link, date and section', () => {
    expect(rss).toContain('<link>http://localhost:3000/en/europe/20180427-one</link>');
    expect(rss).toContain('<pubDate>Fri, 27 Apr 2018 12:05:00 GMT</pubDate>');
    expect(rss).toContain('<category>Europe</category>');
    expect(atom).toContain('<published>2018-04-27T12:05:00.000Z</published>');
  });

  it('name each story’s authors: dc:creator in RSS, <author> in Atom, and the publication as the Atom feed’s author', () => {
    expect(rss).toContain('xmlns:dc="http://purl.org/dc/elements/1.1/"');
    expect(rss).toContain('<dc:creator>Claire Dubois</dc:creator>');
    expect(rss).toContain('<dc:creator>Karim Benali</dc:creator>');
    expect(rss).not.toContain('<author>');
    expect(atom).toMatch(/<feed[^>]*>[\s\S]*?<author>\s*<name>Meridian<\/name>[\s\S]*?<entry>/);
    expect(atom).toMatch(/<entry>[\s\S]*<author>\s*<name>Claire Dubois<\/name>\s*<uri>http:\/\/localhost:3000\/en\/author\/claire-dubois<\/uri>/);
  });

  it('give the picture as an enclosure with its registered media type and its length', () => {
    expect(rss).toContain('<enclosure url="http://localhost:3000/images/demo/a.jpg" length="123456" type="image/jpeg"/>');
    expect(atom).toContain('<link rel="enclosure" type="image/jpeg" length="123456" href="http://localhost:3000/images/demo/a.jpg"/>');
    expect(`${rss}${atom}`).not.toContain('image/jpg"');
    const without = storyFeedXml('rss', editions.en, sections, [{ ...story, enclosure: null }]);
    expect(without).not.toContain('<enclosure');
  });

  it('say their language: RSS in <language>, Atom in xml:lang on the root', () => {
    for (const edition of [editions.fr, editions.ar]) {
      expect(storyFeedXml('rss', edition, [], [])).toContain(`<language>${edition.lang}</language>`);
      expect(storyFeedXml('atom', edition, [], [])).toContain(`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${edition.lang}">`);
    }
  });

  it('never let a headline or standfirst become markup in a feed reader', () => {
    for (const xml of [rss, atom]) {
      expect(xml).not.toContain('<script>');
      expect(xml).not.toContain('<img');
      // Escaped as HTML, then as XML: a reader decodes the XML and shows the HTML's text.
      expect(xml).toContain('A &amp;lt;/script&amp;gt;&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt; &amp;amp; B');
    }
  });
});

describe('a story stored before control characters were refused', () => {
  it('still gives feeds that are well-formed XML: what XML cannot carry is left out', () => {
    const dirty = { ...story, headline: 'Bad\u0001 head]]>line\u0002', standfirst: 'Stand\u0003first\ufffe' };
    for (const format of ['rss', 'atom'] as const) {
      const xml = storyFeedXml(format, editions.en, [], [dirty]);
      expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
      expect(xml).toContain('Bad head]]&amp;gt;line');
    }
  });
});
