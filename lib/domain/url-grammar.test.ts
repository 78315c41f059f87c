import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstSegment, pageRequestKey, pageRequestOfTarget, pathOfTarget, pathSegments, routeKindOf, splitTarget } from './url-grammar.mjs';

describe('the URL grammar the front, the proxy and the addresses share', () => {
  it('splits a target into its path and query', () => {
    const { pathname, query } = splitTarget('/en/europe?page=2&x=%C3%A9');
    expect(pathname).toBe('/en/europe');
    expect(query.get('page')).toBe('2');
    expect(query.get('x')).toBe('é');
    expect(splitTarget('/en').query.toString()).toBe('');
    expect(pathOfTarget('/en/search?q=a?b')).toBe('/en/search');
  });

  it('reads segments after the leading slash, empty ones standing for doubled or trailing slashes', () => {
    expect(pathSegments('/en/europe/20180427-a')).toEqual(['en', 'europe', '20180427-a']);
    expect(pathSegments('/en//europe/')).toEqual(['en', '', 'europe', '']);
    expect(firstSegment('/ar/europe')).toBe('ar');
    expect(firstSegment('/')).toBe('');
    expect(firstSegment('')).toBe('');
  });

  it('names a page request the same from the raw target (the front) as from the parsed URL (the proxy)', () => {
    const segment = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
    const value = fc.string({ maxLength: 8 });
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), fc.array(fc.tuple(segment, value), { maxLength: 3 }), (segments, pairs) => {
        const path = `/${segments.join('/')}`;
        const search = new URLSearchParams(pairs).toString();
        const target = search ? `${path}?${search}` : path;
        const front = splitTarget(target);
        const parsed = new URL(target, 'http://localhost');
        expect(pageRequestKey(front.pathname, front.query)).toBe(pageRequestKey(parsed.pathname, parsed.searchParams));
        expect(pageRequestOfTarget(target)).toEqual({ pathname: parsed.pathname, key: pageRequestKey(parsed.pathname, parsed.searchParams) });
      }),
    );
  });

  it('gives one name to the same query written two ways', () => {
    const a = splitTarget('/en/europe?page=2&');
    const b = splitTarget('/en/europe?page=2');
    expect(pageRequestKey(a.pathname, a.query)).toBe(pageRequestKey(b.pathname, b.query));
    expect(pageRequestOfTarget('/en/europe?page=2&').key).toBe(pageRequestOfTarget('/en/europe?page=2').key);
    expect(pageRequestOfTarget('/en/europe?').key).toBe(pageRequestOfTarget('/en/europe').key);
  });
});

describe('route kinds, for the metrics', () => {
  it('name a few kinds, never the path', () => {
    expect(
      [
        '/en/europe/20180427-x?page=2',
        '/api/v1/articles',
        '/api/health',
        '/_next/static/a.js',
        '/media/x.jpg',
        '/sitemaps/en/news.xml',
        '/sitemap.xml',
        '/fr/feeds/rss.xml',
        '/',
      ].map(routeKindOf),
    ).toEqual(['page', 'api', 'health', 'asset', 'media', 'sitemap', 'sitemap', 'feed', 'page']);
  });
});
