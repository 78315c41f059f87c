import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageShell } from '@/components/layout/PageShell';
import { StoryHistory } from '@/components/history/StoryHistory';
import { getEdition, isEditionId } from '@/lib/domain/editions';
import { pageMetadata } from '@/lib/seo/page-metadata';
import { getStoryHistory } from '@/lib/data/history-reads';
import { parseArticleSegment, storyHistoryPath } from '@/lib/domain/urls';

type Params = Promise<{ edition: string; section: string; article: string }>;

// Cached like the story, and purged with it: its reads carry the story's tags.
export const revalidate = 86400;
export function generateStaticParams() {
  return [];
}

async function loadHistory(params: Params) {
  const { edition, section, article: segment } = await params;
  if (!isEditionId(edition)) return null;
  const locator = parseArticleSegment(segment);
  if (!locator) return null;
  const history = await getStoryHistory(edition, section, locator.date, locator.slug);
  return history ? { edition, ...history } : null;
}

/** Never indexed: the story is the page to find; its history is there for readers who want it. */
export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const found = await loadHistory(params);
  if (!found) return {};
  const edition = getEdition(found.edition);
  return pageMetadata({
    edition,
    path: storyHistoryPath(found.article),
    title: `${edition.strings.historyTitle}: ${found.article.headline}`,
    description: edition.strings.historyIntro,
    noindex: true,
  });
}

/** /{edition}/{section}/{yyyymmdd}-{slug}/history: what changed in a story, version by version (issue 32). */
export default async function StoryHistoryPage({ params }: { params: Params }) {
  const found = await loadHistory(params);
  if (!found) notFound();
  return (
    <PageShell edition={found.edition} path={storyHistoryPath(found.article)}>
      <StoryHistory article={found.article} versions={found.versions} edition={getEdition(found.edition)} />
    </PageShell>
  );
}
