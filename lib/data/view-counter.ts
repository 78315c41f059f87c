import { createHash, randomBytes } from 'node:crypto';
import { editionIds } from '../domain/editions';
import { logger } from '../log';
import { register } from '../runtime/process-state.mjs';
import { getStore } from '../store/database';
import { getOrCreateSetting } from '../store/settings';
import { forgetReadersBefore, listMostRead, noteMostRead, saveViews, type CollectedView } from '../store/story-views';
import { mostReadShown, mostReadWindowMs } from '../domain/most-read';

/**
 * The process's view counter (issue 32, decision 027), fed by the read beacon in the HTTP front.
 *
 * A reader is a hash of the client's address and user agent, salted with a salt of the day that
 * every process on the store shares (a setting, created by the first to need it) and that is
 * deleted when the day ends, as privacy-first analytics do: the address and the user agent are
 * never stored, and yesterday's hashes cannot be matched with today's. A view is counted once per
 * reader per story per day: this process drops the repeats it has seen; the store drops the ones
 * another process counted, and caps each address at a few readers per story.
 *
 * Views wait in memory and are written in one transaction every few seconds (or sooner when
 * thousands are waiting): never one write per view. Every `MOST_READ_REFRESH_SECONDS` (30), each
 * edition's most read stories are worked out again; when their order changed, the pages that
 * show them are purged: at most once in that time, however many views come in.
 */

const flushMs = 5_000;
const flushAt = 5_000;
const maxSeen = 500_000;
const maxWaitingForSalt = 10_000;

type Raw = { storyId: string; address: string; userAgent: string; at: number };

const dayOf = (ts: number) => new Date(ts).toISOString().slice(0, 10);
const hourOf = (ts: number) => Math.floor(ts / 3_600_000) * 3_600_000;
const hash = (...parts: string[]) => createHash('sha256').update(parts.join('\n')).digest('base64url').slice(0, 22);

function refreshMs(): number {
  const seconds = Number(process.env.MOST_READ_REFRESH_SECONDS ?? 30);
  return Number.isFinite(seconds) && seconds >= 1 ? seconds * 1000 : 30_000;
}

export function startViewCounter(): void {
  let day = '';
  let salt: string | null = null;
  const seen = new Set<string>();
  let pending: CollectedView[] = [];
  let waiting: Raw[] = [];
  let writing: Promise<void> | null = null;
  let lastNoted = 0;
  const stats = { received: 0, collected: 0, counted: 0, batches: 0 };

  const collect = (raw: Raw) => {
    if (!salt) {
      if (waiting.length < maxWaitingForSalt) waiting.push(raw);
      return;
    }
    const reader = hash(salt, raw.address, raw.userAgent);
    const key = `${raw.storyId}\n${reader}`;
    if (seen.has(key)) return;
    if (seen.size < maxSeen) seen.add(key);
    pending.push({ storyId: raw.storyId, reader, address: hash(salt, raw.address), day: dayOf(raw.at), hourTs: hourOf(raw.at) });
    stats.collected += 1;
    if (pending.length >= flushAt) void flush();
  };

  /** A new day: a new salt (shared by every process), and yesterday's forgotten. */
  const startDay = (today: string) => {
    day = today;
    salt = null;
    seen.clear();
    void (async () => {
      try {
        const { db } = await getStore();
        const todays = await getOrCreateSetting(db, `view-salt:${today}`, () => randomBytes(32).toString('base64url'));
        await db.deleteFrom('site_settings').where('key', 'like', 'view-salt:%').where('key', '<', `view-salt:${today}`).execute();
        await forgetReadersBefore(db, today);
        if (day !== today) return;
        salt = todays;
        const held = waiting;
        waiting = [];
        for (const raw of held) collect(raw);
      } catch (error) {
        logger.warn({ err: (error as Error).message }, 'views: the day’s salt could not be read; trying again with the next view');
        if (day === today) day = '';
      }
    })();
  };

  const noteEditions = async () => {
    lastNoted = Date.now();
    const { db } = await getStore();
    for (const edition of editionIds) {
      const stories = await listMostRead(db, edition, Date.now() - mostReadWindowMs, mostReadShown);
      await noteMostRead(
        db,
        edition,
        stories.map((story) => story.id),
      );
    }
  };

  const write = async (): Promise<void> => {
    const batch = pending;
    pending = [];
    try {
      if (batch.length) {
        const { db } = await getStore();
        stats.counted += await saveViews(db, batch);
        stats.batches += 1;
      }
      if (Date.now() - lastNoted >= refreshMs()) await noteEditions();
    } catch (error) {
      logger.warn({ err: (error as Error).message, views: batch.length }, 'views: a batch could not be written; it is dropped');
    }
  };

  // One write at a time; `finally` runs after the assignment even when the write had nothing to do.
  const flush = (): Promise<void> => {
    writing ??= write().finally(() => {
      writing = null;
    });
    return writing;
  };

  register('views', {
    record(storyId, address, userAgent) {
      const at = Date.now();
      stats.received += 1;
      const today = dayOf(at);
      if (today !== day) startDay(today);
      collect({ storyId, address, userAgent, at });
    },
    stats: () => ({ ...stats }),
    flush,
  });
  setInterval(() => void flush(), Math.min(flushMs, refreshMs())).unref();
}
