import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { StoryPage } from '@/components/article/StoryPage';
import { parseArticleSegment, storyHistoryPath } from '@/lib/domain/urls';
import { getPublicVersionCount } from '@/lib/data/history-reads';
import { getMostRead } from '@/lib/data/most-read';
import { getEdition, isEditionId } from '@/lib/domain/editions';
import { getArticle, getLiveUntil, getRelated, getSection, getSections } from '@/lib/data/reads';
import { articleMetadata, editionFeeds } from '@/lib/seo/page-metadata';
import { storyAlternates } from '@/lib/data/alternates';
import { getMediaFiles } from '@/lib/data/media';
import { mediaFileIdsOf } from '@/lib/domain/media-files';

type Params = Promise<{ edition: string; section: string; article: string }>;

// Rendered on first request, then served from the page cache until its content tags change.
export const revalidate = 86400;
export function generateStaticParams() {
  return [];
}

/** The story at /{edition}/{section}/{yyyymmdd}-{slug}, and its section; undefined when there is none. */
async function loadArticle(params: Params) {
  const { edition, section: sectionSlug, article: segment } = await params;
  if (!isEditionId(edition)) return undefined;
  const locator = parseArticleSegment(segment);
  if (!locator) return undefined;
  const [article, section] = await Promise.all([getArticle(edition, sectionSlug, locator.date, locator.slug), getSection(edition, sectionSlug)]);
  return article && section ? { edition, locator, article, section } : undefined;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const found = await loadArticle(params);
  if (!found) return {};
  const edition = getEdition(found.edition);
  const [alternates, mediaFiles] = await Promise.all([storyAlternates(found.article), getMediaFiles(mediaFileIdsOf(found.article).join(','))]);
  return articleMetadata(found.article, found.section, edition, editionFeeds(edition, found.section), alternates, mediaFiles);
}

export default async function ArticlePage({ params }: { params: Params }) {
  const found = await loadArticle(params);
  if (!found) notFound();
  const { edition, locator, article, section } = found;
  const [related, sections, alternates, liveUntilTs, mediaFiles, versions, mostRead] = await Promise.all([
    getRelated(edition, section.slug, locator.date, locator.slug, 4),
    getSections(edition),
    storyAlternates(article),
    article.live ? getLiveUntil(article.id) : null,
    getMediaFiles(mediaFileIdsOf(article).join(',')),
    getPublicVersionCount(article.id, edition, locator.slug),
    getMostRead(edition),
  ]);
  return (
    <StoryPage
      article={article}
      section={section}
      sections={sections}
      related={related}
      alternates={alternates}
      liveUntilTs={liveUntilTs}
      mediaFiles={mediaFiles}
      historyHref={versions > 1 ? storyHistoryPath(article) : null}
      mostRead={mostRead}
      countsReads
    />
  );
}
