import { storyFeedXml } from '@/lib/feeds/story-feed';
import { getEdition, isEditionId } from '@/lib/domain/editions';
import { isSlug } from '@/lib/domain/slug';
import { getFeedStories, getSections } from '@/lib/data/reads';
import { feedCacheControl, untilNextScheduled } from '@/lib/cache/cache-control';
import { responseWithValidator } from '@/lib/cache/conditional';
import { taggedRoute } from '@/lib/cache/response-tags';
import { correctionsFeedXml } from '@/lib/feeds/corrections-feed';
import { getEditionCorrections } from '@/lib/data/history-reads';

/**
 * /{edition}/feeds/rss.xml and atom.xml for the edition; /{edition}/feeds/{section}/rss.xml and
 * atom.xml for a section. The latest 30 published stories. /{edition}/feeds/corrections/rss.xml and
 * atom.xml: the edition's corrections, newest first (issue 32; no section may be named corrections).
 */

const feedType = (format: 'rss.xml' | 'atom.xml') => (format === 'rss.xml' ? 'application/rss+xml' : 'application/atom+xml');

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

async function readFeed(request: Request, { params }: { params: Promise<{ edition: string; path: string[] }> }) {
  const { edition, path } = await params;
  if (!isEditionId(edition) || path.length > 2) return notFound();
  const format = path.at(-1);
  if (format !== 'rss.xml' && format !== 'atom.xml') return notFound();
  if (path.length === 2 && path[0] === 'corrections') {
    const xml = correctionsFeedXml(format === 'rss.xml' ? 'rss' : 'atom', getEdition(edition), await getEditionCorrections(edition));
    return responseWithValidator(request, xml, { 'Content-Type': `${feedType(format)}; charset=utf-8`, 'Cache-Control': feedCacheControl });
  }
  const sectionSlug = path.length === 2 ? path[0]! : null;
  // Only a slug can name a section: anything else is not cached under a tag made from it.
  if (sectionSlug !== null && !isSlug(sectionSlug)) return notFound();
  const sections = await getSections(edition);
  const section = sectionSlug ? sections.find((s) => s.slug === sectionSlug) : undefined;
  if (sectionSlug && !section) return notFound();
  const stories = await getFeedStories(edition, section?.slug ?? null);
  const xml = storyFeedXml(format === 'rss.xml' ? 'rss' : 'atom', getEdition(edition), sections, stories, section);
  return responseWithValidator(request, xml, {
    'Content-Type': `${feedType(format)}; charset=utf-8`,
    'Cache-Control': untilNextScheduled(feedCacheControl, edition),
  });
}

/** GET: the answer carries the content tags of what it read (lib/cache/response-tags.ts). */
export const GET = taggedRoute(readFeed);
