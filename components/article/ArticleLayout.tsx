import type { ReactNode } from 'react';
import { LatestRail } from '@/components/latest/LatestRail';
import type { EditionId } from '@/lib/domain/editions';
import styles from './ArticleLayout.module.css';

/** The story column and, beside it on wide screens (below it on phones), a rail of the latest stories. */
export function ArticleLayout({ edition, currentArticleId, children }: { edition: EditionId; currentArticleId: string; children: ReactNode }) {
  return (
    <div className={styles.layout}>
      <div className={styles.story}>{children}</div>
      <aside className={styles.rail} aria-labelledby="rail-latest" data-print="hide">
        <LatestRail edition={edition} count={6} excludeIds={[currentArticleId]} headingId="rail-latest" />
      </aside>
    </div>
  );
}
