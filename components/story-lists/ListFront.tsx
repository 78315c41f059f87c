import { pageHref } from '@/lib/domain/urls';
import type { ReactNode } from 'react';
import type { Section } from '@/lib/domain/article-schema';
import { islandEdition, type EditionConfig } from '@/lib/domain/editions';
import type { StoriesPage } from '@/lib/data/reads';
import { DeferredLoadMoreStories } from './LoadMoreStories.deferred';
// Its styles load with the page, not with its code after the first paint.
import './LoadMoreStories.module.css';
import { Pagination } from './Pagination';
import { StoryCard } from './StoryCard';
import styles from './ListFront.module.css';

type Props = {
  edition: EditionConfig;
  sections: Section[];
  /** Where the list lives: page links are built on it. */
  path: string;
  eyebrow?: string;
  title: string;
  description?: ReactNode;
  stories: StoriesPage;
  /** With JavaScript, older stories load in place from here. */
  loadMore: { filter: { section?: string; tag?: string; author?: string }; pageSize: number; startCursor: string | null };
};

/** A section, tag or author page: a heading, the stories newest first, links to older pages. */
export function ListFront({ edition, sections, path, eyebrow, title, description, stories, loadMore }: Props) {
  const sectionName = (slug: string) => sections.find((s) => s.slug === slug)?.name ?? slug;
  return (
    <div className={styles.front}>
      <header className={styles.header}>
        {eyebrow ? <p className={styles.eyebrow}>{eyebrow}</p> : null}
        <h1 className={styles.title}>{title}</h1>
        {description ? <p className={styles.description}>{description}</p> : null}
        {stories.page > 1 ? <p className={styles.page}>{edition.strings.pageNumber(stories.page)}</p> : null}
      </header>
      <ol className={styles.list}>
        {stories.items.map((story) => (
          <li key={story.id}>
            <StoryCard story={story} edition={edition} sectionName={sectionName(story.section)} variant="standard" headingLevel={2} />
          </li>
        ))}
      </ol>
      <DeferredLoadMoreStories
        {...loadMore}
        edition={islandEdition(edition)}
        sections={sections}
        fallback={<Pagination href={(page) => pageHref(path, page)} page={stories.page} hasOlder={stories.hasOlder} strings={edition.strings} />}
      />
    </div>
  );
}
