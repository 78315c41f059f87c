import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Article, articleHeadlineId } from '@/components/article/Article';
import { ArticleLayout } from '@/components/article/ArticleLayout';
import { Breadcrumbs } from '@/components/article/Breadcrumbs';
import { RelatedStories } from '@/components/article/RelatedStories';
import { PageShell } from '@/components/layout/PageShell';
import { LiveUpdates } from '@/components/live/LiveUpdates';
import { articlePath, editionPath, parseArticleSegment, sectionPath } from '@/lib/domain/urls';
import { getEdition, isEditionId } from '@/lib/domain/editions';
import { getArticle, getRelated, getSection, getSections } from '@/lib/data/reads';
import { JsonLd } from '@/components/seo/JsonLd';
import { breadcrumbJsonLd, newsArticleJsonLd } from '@/lib/seo/json-ld';
import { articleMetadata, editionFeeds } from '@/lib/seo/page-metadata';
import { storyAlternates } from '@/lib/data/alternates';

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
  return articleMetadata(found.article, found.section, edition, editionFeeds(edition, found.section), await storyAlternates(found.article));
}

export default async function ArticlePage({ params }: { params: Params }) {
  const found = await loadArticle(params);
  if (!found) notFound();
  const { edition, locator, article, section } = found;
  const config = getEdition(edition);
  const [related, sections, alternates] = await Promise.all([
    getRelated(edition, section.slug, locator.date, locator.slug, 4),
    getSections(edition),
    storyAlternates(article),
  ]);
  return (
    <PageShell edition={edition} currentSection={section.slug} skipTo={articleHeadlineId} alternates={alternates}>
      <JsonLd data={newsArticleJsonLd(article, section, config, alternates)} />
      <JsonLd
        data={breadcrumbJsonLd([
          { name: config.strings.home, path: editionPath(edition) },
          { name: section.name, path: sectionPath(edition, section.slug) },
          { name: article.headline, path: articlePath(article) },
        ])}
      />
      <ArticleLayout edition={edition} currentArticleId={article.id}>
        <Breadcrumbs
          label={config.strings.breadcrumbLabel}
          crumbs={[
            { name: config.strings.home, href: editionPath(edition) },
            { name: section.name, href: sectionPath(edition, section.slug) },
          ]}
          current={article.headline}
        />
        <Article
          article={article}
          section={section}
          edition={config}
          translations={alternates.filter((a) => a.edition !== edition)}
          afterBody={article.live ? <LiveUpdates edition={edition} articleId={article.id} /> : null}
        />
        <RelatedStories stories={related} edition={config} sections={sections} />
      </ArticleLayout>
    </PageShell>
  );
}
