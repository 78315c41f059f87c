import { describe, expect, it } from 'vitest';
import { articlePath, parseArticlePath, parseArticleSegment, pathDate } from './urls';

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
