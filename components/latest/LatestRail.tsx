import { dehydrate } from '@tanstack/react-query';
import { getRequestQueryClient } from '@/components/islands/request-query-client';
import { articleListKey } from '@/components/islands/api-client';
import { getEdition, islandEdition, type EditionId } from '@/lib/domain/editions';
import { latestPollSeconds } from '@/lib/domain/site-config';
import { getLatestItems, getSections } from '@/lib/data/reads';
import LatestRailIsland from './LatestRail.island';
// Named by the island too; kept here so that these rules keep their place in the page's inlined CSS.
import './LatestRail.module.css';
import '@/components/story-lists/StoryList.module.css';
import '@/components/story-lists/StoryItem.module.css';

type Props = {
  edition: EditionId;
  /** How many stories to show. */
  count: number;
  /** Stories this page already shows (the story itself, a front's lead and top stories): the rail leaves them out. */
  excludeIds?: string[];
  headingId: string;
  timeFormat?: 'date' | 'dateTime';
};

/**
 * The latest stories, rendered on the server with the page (complete without JavaScript and
 * with no API call on load), then kept fresh in the browser: see LatestRailClient.
 */
export async function LatestRail({ edition, count, excludeIds = [], headingId, timeFormat = 'date' }: Props) {
  const limit = count + excludeIds.length;
  const queryClient = getRequestQueryClient();
  await queryClient.prefetchQuery({
    queryKey: articleListKey({ edition, limit }),
    // The same shape the API answers with; cached and invalidated with the latest stories.
    queryFn: () => getLatestItems(edition, limit),
  });
  return (
    <LatestRailIsland
      state={dehydrate(queryClient)}
      edition={islandEdition(getEdition(edition))}
      limit={limit}
      count={count}
      excludeIds={excludeIds}
      headingId={headingId}
      timeFormat={timeFormat}
      pollSeconds={latestPollSeconds()}
      sections={await getSections(edition)}
    />
  );
}
