import { describe, expect, it } from 'vitest';
import { readPageParam } from './page-param';
import { pageHref } from './urls';

const read = (search: string) => readPageParam(new URLSearchParams(search));

describe('the page parameter of a list', () => {
  it('is page 1 when absent, and the number when plain', () => {
    expect(read('')).toEqual({ kind: 'page', page: 1 });
    expect(read('page=2')).toEqual({ kind: 'page', page: 2 });
    expect(read('page=37&utm_source=x')).toEqual({ kind: 'page', page: 37 });
  });

  it('redirects every other spelling of a page to its one URL', () => {
    expect(read('page=1')).toEqual({ kind: 'redirect', search: '' });
    expect(read('page=02')).toEqual({ kind: 'redirect', search: '?page=2' });
    expect(read('page=2&page=3')).toEqual({ kind: 'redirect', search: '?page=2' });
    expect(read('utm=a&page=1')).toEqual({ kind: 'redirect', search: '?utm=a' });
  });

  it('sends anything that is not a page number to the first page', () => {
    for (const bad of ['page=', 'page=0', 'page=-1', 'page=2.5', 'page=abc', 'page=1e3', 'page=%00', `page=${'9'.repeat(40)}`, 'page=99999999']) {
      expect(read(bad), bad).toEqual({ kind: 'redirect', search: '' });
    }
  });

  it('links page 1 without a parameter', () => {
    expect(pageHref('/en/europe', 1)).toBe('/en/europe');
    expect(pageHref('/en/europe', 3)).toBe('/en/europe?page=3');
  });
});
