import type { ReactNode } from 'react';
import type { Article as ArticleData } from '@/lib/domain/article-schema';
import type { EditionConfig } from '@/lib/domain/editions';
import { absoluteUrl, publication } from '@/lib/domain/site-config';
import { LiveBadge } from '@/components/story-lists/LiveBadge';
import { slugify } from '@/lib/domain/slug';
import { ArticleBody, type MediaBlockView } from './ArticleBody';
import { ArticleFigure } from './ArticleFigure';
import { EmbedCard } from './EmbedCard';
import { StoryAudio } from './StoryAudio';
import { StoryVideo } from './StoryVideo';
import type { MediaFile } from '@/lib/domain/media-files';
import { Byline } from './Byline';
import { Corrections } from './Corrections';
import { Translations } from './Translations';
import styles from './Article.module.css';
import { articlePath, savedPath, tagPath, type EditionAlternate } from '@/lib/domain/urls';
import { SaveForLater } from '@/components/offline/SaveForLater.island';

type Props = {
  article: ArticleData;
  edition: EditionConfig;
  /** A live story whose updates have not stopped: it carries the live badge. */
  liveNow?: boolean;
  /** A live story's updates: after the opening, before the body (which is their background). */
  updates?: ReactNode;
  /** The story in the other editions: linked under the byline, each in its own language. */
  translations?: EditionAlternate[];
  /** What the store knows of the videos, recordings and captions the story plays, by id. */
  mediaFiles?: Record<string, MediaFile>;
  /** The story's history, when readers have seen more than one version of it (issue 32). */
  historyHref?: string | null;
};

/** The skip link's target on a story page (as on the BBC's): the reader lands on the headline. */
export const articleHeadlineId = 'headline';

/**
 * A whole story as a reader sees it; the page around it (header, rail, footer) is not its job.
 * It opens as the broadcaster's own pages do: the headline, then the picture with its caption
 * (within a phone's first screen), then the standfirst, the byline, the other languages on one
 * line, and any correction; a live story's updates come next, then the body.
 */
export function Article({ article, edition, liveNow = false, updates, translations = [], mediaFiles = {}, historyHref = null }: Props) {
  const { strings } = edition;
  const media: MediaBlockView = (block) =>
    block.type === 'video' ? (
      <StoryVideo video={block} files={mediaFiles} edition={edition} />
    ) : block.type === 'audio' ? (
      <StoryAudio audio={block} files={mediaFiles} edition={edition} />
    ) : (
      <EmbedCard embed={block} strings={strings} />
    );
  return (
    <article className={styles.article}>
      <header className={styles.header}>
        {liveNow ? (
          <p className={styles.kicker}>
            <LiveBadge label={strings.live} />
          </p>
        ) : null}
        <h1 className={styles.headline} id={articleHeadlineId} tabIndex={-1}>
          {article.headline}
        </h1>
        {article.mainVideo ? (
          <StoryVideo video={article.mainVideo} files={mediaFiles} edition={edition} lead={{ poster: article.mainImage }} />
        ) : (
          <ArticleFigure image={article.mainImage} strings={strings} lead />
        )}
        <p className={styles.standfirst}>{article.standfirst}</p>
        <Byline authors={article.authors} publishedAt={article.publishedAt} updatedAt={article.updatedAt} edition={edition} historyHref={historyHref} />
        <Translations translations={translations} heading={strings.translationsHeading} />
        <SaveForLater
          path={articlePath(article)}
          savedHref={savedPath(edition.id)}
          strings={{
            saveForLater: strings.saveForLater,
            savedForLater: strings.savedForLater,
            saveDone: strings.saveDone,
            saveUndone: strings.saveUndone,
            saveFailed: strings.saveFailed,
            savedTitle: strings.savedTitle,
          }}
        />
        <Corrections corrections={article.corrections} edition={edition} />
        <p className={styles.printAddress}>
          {strings.printedFrom} {absoluteUrl(articlePath(article))}
        </p>
      </header>
      <div className={styles.text}>
        {updates}
        <ArticleBody blocks={article.body} strings={strings} media={media} />
        {article.sourceCredit ? <p className={styles.sourceCredit}>{strings.sourceCredit(publication.name, article.sourceCredit)}</p> : null}
        {article.tags.length ? (
          <section className={styles.tags} aria-labelledby="article-tags" data-print="hide">
            <h2 id="article-tags" className={styles.tagsHeading}>
              {strings.tags}
            </h2>
            <ul className={styles.tagList}>
              {article.tags.map((tag) => (
                <li key={tag}>
                  <a className={styles.tag} href={tagPath(edition.id, slugify(tag))}>
                    {tag}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </article>
  );
}
