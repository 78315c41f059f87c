import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Article } from '@/components/article/Article';
import { ArticleLayout } from '@/components/article/ArticleLayout';
import { PageShell } from '@/components/layout/PageShell';
import { parseArticleSegment } from '@/lib/article-path';
import { getEdition, isEditionId } from '@/lib/editions';
import { getArticle, getSection } from '@/lib/store/reads';

type Params = Promise<{ edition: string; section: string; article: string }>;

/** The story at /{edition}/{section}/{yyyymmdd}-{slug}, and its section; undefined when there is none. */
async function loadArticle(params: Params) {
  const { edition, section: sectionSlug, article: segment } = await params;
  if (!isEditionId(edition)) return undefined;
  const locator = parseArticleSegment(segment);
  if (!locator) return undefined;
  const [article, section] = await Promise.all([
    getArticle(edition, sectionSlug, locator.date, locator.slug),
    getSection(edition, sectionSlug),
  ]);
  return article && section ? { edition, article, section } : undefined;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const found = await loadArticle(params);
  if (!found) return {};
  return {
    title: found.article.headline,
    description: found.article.standfirst,
  };
}

export default async function ArticleRoute({ params }: { params: Params }) {
  const found = await loadArticle(params);
  if (!found) notFound();
  const { edition, article, section } = found;
  return (
    <PageShell edition={edition} currentSection={section.slug}>
      <ArticleLayout edition={edition} currentArticleId={article.id}>
        <Article article={article} section={section} edition={getEdition(edition)} />
      </ArticleLayout>
    </PageShell>
  );
}
