import { editionIds, getEdition, isEditionId, type EditionId } from '@/lib/domain/editions';
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
import { getIndexablePages, getNewsStories, getSitemapStories } from '@/lib/data/crawler-reads';
import { getSections } from '@/lib/data/reads';
import { feedCacheControl, untilNextScheduled } from '@/lib/cache/cache-control';
import { responseWithValidator } from '@/lib/cache/conditional';
import { aboutPath, authorPath, correctionsPath, editionPath, everyEdition, sectionPath, tagPath, type EditionAlternate } from '@/lib/domain/urls';
import { getEditionCorrections } from '@/lib/data/history-reads';
import { hreflangs } from '@/lib/seo/page-metadata';
import { sectionAlternates } from '@/lib/data/alternates';
import { taggedRoute } from '@/lib/cache/response-tags';

/** /sitemaps/{edition}/pages.xml, news.xml and stories-YYYY-MM[-N].xml. */

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

async function readSitemap(request: Request, { params }: { params: Promise<{ edition: string; file: string }> }) {
  const { edition, file } = await params;
  if (!isEditionId(edition)) return notFound();
  const xml = (body: string) => responseWithValidator(request, body, { ...xmlHeaders, 'Cache-Control': untilNextScheduled(feedCacheControl) });
  if (file === 'pages.xml') return xml(await pagesSitemap(edition));
  if (file === 'news.xml') return xml(await newsSitemap(edition));
  const month = parseStorySitemapName(file);
  if (!month) return notFound();
  const stories = await getSitemapStories(edition, {
    fromTs: month.fromTs,
    toTs: month.toTs,
    limit: maxUrlsPerSitemap,
    offset: (month.part - 1) * maxUrlsPerSitemap,
  });
  if (stories.length === 0) return notFound();
  return xml(
    urlsetXml(
      stories.map((story) => ({
        loc: absoluteUrl(story.path),
        lastModifiedTs: story.lastModifiedTs,
        images: [imageUrl(story.image.src)],
        alternates: absoluteAlternates(story.alternates),
        videos: story.videos?.map((video) => ({
          thumbnailLoc: imageUrl(video.thumbnail),
          title: video.title,
          description: video.description,
          contentLoc: absoluteUrl(video.content),
          durationSeconds: video.durationSeconds,
          publishedAt: video.publishedAt,
        })),
      })),
    ),
  );
}

/** GET: the answer carries the content tags of what it read (lib/cache/response-tags.ts). */
export const GET = taggedRoute(readSitemap);

/** hreflang alternates with absolute URLs, for a page that has counterparts. */
function absoluteAlternates(alternates: EditionAlternate[]): Record<string, string> | undefined {
  const languages = hreflangs(alternates);
  return languages ? Object.fromEntries(Object.entries(languages).map(([lang, path]) => [lang, absoluteUrl(path)])) : undefined;
}

/** The fronts: home, sections, tags, authors, the about page and the corrections page (issue 32). */
async function pagesSitemap(edition: EditionId): Promise<string> {
  const [sections, pages, corrections] = await Promise.all([
    getSections(edition),
    getIndexablePages(edition, { tags: maxUrlsPerSitemap / 2, authors: maxUrlsPerSitemap / 2 - 100 }),
    getEditionCorrections(edition),
  ]);
  const sectionAlternatesBySlug = new Map(await Promise.all(sections.map(async (s) => [s.slug, await sectionAlternates(s)] as const)));
  const lastBySection = new Map(pages.sectionsLastPublished);
  const latest = Math.max(0, ...lastBySection.values());
  const urls: SitemapUrl[] = [
    { loc: absoluteUrl(editionPath(edition)), lastModifiedTs: latest || undefined, alternates: absoluteAlternates(everyEdition(editionPath, editionIds)) },
    ...sections
      .filter((s) => lastBySection.has(s.slug))
      .map((s) => ({
        loc: absoluteUrl(sectionPath(edition, s.slug)),
        lastModifiedTs: lastBySection.get(s.slug),
        alternates: absoluteAlternates(sectionAlternatesBySlug.get(s.slug) ?? []),
      })),
    ...pages.tags.map((t) => ({ loc: absoluteUrl(tagPath(edition, t.slug)), lastModifiedTs: t.lastPublishedTs })),
    ...pages.authors.map((a) => ({ loc: absoluteUrl(authorPath(edition, a.slug)), lastModifiedTs: a.lastPublishedTs })),
    { loc: absoluteUrl(aboutPath(edition)), alternates: absoluteAlternates(everyEdition(aboutPath, editionIds)) },
    {
      loc: absoluteUrl(correctionsPath(edition)),
      lastModifiedTs: corrections[0] ? Date.parse(corrections[0].at) : undefined,
      alternates: absoluteAlternates(everyEdition(correctionsPath, editionIds)),
    },
  ];
  return urlsetXml(urls);
}

async function newsSitemap(edition: EditionId): Promise<string> {
  const stories = await getNewsStories(edition, newsWindowMs, maxNewsUrls);
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
