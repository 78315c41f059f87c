import { create } from 'xmlbuilder2';
import { type SitemapMonth } from '../domain/stories';
import { xmlText } from '../domain/text-rules';

/**
 * Sitemap XML, built with xmlbuilder2 (which escapes every value). A sitemap index points to one
 * file of pages, one Google News file, and the stories month by month — a month with more than
 * 50,000 stories is split, so that no file exceeds the protocol's limit.
 */

export const maxUrlsPerSitemap = 50_000;
export const maxNewsUrls = 1_000;
export const newsWindowMs = 2 * 24 * 60 * 60 * 1000;

const sitemapNs = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const imageNs = 'http://www.google.com/schemas/sitemap-image/1.1';
const newsNs = 'http://www.google.com/schemas/sitemap-news/0.9';
const xhtmlNs = 'http://www.w3.org/1999/xhtml';
const videoNs = 'http://www.google.com/schemas/sitemap-video/1.1';

export type StorySitemapFile = { name: string; month: string; part: number; count: number; lastModifiedTs: number };

/** `stories-2018-04.xml`, or `stories-2018-04-2.xml` and beyond for a month too large for one file. */
export function planStorySitemaps(months: SitemapMonth[], perFile = maxUrlsPerSitemap): StorySitemapFile[] {
  return months.flatMap(({ month, count, lastModifiedTs }) => {
    const parts = Math.max(1, Math.ceil(count / perFile));
    return Array.from({ length: parts }, (_, i) => ({
      name: i === 0 ? `stories-${month}.xml` : `stories-${month}-${i + 1}.xml`,
      month,
      part: i + 1,
      count: Math.min(perFile, count - i * perFile),
      lastModifiedTs,
    }));
  });
}

/** Reads a story sitemap's file name back into its month's UTC bounds and part; null for anything else. */
export function parseStorySitemapName(name: string): { fromTs: number; toTs: number; part: number } | null {
  const match = /^stories-(\d{4})-(\d{2})(?:-(\d{1,4}))?\.xml$/.exec(name);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const part = match[3] ? Number(match[3]) : 1;
  if (month < 1 || month > 12 || part < 1 || (match[3] && part === 1)) return null;
  return { fromTs: Date.UTC(year, month - 1, 1), toTs: Date.UTC(year, month, 1), part };
}

const iso = (ts: number) => new Date(ts).toISOString();

/** Text for an element: never a character XML cannot carry, whatever the store holds, and every `&` escaped (text-rules.ts). */
const clean = xmlText;

export function sitemapIndexXml(sitemaps: { loc: string; lastModifiedTs?: number }[]): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(sitemapNs, 'sitemapindex');
  for (const sitemap of sitemaps) {
    const node = root.ele('sitemap');
    node.ele('loc').txt(clean(sitemap.loc));
    if (sitemap.lastModifiedTs) node.ele('lastmod').txt(iso(sitemap.lastModifiedTs));
  }
  return root.end({ prettyPrint: true });
}

/** `alternates`: hreflang → absolute URL, the page itself and x-default included (Google's sitemap form of hreflang). */
export type SitemapUrl = { loc: string; lastModifiedTs?: number; images?: string[]; alternates?: Record<string, string>; videos?: AbsoluteSitemapVideo[] };

/** A story's video as the video sitemap extension describes it, its addresses absolute. */
type AbsoluteSitemapVideo = {
  thumbnailLoc: string;
  title: string;
  description: string;
  contentLoc: string;
  durationSeconds: number;
  publishedAt: string;
};

export function urlsetXml(urls: SitemapUrl[]): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(sitemapNs, 'urlset').att('xmlns:image', imageNs).att('xmlns:xhtml', xhtmlNs);
  if (urls.some((url) => url.videos?.length)) root.att('xmlns:video', videoNs);
  for (const url of urls) {
    const node = root.ele('url');
    node.ele('loc').txt(clean(url.loc));
    if (url.lastModifiedTs) node.ele('lastmod').txt(iso(url.lastModifiedTs));
    for (const [hreflang, href] of Object.entries(url.alternates ?? {})) {
      node.ele(xhtmlNs, 'xhtml:link').att('rel', 'alternate').att('hreflang', hreflang).att('href', clean(href));
    }
    for (const image of url.images ?? []) node.ele(imageNs, 'image:image').ele(imageNs, 'image:loc').txt(clean(image));
    for (const video of url.videos ?? []) {
      const entry = node.ele(videoNs, 'video:video');
      entry.ele(videoNs, 'video:thumbnail_loc').txt(clean(video.thumbnailLoc));
      entry.ele(videoNs, 'video:title').txt(clean(video.title));
      entry.ele(videoNs, 'video:description').txt(clean(video.description));
      entry.ele(videoNs, 'video:content_loc').txt(clean(video.contentLoc));
      entry.ele(videoNs, 'video:duration').txt(String(Math.min(28_800, video.durationSeconds)));
      entry.ele(videoNs, 'video:publication_date').txt(video.publishedAt);
    }
  }
  return root.end({ prettyPrint: true });
}

export type NewsUrl = { loc: string; publicationName: string; language: string; publishedAt: string; title: string };

/** Google News: stories of the last two days. An empty one is valid when nothing is that fresh. */
export function newsSitemapXml(urls: NewsUrl[]): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(sitemapNs, 'urlset').att('xmlns:news', newsNs);
  for (const url of urls) {
    const node = root.ele('url');
    node.ele('loc').txt(clean(url.loc));
    const news = node.ele(newsNs, 'news:news');
    const publication = news.ele(newsNs, 'news:publication');
    publication.ele(newsNs, 'news:name').txt(clean(url.publicationName));
    publication.ele(newsNs, 'news:language').txt(url.language);
    news.ele(newsNs, 'news:publication_date').txt(url.publishedAt);
    news.ele(newsNs, 'news:title').txt(clean(url.title));
  }
  return root.end({ prettyPrint: true });
}

export const xmlHeaders = { 'Content-Type': 'application/xml; charset=utf-8' };
