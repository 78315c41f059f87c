'use client';

import { useQuery, type DehydratedState } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { ArticleBody } from '@/components/article/ArticleBody';
import { fetchLiveUpdates, liveUpdatesKey } from '@/components/islands/api-client';
import { QueryIsland } from '@/components/islands/QueryIsland.island';
import type { LiveUpdateItem } from '@/lib/domain/live-updates-contract';
import type { IslandEdition } from '@/lib/domain/editions/island';
import { plural } from '@/lib/domain/editions/plural';
import { formatShortDateTime } from '@/lib/domain/format-date';
import styles from './LiveUpdates.module.css';

/** `pollSeconds` null: the story is no longer live, nothing is asked for. */
type Props = { edition: IslandEdition; articleId: string; initialUpdates: LiveUpdateItem[]; pollSeconds: number | null };

function LiveUpdatesClient({ edition, articleId, initialUpdates, pollSeconds }: Props) {
  const config = edition;
  const [shown, setShown] = useState(initialUpdates);
  const listRef = useRef<HTMLOListElement>(null);
  const newest = shown[0]?.id ?? null;
  const { data } = useQuery({
    queryKey: liveUpdatesKey(articleId, newest),
    queryFn: () => fetchLiveUpdates(articleId, newest),
    enabled: pollSeconds !== null,
    refetchInterval: pollSeconds === null ? false : pollSeconds * 1000,
    staleTime: pollSeconds === null ? Infinity : pollSeconds * 1000,
    // The page may come from a cache, rendered minutes ago: do not ask again on load, poll on schedule.
    refetchOnMount: false,
  });
  const shownIds = new Set(shown.map((u) => u.id));
  const waiting = (data?.items ?? []).filter((u) => !shownIds.has(u.id));

  const reveal = () => {
    setShown([...waiting, ...shown]);
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLElement>('[data-update]')?.focus());
  };

  return (
    <section className={styles.live} aria-labelledby="live-updates">
      <h2 id="live-updates" className={styles.heading}>
        {config.strings.liveUpdates}
      </h2>
      {pollSeconds === null ? <p className={styles.ended}>{config.strings.liveEnded}</p> : null}
      <div className={styles.slot} aria-live="polite">
        {waiting.length > 0 ? (
          <button type="button" className={styles.newUpdates} onClick={reveal}>
            {plural(config.locale, waiting.length, config.strings.newUpdates)}
          </button>
        ) : null}
      </div>
      <ol className={styles.list} ref={listRef}>
        {shown.map((update) => (
          <li key={update.id}>
            <article className={styles.update} data-update={update.id} tabIndex={-1} aria-labelledby={`update-${update.id}`}>
              <p className={styles.time} id={`update-${update.id}`}>
                <time dateTime={update.publishedAt}>{formatShortDateTime(config, update.publishedAt)}</time>
                {update.title ? <span className={styles.title}>{update.title}</span> : null}
              </p>
              <ArticleBody blocks={update.body} strings={config.strings} />
            </article>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The island, hydrated with the page once the framework has come after the first paint (decision 018). */
export default function LiveUpdatesIsland({ state, ...props }: Props & { state: DehydratedState }) {
  return (
    <QueryIsland state={state}>
      <LiveUpdatesClient {...props} />
    </QueryIsland>
  );
}
