import { pageHref } from '@/lib/domain/urls';
import type { ReactNode } from 'react';
import type { Section } from '@/lib/domain/article-schema';
import { islandEdition, type EditionConfig } from '@/lib/domain/editions';
import type { StoriesPage } from '@/lib/data/reads';
import type { ArticleSummary } from '@/lib/domain/stories';
import LoadMoreStoriesIsland from './LoadMoreStories.island';
// Named by the island too; kept here so that these rules keep their place in the page's inlined CSS.
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
  /**
   * A section's first page opens with its lead story and top stories, as its editors chose them
   * or by recency (decision 019); the list below leaves them out.
   */
  opening?: { lead: ArticleSummary | undefined; top: ArticleSummary[] };
  /** With JavaScript, older stories load in place from here. */
  loadMore: { filter: { section?: string; tag?: string; author?: string }; pageSize: number; startCursor: string | null };
};

/** A section, tag or author page: a heading, the stories newest first, links to older pages. */
export function ListFront({ edition, sections, path, eyebrow, title, description, stories, opening, loadMore }: Props) {
  const sectionName = (slug: string) => sections.find((s) => s.slug === slug)?.name ?? slug;
  const opened = new Set([opening?.lead, ...(opening?.top ?? [])].filter((story) => story !== undefined).map((story) => story.id));
  const listed = stories.items.filter((story) => !opened.has(story.id));
  return (
    <div className={styles.front}>
      <header className={styles.header}>
        {eyebrow ? <p className={styles.eyebrow}>{eyebrow}</p> : null}
        <h1 className={styles.title}>{title}</h1>
        {description ? <p className={styles.description}>{description}</p> : null}
        {stories.page > 1 ? <p className={styles.page}>{edition.strings.pageNumber(stories.page)}</p> : null}
      </header>
      {opening?.lead ? (
        <div className={styles.opening}>
          <div className={styles.lead}>
            <StoryCard story={opening.lead} edition={edition} sectionName={sectionName(opening.lead.section)} variant="lead" headingLevel={2} lead />
          </div>
          {opening.top.length ? (
            <ul className={styles.top}>
              {opening.top.map((story) => (
                <li key={story.id}>
                  <StoryCard story={story} edition={edition} sectionName={sectionName(story.section)} variant="top" headingLevel={2} />
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <ol className={styles.list}>
        {listed.map((story) => (
          <li key={story.id}>
            <StoryCard story={story} edition={edition} sectionName={sectionName(story.section)} variant="standard" headingLevel={2} />
          </li>
        ))}
      </ol>
      <LoadMoreStoriesIsland
        {...loadMore}
        edition={islandEdition(edition)}
        sections={sections}
        fallback={<Pagination href={(page) => pageHref(path, page)} page={stories.page} hasOlder={stories.hasOlder} strings={edition.strings} />}
      />
    </div>
  );
}
