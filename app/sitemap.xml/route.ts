import { editionIds } from '@/lib/domain/editions';
import { planStorySitemaps, sitemapIndexXml, xmlHeaders } from '@/lib/seo/sitemaps';
import { absoluteUrl } from '@/lib/domain/site-config';
import { listSitemapMonths } from '@/lib/store/sitemaps';
import { getStore } from '@/lib/store/database';
import { cachedRead } from '@/lib/cache/cached-read';
import { feedCacheControl } from '@/lib/cache/cache-control';
import { responseWithValidator } from '@/lib/cache/conditional';
import { contentTags } from '@/lib/domain/content-tags';
import { sitemapPath } from '@/lib/domain/urls';

// Built from the store on each request (cached by tags in a later step), never frozen at build time.
export const dynamic = 'force-dynamic';

/** The sitemap index: per edition, its pages, its Google News file and its stories month by month. */
export async function GET(request: Request) {
  const xml = await cachedRead(['sitemap-index'], editionIds.map(contentTags.sitemaps), async () => {
    const { db } = await getStore();
    const sitemaps: { loc: string; lastModifiedTs?: number }[] = [];
    for (const edition of editionIds) {
      const files = planStorySitemaps(await listSitemapMonths(db, edition));
      const latest = Math.max(0, ...files.map((f) => f.lastModifiedTs));
      sitemaps.push({ loc: absoluteUrl(`/sitemaps/${edition}/pages.xml`), lastModifiedTs: latest || undefined });
      sitemaps.push({ loc: absoluteUrl(`/sitemaps/${edition}/news.xml`), lastModifiedTs: latest || undefined });
      for (const file of files) sitemaps.push({ loc: absoluteUrl(sitemapPath(edition, file.name)), lastModifiedTs: file.lastModifiedTs });
    }
    return sitemapIndexXml(sitemaps);
  });
  return responseWithValidator(request, xml, { ...xmlHeaders, 'Cache-Control': feedCacheControl });
}
