import { getEdition, isEditionId, type EditionId } from '@/lib/domain/editions';
import { absoluteUrl, imageUrl, publication } from '@/lib/domain/site-config';
import {
  maxNewsUrls,
  maxUrlsPerSitemap,
  newsSitemapXml,
  newsWindowMs,
  parseStorySitemapName,
  urlsetXml,
  xmlHeaders,
  type SitemapUrl,
} from '@/lib/seo/sitemaps';
import { listIndexableListPages, listStoriesPublishedBetween } from '@/lib/store/sitemaps';
import { listSectionLastPublished, listSections } from '@/lib/store/sections';
import { getStore } from '@/lib/store/database';
import { cachedRead } from '@/lib/cache/cached-read';
import { feedCacheControl } from '@/lib/cache/cache-control';
import { responseWithValidator } from '@/lib/cache/conditional';
import { contentTags } from '@/lib/domain/content-tags';
import { aboutPath, authorPath, sectionPath, tagPath } from '@/lib/domain/urls';

/** /sitemaps/{edition}/pages.xml, news.xml and stories-YYYY-MM[-N].xml. */

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

export async function GET(request: Request, { params }: { params: Promise<{ edition: string; file: string }> }) {
  const { edition, file } = await params;
  if (!isEditionId(edition)) return notFound();
  const tags = [contentTags.sitemaps(edition), contentTags.sections(edition)];
  const xml = (body: string) => responseWithValidator(request, body, { ...xmlHeaders, 'Cache-Control': feedCacheControl });
  if (file === 'pages.xml') return xml(await cachedRead(['sitemap-pages', edition], tags, () => pagesSitemap(edition)));
  // The news window moves with the clock: recomputed every five minutes, and on any publish.
  if (file === 'news.xml') return xml(await cachedRead(['sitemap-news', edition], tags, () => newsSitemap(edition), 300));
  const month = parseStorySitemapName(file);
  if (!month) return notFound();
  const body = await cachedRead(['sitemap-stories', edition, file], tags, async () => {
    const { db } = await getStore();
    const stories = await listStoriesPublishedBetween(db, {
      edition,
      fromTs: month.fromTs,
      toTs: month.toTs,
      limit: maxUrlsPerSitemap,
      offset: (month.part - 1) * maxUrlsPerSitemap,
    });
    if (stories.length === 0) return null;
    return urlsetXml(
      stories.map((story) => ({
        loc: absoluteUrl(story.path),
        lastModifiedTs: story.lastModifiedTs,
        images: [imageUrl(story.image.src)],
      })),
    );
  });
  return body === null ? notFound() : xml(body);
}

/** The fronts: home, sections, tags, authors and the about page. */
async function pagesSitemap(edition: EditionId): Promise<string> {
  const { db } = await getStore();
  const [sections, lastBySection, tags, authors] = await Promise.all([
    listSections(db, edition),
    listSectionLastPublished(db, edition),
    listIndexableListPages(db, edition, 'tag', maxUrlsPerSitemap / 2),
    listIndexableListPages(db, edition, 'author', maxUrlsPerSitemap / 2 - 100),
  ]);
  const latest = Math.max(0, ...lastBySection.values());
  const urls: SitemapUrl[] = [
    { loc: absoluteUrl(`/${edition}`), lastModifiedTs: latest || undefined },
    ...sections.filter((s) => lastBySection.has(s.slug)).map((s) => ({ loc: absoluteUrl(sectionPath(edition, s.slug)), lastModifiedTs: lastBySection.get(s.slug) })),
    ...tags.map((t) => ({ loc: absoluteUrl(tagPath(edition, t.slug)), lastModifiedTs: t.lastPublishedTs })),
    ...authors.map((a) => ({ loc: absoluteUrl(authorPath(edition, a.slug)), lastModifiedTs: a.lastPublishedTs })),
    { loc: absoluteUrl(aboutPath(edition)) },
  ];
  return urlsetXml(urls);
}

async function newsSitemap(edition: EditionId): Promise<string> {
  const { db } = await getStore();
  const now = Date.now();
  const stories = await listStoriesPublishedBetween(db, {
    edition,
    fromTs: now - newsWindowMs,
    toTs: Number.MAX_SAFE_INTEGER,
    limit: maxNewsUrls,
    newestFirst: true,
  });
  const { lang } = getEdition(edition);
  return newsSitemapXml(
    stories.map((story) => ({
      loc: absoluteUrl(story.path),
      publicationName: publication.name,
      language: lang,
      publishedAt: story.publishedAt,
      title: story.headline,
    })),
  );
}
