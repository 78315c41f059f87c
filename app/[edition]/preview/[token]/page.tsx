import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { StoryPage } from '@/components/article/StoryPage';
import { getMediaFiles } from '@/lib/data/media';
import { mediaFileIdsOf } from '@/lib/domain/media-files';
import { getEdition, isEditionId } from '@/lib/domain/editions';
import { getSection, getSections } from '@/lib/data/reads';
import { readPreviewStory } from '@/lib/data/preview';
import { storyAlternates } from '@/lib/data/alternates';
import { articleMetadata, editionFeeds, noindexRobots } from '@/lib/seo/page-metadata';
import { getStore } from '@/lib/store/database';
import { liveUntilTs } from '@/lib/domain/stories';

type Params = Promise<{ edition: string; token: string }>;

// Read for each request, never cached: the proxy has checked the link and answers private, no-store.
export const dynamic = 'force-dynamic';

/** The story a link names, read once per request (the metadata and the page share it). */
const loadPreview = cache(async (edition: string, token: string) => {
  if (!isEditionId(edition)) return undefined;
  const found = await readPreviewStory((await getStore()).db, edition, token);
  const section = found && (await getSection(edition, found.article.section));
  return found && section ? { ...found, section } : undefined;
});

const load = async (params: Params) => {
  const { edition, token } = await params;
  return loadPreview(edition, token);
};

/** The story's own metadata, as it will be published, but never indexed. */
export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const found = await load(params);
  if (!found) return { robots: noindexRobots };
  const edition = getEdition(found.article.edition);
  const metadata = articleMetadata(found.article, found.section, edition, editionFeeds(edition, found.section), await storyAlternates(found.article));
  return { ...metadata, robots: noindexRobots };
}

/** A draft or scheduled story exactly as it will look once published (decision 015). */
export default async function PreviewPage({ params }: { params: Params }) {
  const found = await load(params);
  if (!found) notFound();
  const [sections, alternates, mediaFiles] = await Promise.all([
    getSections(found.article.edition),
    storyAlternates(found.article),
    getMediaFiles(mediaFileIdsOf(found.article).join(',')),
  ]);
  // A live story is previewed as it will open: live, its window starting at its publication.
  const liveUntil = liveUntilTs(found.article, true, 0, Date.parse(found.article.publishedAt));
  return (
    <StoryPage
      article={found.article}
      section={found.section}
      sections={sections}
      related={found.related}
      alternates={alternates}
      liveUntilTs={liveUntil}
      mediaFiles={mediaFiles}
    />
  );
}
