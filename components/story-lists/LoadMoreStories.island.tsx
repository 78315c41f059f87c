'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { QueryIsland } from '@/components/islands/QueryIsland.island';
import { useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { articlePagesKey, fetchArticleList } from '@/components/islands/api-client';
import type { Section } from '@/lib/domain/article-schema';
import type { IslandEdition } from '@/lib/domain/editions/island';
import { plural } from '@/lib/domain/editions/plural';
import { StoryCard } from './StoryCard';
import styles from './LoadMoreStories.module.css';

type Props = {
  edition: IslandEdition;
  filter: { section?: string; tag?: string; author?: string };
  pageSize: number;
  /** Where the next page starts; null when this page is the last. */
  startCursor: string | null;
  sections: Section[];
  /** The plain page links, shown until JavaScript runs (and to crawlers, always). */
  fallback: ReactNode;
};

/**
 * "Load more stories": with JavaScript, the next pages are appended in place through the
 * cursor API and the URL stays the same. Focus moves to the first story that arrived and a
 * live region says how many did. Without JavaScript, the plain page links are all there is.
 */
const noSubscription = () => () => {};

function LoadMoreStories({ edition, filter, pageSize, startCursor, sections, fallback }: Props) {
  const { strings } = edition;
  // False on the server and while hydrating, true once the page runs: the button replaces the links only then.
  const mounted = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [started, setStarted] = useState(false);
  const listRef = useRef<HTMLOListElement>(null);
  const focusedPages = useRef(0);

  const query = useInfiniteQuery({
    queryKey: articlePagesKey({ edition: edition.id, ...filter, limit: pageSize, from: startCursor ?? '' }),
    queryFn: ({ pageParam }) => fetchArticleList({ edition: edition.id, ...filter, limit: pageSize, cursor: pageParam }),
    initialPageParam: startCursor ?? '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: started && startCursor !== null,
    staleTime: Infinity,
  });

  const pages = query.data?.pages ?? [];
  useEffect(() => {
    if (pages.length > focusedPages.current) {
      focusedPages.current = pages.length;
      listRef.current?.querySelector<HTMLAnchorElement>(`[data-page="${pages.length}"] a`)?.focus();
    }
  }, [pages.length]);

  if (!mounted || startCursor === null) return <>{fallback}</>;

  const lastPage = pages.at(-1);
  const exhausted = started && query.isSuccess && !query.hasNextPage;
  const sectionName = (slug: string) => sections.find((s) => s.slug === slug)?.name ?? slug;

  return (
    <div className={styles.loadMore}>
      {pages.length ? (
        <ol className={styles.list} ref={listRef}>
          {pages.flatMap((page, pageIndex) =>
            page.items.map((item, itemIndex) => (
              <li key={item.id} data-page={itemIndex === 0 ? pageIndex + 1 : undefined}>
                <StoryCard
                  story={{ ...item, image: { ...item.thumbnail, caption: '', credit: '' } }}
                  edition={edition}
                  sectionName={sectionName(item.section)}
                  variant="standard"
                  headingLevel={2}
                />
              </li>
            )),
          )}
        </ol>
      ) : null}
      <p className="visually-hidden" aria-live="polite">
        {lastPage ? plural(edition.locale, lastPage.items.length, strings.moreStoriesLoaded) : ''}
      </p>
      {query.isError ? <p className={styles.status}>{strings.notFoundMessage}</p> : null}
      {exhausted ? (
        <p className={styles.status}>{strings.noMoreStories}</p>
      ) : (
        <button type="button" className={styles.button} disabled={query.isFetching} onClick={() => (started ? void query.fetchNextPage() : setStarted(true))}>
          {query.isFetching ? strings.loadingMore : strings.loadMore}
        </button>
      )}
    </div>
  );
}

/** The island, hydrated with the page once the framework has come after the first paint (decision 018): nothing to prefetch, it fetches only when asked. */
export default function LoadMoreStoriesIsland(props: Props) {
  return (
    <QueryIsland state={{ queries: [], mutations: [] }}>
      <LoadMoreStories {...props} />
    </QueryIsland>
  );
}
