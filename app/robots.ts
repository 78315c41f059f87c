import type { MetadataRoute } from 'next';
import { editionIds } from '@/lib/domain/editions';
import { absoluteUrl } from '@/lib/domain/site-config';
import { api, sitemapIndexPath, sitemapPath } from '@/lib/domain/urls';

/** Everything but the API is open to crawlers; the sitemaps say where to start. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: [api.prefix] }],
    sitemap: [absoluteUrl(sitemapIndexPath), ...editionIds.map((edition) => absoluteUrl(sitemapPath(edition, 'news.xml')))],
  };
}

// SITE_URL is read when the server runs, not when it is built.
export const dynamic = 'force-dynamic';
