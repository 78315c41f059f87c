import { editionIds } from '@/lib/domain/editions';
import { planStorySitemaps, sitemapIndexXml, xmlHeaders } from '@/lib/seo/sitemaps';
import { absoluteUrl } from '@/lib/domain/site-config';
import { getSitemapMonths } from '@/lib/data/crawler-reads';
import { feedCacheControl, untilNextScheduled } from '@/lib/cache/cache-control';
import { responseWithValidator } from '@/lib/cache/conditional';
import { sitemapPath } from '@/lib/domain/urls';
import { taggedRoute } from '@/lib/cache/response-tags';

// Built from the store's cached reads on each request, never frozen at build time.
export const dynamic = 'force-dynamic';

/** The sitemap index: per edition, its pages, its Google News file and its stories month by month. */
async function readSitemapIndex(request: Request) {
  const sitemaps: { loc: string; lastModifiedTs?: number }[] = [];
  for (const edition of editionIds) {
    const files = planStorySitemaps(await getSitemapMonths(edition));
    const latest = Math.max(0, ...files.map((f) => f.lastModifiedTs));
    sitemaps.push({ loc: absoluteUrl(sitemapPath(edition, 'pages.xml')), lastModifiedTs: latest || undefined });
    sitemaps.push({ loc: absoluteUrl(sitemapPath(edition, 'news.xml')), lastModifiedTs: latest || undefined });
    for (const file of files) sitemaps.push({ loc: absoluteUrl(sitemapPath(edition, file.name)), lastModifiedTs: file.lastModifiedTs });
  }
  return responseWithValidator(request, sitemapIndexXml(sitemaps), { ...xmlHeaders, 'Cache-Control': untilNextScheduled(feedCacheControl) });
}

/** GET: the answer carries the content tags of what it read (lib/cache/response-tags.ts). */
export const GET = taggedRoute(readSitemapIndex);
