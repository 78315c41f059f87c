'use client';

import { useQuery, type DehydratedState } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { StoryList } from '@/components/story-lists/StoryList';
import { articleListKey, fetchArticleList } from '@/components/islands/api-client';
import { QueryIsland } from '@/components/islands/QueryIsland.island';
import type { ArticleListItem } from '@/lib/domain/api-contract';
import type { Section } from '@/lib/domain/article-schema';
import type { IslandEdition } from '@/lib/domain/editions/island';
import { plural } from '@/lib/domain/editions/plural';
import styles from './LatestRail.module.css';

type Props = {
  edition: IslandEdition;
  limit: number;
  count: number;
  excludeIds: string[];
  headingId: string;
  timeFormat: 'date' | 'dateTime';
  pollSeconds: number;
  sections: Section[];
};

/**
 * Asks for the latest stories every `pollSeconds` and when the reader comes back to the tab.
 * New stories wait behind a "Show N new stories" button in a slot that is always there, so
 * nothing moves under the reader's eyes until they ask for it.
 */
function LatestRailClient({ edition, limit, count, excludeIds, headingId, timeFormat, pollSeconds, sections }: Props) {
  const { strings } = edition;
  const { data } = useQuery({
    queryKey: articleListKey({ edition: edition.id, limit }),
    queryFn: () => fetchArticleList({ edition: edition.id, limit }),
    refetchInterval: pollSeconds * 1000,
    staleTime: pollSeconds * 1000,
    // The page may come from a cache, rendered minutes ago: do not ask again on load, poll on schedule.
    refetchOnMount: false,
  });
  const latest = (data?.items ?? []).filter((story) => !excludeIds.includes(story.id)).slice(0, count);
  const [shown, setShown] = useState<ArticleListItem[]>(latest);
  const listRef = useRef<HTMLDivElement>(null);

  const shownIds = new Set(shown.map((story) => story.id));
  const newest = shown[0] ? Date.parse(shown[0].publishedAt) : 0;
  const fresh = latest.filter((story) => !shownIds.has(story.id) && Date.parse(story.publishedAt) >= newest);

  const reveal = () => {
    setShown(latest);
    // The button goes away: keep the reader's place by focusing the first new story.
    requestAnimationFrame(() => listRef.current?.querySelector('a')?.focus());
  };

  return (
    <div className={styles.rail}>
      <h2 id={headingId} className={styles.heading}>
        {strings.latestStories}
      </h2>
      <div className={styles.slot} aria-live="polite">
        {fresh.length > 0 ? (
          <button type="button" className={styles.newStories} onClick={reveal}>
            {plural(edition.locale, fresh.length, strings.newStories)}
          </button>
        ) : null}
      </div>
      <div ref={listRef}>
        <StoryList stories={shown} edition={edition} sections={sections} showStandfirst={false} timeFormat={timeFormat} />
      </div>
    </div>
  );
}

/** The island, hydrated with the page once the framework has come after the first paint (decision 018): the server's data, then the rail. */
export default function LatestRailIsland({ state, ...props }: Props & { state: DehydratedState }) {
  return (
    <QueryIsland state={state}>
      <LatestRailClient {...props} />
    </QueryIsland>
  );
}
