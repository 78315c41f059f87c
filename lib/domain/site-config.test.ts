import { describe, expect, it } from 'vitest';
import { absoluteUrl, siteUrl, storiesPerPage } from './site-config';

describe('the site configuration', () => {
  it('reads the public address from SITE_URL, without a trailing slash', () => {
    expect(siteUrl({})).toBe('http://localhost:3000');
    expect(siteUrl({ SITE_URL: 'https://news.example.com/' })).toBe('https://news.example.com');
    expect(absoluteUrl('/en', { SITE_URL: 'https://news.example.com' })).toBe('https://news.example.com/en');
  });

  it('refuses an address that is not an absolute http(s) URL, saying what it expects', () => {
    expect(() => siteUrl({ SITE_URL: 'news.example.com' })).toThrow(/SITE_URL must be an absolute http\(s\) URL/);
    expect(() => siteUrl({ SITE_URL: 'ftp://news.example.com' })).toThrow(/http or https/);
  });

  it('keeps the page size between 1 and 100', () => {
    expect(storiesPerPage({})).toBe(10);
    expect(storiesPerPage({ STORIES_PER_PAGE: '4' })).toBe(4);
    expect(storiesPerPage({ STORIES_PER_PAGE: '0' })).toBe(10);
    expect(storiesPerPage({ STORIES_PER_PAGE: 'many' })).toBe(10);
  });
});
