import { describe, expect, it } from 'vitest';
import { getEdition } from '../domain/editions';
import { litePage } from './lite-page';
import { liteStylesheet } from './lite-style';

const full = [
  '<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charSet="utf-8"/>',
  '<link rel="preload" as="image" imageSrcSet="/_next/image?url=a&amp;w=480 480w"/>',
  '<style data-precedence="next">.x_a{color:red}</style><script src="/_next/static/chunks/a.js" async=""></script>',
  '<title>A story - Meridian</title><meta name="description" content="What it says."/><meta name="robots" content="index, follow"/>',
  '<link rel="canonical" href="https://news.example/ar/europe/20180427-a-story"/><link rel="alternate" hrefLang="en" href="/en/x"/></head>',
  '<body><div hidden=""><!--$--></div><header class="h_a"><a class="w_a" href="/ar">Meridian</a><p data-lite="omit"><a href="/ar/europe/20180427-a-story.lite">Lite version</a></p>',
  '<form role="search" action="/ar/search" method="get"><input name="q"/><button type="submit">Search</button></form>',
  '<button type="button">Menu</button><svg><path d="M0 0"/></svg></header>',
  '<main><article><h1>A story</h1><figure class="f_a"><img alt="A building" srcSet="/_next/image?url=a&amp;w=480 480w, /_next/image?url=a&amp;w=2000 2000w" src="/_next/image?url=a&amp;w=2000"/>',
  '<figcaption><span class="visually-hidden">Image caption, </span>A building.<span class="c_a">Illustration: Meridian</span></figcaption></figure>',
  '<p style="color:red" data-x="1">Text with a <a href="/ar/tag/europol">tag</a>, a <a href="/ar/feeds/rss.xml">feed</a> and <a href="https://example.com/">elsewhere</a>.</p>',
  '<figure><video src="/media/abc.mp4" poster="/p.jpg"><track src="/media/abc.vtt"/></video><figcaption>A clip.</figcaption></figure>',
  '<ul><li><a href="/ar/europe/20180428-another"><img src="/_next/image?url=b&amp;w=320"/>Another</a></li></ul>',
  '</article></main><script>self.__next_f.push([1,"x"])</script></body></html>',
].join('');

describe('litePage', () => {
  const { strings } = getEdition('ar');
  const lite = litePage(full, '/ar/europe/20180427-a-story');

  it('keeps no script, stylesheet, preload, picture, player or inline SVG, and one stylesheet of its own', () => {
    expect(lite).not.toMatch(/<script|<link rel="preload"|<img|<video|<track|<svg|data-precedence/);
    expect(lite.match(/<style>/g)).toHaveLength(1);
    expect(lite).toContain(liteStylesheet);
    expect(lite).not.toMatch(/class="(?!visually-hidden|lite-notice)/);
    expect(lite).not.toMatch(/ style=| data-x=/);
  });

  it('keeps the language, direction, title, description, robots and canonical', () => {
    expect(lite).toMatch(/^<!doctype html><html lang="ar" dir="rtl">/);
    expect(lite).toContain('<title>A story - Meridian</title>');
    expect(lite).toContain('<meta name="description" content="What it says.">');
    expect(lite).toContain('<meta name="robots" content="index, follow">');
    expect(lite).toContain('<link rel="canonical" href="https://news.example/ar/europe/20180427-a-story">');
    expect(lite).not.toContain('hreflang');
  });

  it('says what it is in the edition’s words, with the way back to the full page', () => {
    expect(lite).toContain(`${strings.liteNotice} <a href="/ar/europe/20180427-a-story">${strings.liteFullPage}</a>`);
  });

  it('sends reader links and the search form to lite addresses, and leaves feeds and other sites alone', () => {
    expect(lite).toContain('href="/ar.lite"');
    expect(lite).toContain('href="/ar/tag/europol.lite"');
    expect(lite).toContain('action="/ar/search.lite"');
    expect(lite).toContain('href="/ar/feeds/rss.xml"');
    expect(lite).toContain('href="https://example.com/"');
    expect(lite).toContain('href="/ar/europe/20180428-another.lite"');
  });

  it('keeps a figure’s caption and credit, with a link that opens the largest picture or the player’s file', () => {
    expect(lite).toContain(`<figure><p><a href="/_next/image?url=a&#x26;w=2000">${strings.liteOpenPicture}</a></p><figcaption>`);
    expect(lite).toContain('<span class="visually-hidden">Image caption, </span>A building.<span>Illustration: Meridian</span>');
    expect(lite).toContain(`<p><a href="/media/abc.mp4">${strings.liteOpenVideo}</a></p><figcaption>A clip.</figcaption>`);
  });

  it('leaves out what the full page marks as its own (its link to this lite version)', () => {
    expect(lite).not.toContain('Lite version');
  });

  it('keeps a form’s submit button and drops the buttons that need script', () => {
    expect(lite).toContain('<button type="submit">Search</button>');
    expect(lite).not.toContain('Menu</button>');
  });
});
