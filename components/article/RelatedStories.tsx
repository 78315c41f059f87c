import { StoryCard } from '@/components/story-lists/StoryCard';
import type { Section } from '@/lib/domain/article-schema';
import type { EditionConfig } from '@/lib/domain/editions';
import { type ArticleSummary } from '@/lib/domain/stories';
import styles from './RelatedStories.module.css';

/** Two columns from 40rem in the story's column (at most 47.5rem): each picture is never wider than this, so it is never shown larger than it was fetched. */
const relatedSizes = '(min-width: 64rem) 370px, (min-width: 40rem) 50vw, 100vw';

export function RelatedStories({ stories, edition, sections }: { stories: ArticleSummary[]; edition: EditionConfig; sections: Section[] }) {
  if (stories.length === 0) return null;
  const sectionName = (slug: string) => sections.find((s) => s.slug === slug)?.name ?? slug;
  return (
    <section className={styles.related} aria-labelledby="related-stories" data-print="hide">
      <h2 id="related-stories" className={styles.heading}>
        {edition.strings.relatedStories}
      </h2>
      <ul className={styles.grid}>
        {stories.map((story) => (
          <li key={story.id}>
            <StoryCard
              story={story}
              edition={edition}
              sectionName={sectionName(story.section)}
              variant="top"
              headingLevel={3}
              showStandfirst={false}
              sizes={relatedSizes}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
