import type { Article as ArticleData, Section } from '@/lib/domain/article-schema';
import type { ArticleSummary } from '@/lib/domain/stories';
import type { EditionAlternate } from '@/lib/domain/urls';
import type { MediaFile } from '@/lib/domain/media-files';
import { Article, articleHeadlineId } from '@/components/article/Article';
import { ArticleLayout } from '@/components/article/ArticleLayout';
import { Breadcrumbs } from '@/components/article/Breadcrumbs';
import { RelatedStories } from '@/components/article/RelatedStories';
import { MostRead } from '@/components/story-lists/MostRead';
import { ReadBeacon } from '@/components/article/ReadBeacon.island';
import { PageShell } from '@/components/layout/PageShell';
import { LiveUpdates } from '@/components/live/LiveUpdates';
import { JsonLd } from '@/components/seo/JsonLd';
import { api, articlePath, editionPath, sectionPath } from '@/lib/domain/urls';
import { getEdition } from '@/lib/domain/editions';
import { breadcrumbJsonLd, newsArticleJsonLd } from '@/lib/seo/json-ld';

type Props = {
  article: ArticleData;
  section: Section;
  sections: Section[];
  related: ArticleSummary[];
  alternates: EditionAlternate[];
  /** Until when a live story is live; null once its updates have stopped (or for any other story). */
  liveUntilTs: number | null;
  /** What the store knows of the videos, recordings and captions the story plays, by id. */
  mediaFiles: Record<string, MediaFile>;
  /** The story's history, when readers have seen more than one version of it (issue 32). */
  historyHref?: string | null;
  /** The edition's most read stories, under the story; and whether its page counts as read (not a preview). */
  mostRead?: ArticleSummary[];
  countsReads?: boolean;
};

/** A story's whole page: what its address shows, and what a preview of it shows before it is published (decision 015). */
export function StoryPage({
  article,
  section,
  sections,
  related,
  alternates,
  liveUntilTs,
  mediaFiles,
  historyHref = null,
  mostRead = [],
  countsReads = false,
}: Props) {
  const edition = article.edition;
  const config = getEdition(edition);
  const liveNow = article.live && liveUntilTs !== null;
  return (
    <PageShell edition={edition} currentSection={section.slug} skipTo={articleHeadlineId} alternates={alternates} path={articlePath(article)}>
      <JsonLd data={newsArticleJsonLd(article, section, config, alternates, liveNow ? liveUntilTs : null, mediaFiles)} />
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
        />
        <Article
          article={article}
          edition={config}
          liveNow={liveNow}
          mediaFiles={mediaFiles}
          historyHref={historyHref}
          translations={alternates.filter((a) => a.edition !== edition)}
          updates={article.live ? <LiveUpdates edition={edition} articleId={article.id} liveNow={liveNow} /> : null}
        />
        <RelatedStories stories={related} edition={config} sections={sections} />
        <MostRead stories={mostRead} edition={config} headingId="most-read" />
        {countsReads ? <ReadBeacon href={api.view(article.id)} /> : null}
      </ArticleLayout>
    </PageShell>
  );
}
