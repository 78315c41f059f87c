import type { ReactNode } from 'react';
import { StoryList } from '@/components/story-lists/StoryList';
import { getEdition, type EditionId } from '@/lib/editions';
import { getLatest, getSections } from '@/lib/store/reads';
import styles from './ArticleLayout.module.css';

/** The story column and, beside it on wide screens (below it on phones), a rail of the latest stories. */
export async function ArticleLayout({ edition, currentArticleId, children }: { edition: EditionId; currentArticleId: string; children: ReactNode }) {
  const config = getEdition(edition);
  const [latest, sections] = await Promise.all([getLatest(edition, 7), getSections(edition)]);
  const stories = latest.items.filter((story) => story.id !== currentArticleId).slice(0, 6);
  return (
    <div className={styles.layout}>
      <div className={styles.story}>{children}</div>
      <aside className={styles.rail} aria-labelledby="rail-latest" data-print="hide">
        <h2 id="rail-latest" className={styles.railHeading}>
          {config.strings.latestStories}
        </h2>
        <StoryList stories={stories} edition={config} sections={sections} showStandfirst={false} />
      </aside>
    </div>
  );
}
