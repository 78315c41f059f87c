import { buildStoryFeed, feedSize } from '@/lib/feeds/story-feed';
import { getEdition, isEditionId } from '@/lib/domain/editions';
import { isSlug } from '@/lib/domain/slug';
import { listSections } from '@/lib/store/sections';
import { listStories } from '@/lib/store/lists';
import { getStore } from '@/lib/store/database';
import { cachedRead } from '@/lib/cache/cached-read';
import { feedCacheControl } from '@/lib/cache/cache-control';
import { responseWithValidator } from '@/lib/cache/conditional';
import { contentTags } from '@/lib/domain/content-tags';

/**
 * /{edition}/feeds/rss.xml and atom.xml for the edition; /{edition}/feeds/{section}/rss.xml and
 * atom.xml for a section. The latest 30 published stories.
 */

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

export async function GET(request: Request, { params }: { params: Promise<{ edition: string; path: string[] }> }) {
  const { edition, path } = await params;
  if (!isEditionId(edition) || path.length > 2) return notFound();
  const format = path.at(-1);
  if (format !== 'rss.xml' && format !== 'atom.xml') return notFound();
  const sectionSlug = path.length === 2 ? path[0]! : null;
  // Only a slug can name a section: anything else is not cached under a tag made from it.
  if (sectionSlug !== null && !isSlug(sectionSlug)) return notFound();
  const xml = await cachedRead(
    ['feed', edition, sectionSlug ?? '', format],
    [sectionSlug ? contentTags.section(edition, sectionSlug) : contentTags.latest(edition), contentTags.sections(edition)],
    async () => {
      const { db } = await getStore();
      const sections = await listSections(db, edition);
      const section = sectionSlug ? sections.find((s) => s.slug === sectionSlug) : undefined;
      if (sectionSlug && !section) return null;
      const stories = await listStories(db, { edition, filter: section ? { kind: 'section', slug: section.slug } : { kind: 'edition' }, limit: feedSize });
      const feed = buildStoryFeed(getEdition(edition), sections, stories.items, section);
      return format === 'rss.xml' ? feed.rss2() : feed.atom1();
    },
  );
  if (xml === null) return notFound();
  const type = format === 'rss.xml' ? 'application/rss+xml' : 'application/atom+xml';
  return responseWithValidator(request, xml, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': feedCacheControl });
}
