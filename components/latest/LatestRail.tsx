import { dehydrate } from '@tanstack/react-query';
import { getRequestQueryClient } from '@/components/islands/request-query-client';
import { articleListKey } from '@/components/islands/api-client';
import { getEdition, islandEdition, type EditionId } from '@/lib/domain/editions';
import { latestPollSeconds } from '@/lib/domain/site-config';
import { getLatestItems, getSections } from '@/lib/data/reads';
import { DeferredLatestRail } from './LatestRail.deferred';
// The rail's styles load with the page, not with its code after the first paint (LatestRail.deferred.tsx).
import './LatestRail.module.css';
import '@/components/story-lists/StoryList.module.css';
import '@/components/story-lists/StoryItem.module.css';

type Props = {
  edition: EditionId;
  /** How many stories to show. */
  count: number;
  /** The story on this page, which the rail leaves out. */
  excludeId?: string;
  headingId: string;
  timeFormat?: 'date' | 'dateTime';
};

/**
 * The latest stories, rendered on the server with the page (complete without JavaScript and
 * with no API call on load), then kept fresh in the browser: see LatestRailClient.
 */
export async function LatestRail({ edition, count, excludeId, headingId, timeFormat = 'date' }: Props) {
  const limit = count + 1;
  const queryClient = getRequestQueryClient();
  await queryClient.prefetchQuery({
    queryKey: articleListKey({ edition, limit }),
    // The same shape the API answers with; cached and invalidated with the latest stories.
    queryFn: () => getLatestItems(edition, limit),
  });
  return (
    <DeferredLatestRail
      state={dehydrate(queryClient)}
      edition={islandEdition(getEdition(edition))}
      limit={limit}
      count={count}
      excludeId={excludeId}
      headingId={headingId}
      timeFormat={timeFormat}
      pollSeconds={latestPollSeconds()}
      sections={await getSections(edition)}
    />
  );
}
