import type { EditionConfig } from '@/lib/domain/editions';
import type { ArticleSummary } from '@/lib/domain/stories';
import { articlePath } from '@/lib/domain/urls';
import styles from './MostRead.module.css';

/**
 * What readers of the edition read most in the last 24 hours (issue 32): a numbered list of
 * headlines, rendered on the server like every other list. Nothing until anything was read.
 */
export function MostRead({ stories, edition, headingId }: { stories: ArticleSummary[]; edition: EditionConfig; headingId: string }) {
  if (stories.length === 0) return null;
  return (
    <section className={styles.mostRead} aria-labelledby={headingId} data-print="hide">
      <h2 id={headingId} className={styles.heading}>
        {edition.strings.mostRead}
      </h2>
      <ol className={styles.list}>
        {stories.map((story) => (
          <li key={story.id} className={styles.item}>
            <a href={articlePath(story)} className={styles.link}>
              {story.headline}
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}
