import type { Dialect, Driver, DatabaseConnection } from 'kysely';
import pg from 'pg';
import { logger } from '../log';

/**
 * PostgreSQL's change feed (issue 28): what SQLite's `data_version` is to the embedded store, a
 * number that changes whenever anything is committed to the store by any process, read in
 * microseconds (Store.version). What depends only on the store's contents — the page cache's
 * invalidations, the proxy's decisions, the HTTP front's cache hits — is then read again only
 * after a change, on every instance.
 *
 * - Another process's commit: every write that records cache invalidations also sends
 *   a notification on its schema's channel in its transaction (lib/store/cache-events.ts), which PostgreSQL
 *   delivers at commit to every listening session. Each instance keeps one connection that
 *   LISTENs, and moves the counter when a notification arrives.
 * - This process's own commit: the counter moves as the commit returns (the dialect's driver is
 *   wrapped), before the write is answered, so the instance that wrote never serves what the
 *   write made stale — it does not wait for its own notification.
 * - A lost listening connection (PostgreSQL restarted, the network cut, a heartbeat unanswered):
 *   from that moment the counter is not trusted — `version()` answers a new number on every
 *   call, so that every request reads the invalidation log as it did before this feed existed —
 *   until the connection is back and LISTENing; then the counter moves once more, which makes
 *   the page cache catch up on every invalidation recorded meanwhile (they are in the log).
 */

/**
 * The channel of a store: one per schema, so that stores sharing a database (the tests' do, one
 * schema each) hear only their own changes. Written as the writer's `current_schema()` names it.
 */
export const changeChannelPrefix = 'newsroom_changes_';
const channelOf = (schema: string) => `${changeChannelPrefix}${schema}`;

/** How often the listening connection is asked whether it is alive, and how long it may take to say so. */
const heartbeatMs = 2000;
const heartbeatTimeoutMs = 1500;
/** How long to wait before connecting again, growing to the last. */
const reconnectDelaysMs = [250, 500, 1000, 2000];

export type ChangeCounter = {
  /** The store's change counter; a new number on every call while it cannot be trusted. */
  version: () => number;
  /** Something was committed (a notification, or this process's own commit). */
  moved: () => void;
  trusted: () => boolean;
};

export function changeCounter(): ChangeCounter & { trust: (yes: boolean) => void } {
  let count = 0;
  let distrusted = 0;
  let trusted = false;
  return {
    // Negative while untrusted: never equal to a value read while trusted, nor to one another.
    version: () => (trusted ? count : -++distrusted),
    moved: () => {
      count += 1;
    },
    trusted: () => trusted,
    trust: (yes) => {
      if (yes === trusted) return;
      trusted = yes;
      count += 1;
    },
  };
}

/** The dialect with its driver's commits reported: this process's own writes move the counter as they commit. */
export function reportingCommits<T extends Dialect>(dialect: T, committed: () => void): T {
  const createDriver = dialect.createDriver.bind(dialect);
  dialect.createDriver = (): Driver => {
    const driver = createDriver();
    const commit = driver.commitTransaction.bind(driver);
    driver.commitTransaction = async (connection: DatabaseConnection) => {
      await commit(connection);
      committed();
    };
    return driver;
  };
  return dialect;
}

export type ChangeFeed = { stop: () => Promise<void> };

/** Closes a listening connection we no longer use, deaf to whatever it reports on the way out. */
async function discard(client: pg.Client | null): Promise<void> {
  if (!client) return;
  client.removeAllListeners();
  client.on('error', () => {});
  await client.end().catch(() => {});
}

/**
 * Listens for the store's changes on a connection of its own, for as long as the store is open;
 * resolves once it listens, or after its first attempt fails (it keeps trying meanwhile: the
 * counter is untrusted until it succeeds).
 */
export async function listenForChanges(connection: pg.ClientConfig, schema: string, counter: ReturnType<typeof changeCounter>): Promise<ChangeFeed> {
  const channel = channelOf(schema);
  let client: pg.Client | null = null;
  let stopped = false;
  let attempt = 0;
  let heartbeat: NodeJS.Timeout | undefined;
  let retry: NodeJS.Timeout | undefined;

  const lost = (reason: string) => {
    if (stopped) return;
    if (counter.trusted())
      logger.warn({ component: 'store', reason }, 'change feed lost: cached pages are checked against the store on every request until it is back');
    counter.trust(false);
    clearInterval(heartbeat);
    void discard(client);
    client = null;
    clearTimeout(retry);
    retry = setTimeout(() => void connect(), reconnectDelaysMs[Math.min(attempt, reconnectDelaysMs.length - 1)]);
    retry.unref();
    attempt += 1;
  };

  const connect = async () => {
    if (stopped) return;
    const next = new pg.Client({ ...connection, keepAlive: true, application_name: `newsroom-changes ${schema}`.slice(0, 63) });
    next.on('error', (error) => lost(error.message));
    next.on('end', () => lost('connection ended'));
    next.on('notification', (message) => {
      if (message.channel === channel) counter.moved();
    });
    try {
      await next.connect();
      await next.query(`listen "${channel.replaceAll('"', '""')}"`);
    } catch (error) {
      void discard(next);
      lost(error instanceof Error ? error.message : String(error));
      return;
    }
    if (stopped) return void next.end().catch(() => {});
    client = next;
    if (attempt > 0) logger.info({ component: 'store' }, 'change feed back: cached pages trusted again after catching up');
    attempt = 0;
    // Trusted from here: the counter moves, so everything recorded while it was away is read.
    counter.trust(true);
    heartbeat = setInterval(() => {
      const alive = client;
      if (!alive) return;
      const timer = setTimeout(() => lost('heartbeat unanswered'), heartbeatTimeoutMs);
      alive.query('select 1').then(
        () => clearTimeout(timer),
        (error: Error) => {
          clearTimeout(timer);
          lost(error.message);
        },
      );
    }, heartbeatMs);
    heartbeat.unref();
  };

  await connect();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(heartbeat);
      clearTimeout(retry);
      const open = client;
      client = null;
      await discard(open);
    },
  };
}
