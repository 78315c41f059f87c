import { dehydrate } from '@tanstack/react-query';
import { getRequestQueryClient } from '@/components/islands/request-query-client';
import { liveUpdatesKey } from '@/components/islands/api-client';
import { toUpdateItem } from '@/lib/domain/live-updates-contract';
import { getEdition, islandEdition, type EditionId } from '@/lib/domain/editions';
import { livePollSeconds } from '@/lib/domain/site-config';
import { getLiveUpdates } from '@/lib/data/reads';
import LiveUpdatesIsland from './LiveUpdates.island';
// Named by the island too; kept here so that these rules keep their place in the page's inlined CSS.
import './LiveUpdates.module.css';

const shownOnLoad = 30;

/**
 * A live story's updates, newest first, in the server HTML; in the browser, while the story is
 * live, an island asks for newer ones every LIVE_POLL_SECONDS and shows them when the reader
 * asks. Once its updates have stopped, nothing polls and a line says the coverage has ended.
 */
export async function LiveUpdates({ edition, articleId, liveNow }: { edition: EditionId; articleId: string; liveNow: boolean }) {
  const updates = (await getLiveUpdates(articleId, shownOnLoad)).map(toUpdateItem);
  const newest = updates[0]?.id ?? null;
  const queryClient = getRequestQueryClient();
  // Nothing is newer than what this page shows: say so up front, so the island does not ask on load.
  queryClient.setQueryData(liveUpdatesKey(articleId, newest), { items: [] });
  return (
    <LiveUpdatesIsland
      state={dehydrate(queryClient)}
      edition={islandEdition(getEdition(edition))}
      articleId={articleId}
      initialUpdates={updates}
      pollSeconds={liveNow ? livePollSeconds() : null}
    />
  );
}
