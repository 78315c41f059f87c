import { buildStoryFeed, feedSize } from '@/lib/feeds/story-feed';
import { getEdition, isEditionId } from '@/lib/editions';
import { listSections, listStories } from '@/lib/store/article-repository';
import { getStore } from '@/lib/store/database';

/**
 * /{edition}/feeds/rss.xml and atom.xml for the edition; /{edition}/feeds/{section}/rss.xml and
 * atom.xml for a section. The latest 30 published stories.
 */

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

export async function GET(_request: Request, { params }: { params: Promise<{ edition: string; path: string[] }> }) {
  const { edition, path } = await params;
  if (!isEditionId(edition) || path.length > 2) return notFound();
  const format = path.at(-1);
  if (format !== 'rss.xml' && format !== 'atom.xml') return notFound();
  const { db } = await getStore();
  const sections = await listSections(db, edition);
  const section = path.length === 2 ? sections.find((s) => s.slug === path[0]) : undefined;
  if (path.length === 2 && !section) return notFound();
  const stories = await listStories(db, { edition, filter: section ? { kind: 'section', slug: section.slug } : { kind: 'edition' }, limit: feedSize });
  const feed = buildStoryFeed(getEdition(edition), sections, stories.items, section);
  return format === 'rss.xml'
    ? new Response(feed.rss2(), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } })
    : new Response(feed.atom1(), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}
