import 'server-only';
import { cache } from 'react';
import { cachedRead } from '../cache/cached-read';
import { contentTags } from '../domain/content-tags';
import type { EditionId } from '../domain/editions';
import { mostReadShown, mostReadWindowMs } from '../domain/most-read';
import { getStore } from '../store/database';
import { listMostRead } from '../store/story-views';

/**
 * An edition's most read stories of the last 24 hours (issue 32), as the home and every story
 * page show them: through the data cache, tagged with the edition's most read tag, which the
 * view counter purges when the list's order changes (lib/data/view-counter.ts): a withdrawn
 * story leaves it then. A change to one of the edition's newest stories purges it too (the
 * latest tag), as it does the latest rail.
 */
export const getMostRead = cache((edition: EditionId) =>
  cachedRead(['most-read', edition], [contentTags.mostRead(edition), contentTags.latest(edition)], async () => {
    const { db } = await getStore();
    const stories = await listMostRead(db, edition, Date.now() - mostReadWindowMs, mostReadShown);
    return stories.map(({ views: _views, ...story }) => story);
  }),
);
