import { logger } from '../log';
import { register, registered } from '../runtime/process-state.mjs';
import { getStore } from '../store/database';
import { dueScheduledStories, nextScheduledTimes } from '../store/schedule';
import { prepareSearchTerms } from '../store/search';
import { writeContent } from '../store/write-content';
import { applyDueTimedChanges, nextTimedChanges } from '../store/timed-changes';

/**
 * Publishes scheduled stories at their time, with no restart and no further publish
 * (decision 015). Every server process runs one: it reads the next scheduled time every few
 * seconds and sets a timer for it, so a story goes out on time even when another instance
 * scheduled it; publishing writes the story again, which records the cache tags of every page,
 * list, feed and sitemap it enters, so every instance drops them on its next request. Two
 * processes reaching the same story at once write it once (`onlyScheduled`).
 *
 * It also applies what changes by the clock (lib/store/timed-changes.ts): an editors' choice
 * or a breaking-news banner reaching its end, a live story whose updates stopped.
 *
 * The next times of both are also what the Cache-Control of public answers is cut short by
 * (lib/cache/cache-control.ts, untilNextScheduled).
 */

/** How often the store is asked for stories scheduled elsewhere: also the latest a story can go out when its own server is gone. */
const pollMs = () => Number(process.env.SCHEDULE_POLL_MS) || 2000;

export function startScheduler(): void {
  if (registered('schedule')) return;
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  const state = {
    next: new Map<string, number>(),
    wake: () => {
      if (running) again = true;
      else arm(0);
    },
  };
  register('schedule', state);

  const arm = (delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void tick(), Math.max(0, delay));
    timer.unref();
  };

  const tick = async () => {
    running = true;
    let delay = pollMs();
    try {
      const { db } = await getStore();
      for (const article of await dueScheduledStories(db, Date.now())) {
        await prepareSearchTerms(article);
        const summary = await writeContent(db, { sections: [], articles: [article] }, { onlyScheduled: true });
        if (summary.updated.length) logger.info({ story: article.id, publishedAt: article.publishedAt }, 'scheduled story published');
      }
      const applied = await applyDueTimedChanges(db, Date.now());
      if (applied.fronts || applied.banners || applied.liveEnded.length) logger.info(applied, 'timed changes applied');
      const [scheduled, timed] = await Promise.all([nextScheduledTimes(db), nextTimedChanges(db)]);
      for (const [edition, ts] of timed) scheduled.set(edition, Math.min(ts, scheduled.get(edition) ?? Infinity));
      state.next = scheduled;
      const soonest = Math.min(...state.next.values());
      if (Number.isFinite(soonest)) delay = Math.min(delay, soonest - Date.now());
    } catch (error) {
      logger.warn({ err: (error as Error).message }, 'scheduled stories: could not check; trying again');
    } finally {
      running = false;
      if (again) {
        again = false;
        delay = 0;
      }
      arm(delay);
    }
  };
  arm(0);
}
