import type { ReactNode } from 'react';
import type { Article as ArticleData, Section } from '@/lib/domain/article-schema';
import type { EditionConfig } from '@/lib/domain/editions';
import { publication } from '@/lib/domain/site-config';
import { slugify } from '@/lib/domain/slug';
import { ArticleBody } from './ArticleBody';
import { ArticleFigure } from './ArticleFigure';
import { Byline } from './Byline';
import { Corrections } from './Corrections';
import { Translations } from './Translations';
import styles from './Article.module.css';
import { sectionPath, tagPath, type EditionAlternate } from '@/lib/domain/urls';

type Props = {
  article: ArticleData;
  section: Section;
  edition: EditionConfig;
  /** What follows the body on this page: a live story's updates. */
  afterBody?: ReactNode;
  /** The story in the other editions: linked under the byline, each in its own language. */
  translations?: EditionAlternate[];
};

/** The skip link's target on a story page (as on the BBC's): the reader lands on the headline. */
export const articleHeadlineId = 'headline';

/** A whole story as a reader sees it; the page around it (header, rail, footer) is not its job. */
export function Article({ article, section, edition, afterBody, translations = [] }: Props) {
  const { strings } = edition;
  return (
    <article className={styles.article}>
      <header className={styles.header}>
        <p className={styles.section}>
          {article.live ? <span className={styles.liveBadge}>{strings.live}</span> : null}
          <a href={sectionPath(edition.id, section.slug)}>{section.name}</a>
        </p>
        <h1 className={styles.headline} id={articleHeadlineId} tabIndex={-1}>
          {article.headline}
        </h1>
        <p className={styles.standfirst}>{article.standfirst}</p>
        <Byline authors={article.authors} publishedAt={article.publishedAt} updatedAt={article.updatedAt} edition={edition} />
        <Corrections corrections={article.corrections} edition={edition} />
        <Translations translations={translations} heading={strings.translationsHeading} />
      </header>
      <ArticleFigure image={article.mainImage} strings={strings} lead />
      <div className={styles.text}>
        <ArticleBody blocks={article.body} strings={strings} />
        {afterBody}
        {article.sourceCredit ? <p className={styles.sourceCredit}>{strings.sourceCredit(publication.name, article.sourceCredit)}</p> : null}
        {article.tags.length ? (
          <section className={styles.tags} aria-labelledby="article-tags">
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
