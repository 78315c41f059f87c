import { describe, expect, it } from 'vitest';
import { editions } from '../domain/editions';
import { article } from '../testing/fixtures';
import { newsArticleJsonLd, serializeJsonLd, structuredHeadline } from './json-ld';

describe('structured data', () => {
  it('keeps a headline of up to 110 characters, and cuts a longer one at a word', () => {
    expect(structuredHeadline('Short headline')).toBe('Short headline');
    const long = 'Police in Europe and North America take down the servers behind the propaganda outlets of the Islamic State group';
    const cut = structuredHeadline(long);
    expect(cut.length).toBeLessThanOrEqual(110);
    expect(cut.endsWith('…')).toBe(true);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    expect(cut.slice(0, -1).endsWith(' ')).toBe(false);
  });

  it('can never close its script element, whatever a headline holds', () => {
    const json = serializeJsonLd({ headline: 'A </script><script>alert(1)</script> & \u2028 line' });
    expect(json).not.toMatch(/<|>|&|\u2028/);
    expect(JSON.parse(json)).toEqual({ headline: 'A </script><script>alert(1)</script> & \u2028 line' });
  });

  it('describes a story with crops of its main picture in three shapes, never larger than the source', () => {
    const data = newsArticleJsonLd(
      article({ mainImage: { src: '/images/demo/a.jpg', alt: 'a', width: 2000, height: 1125, caption: 'c', credit: 'P, A' } }),
      { edition: 'en', slug: 'europe', name: 'Europe', description: 'd' },
      editions.en,
    );
    expect(data.image).toEqual([
      { '@type': 'ImageObject', url: 'http://localhost:3000/media/crop/16x9/images/demo/a.jpg', width: '2000', height: '1125' },
      { '@type': 'ImageObject', url: 'http://localhost:3000/media/crop/4x3/images/demo/a.jpg', width: '1500', height: '1125' },
      { '@type': 'ImageObject', url: 'http://localhost:3000/media/crop/1x1/images/demo/a.jpg', width: '1125', height: '1125' },
    ]);
    expect(data.dateModified).toBe(data.datePublished);
  });
});
