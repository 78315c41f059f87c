import { sql } from 'kysely';
import type { Db } from './rows';
import { recordCacheInvalidations } from './cache-events';
import { contentTags } from '../domain/content-tags';

/**
 * Video, audio and caption files (decision 025): kept in the content store in chunks, so that
 * every instance on the store serves every file, a backup holds them with the stories that use
 * them, and neither a write nor a range read ever holds a whole file in memory.
 */

export type { MediaFileKind as MediaStreamKind, Rendition } from '../domain/media-files';
import type { MediaFile as MediaStream, MediaFileKind as MediaStreamKind, Rendition, RenditionState } from '../domain/media-files';
export type { MediaStream };

export type NewMediaStream = Omit<MediaStream, 'renditions' | 'renditionState' | 'renditionOf'> & {
  renditionOf?: string | null;
  renditionState?: RenditionState;
};

/** The size of the chunks a file is stored in: a range request reads the few it needs. */
export const mediaChunkSize = () => 1024 * 1024;

/** Chunks written per statement: a 2 GiB upload never holds the store's writer for long. */
const chunksPerTransaction = 16;

/**
 * Stores a file's bytes, then its row: the row is written last, in one statement, so a file is
 * either whole or absent to every reader (chunks left by a write cut short are replaced by the
 * next write of the same file, and swept by `sweepOrphanChunks`). Whether it was new.
 */
export async function saveMediaStream(db: Db, stream: NewMediaStream, chunks: AsyncIterable<Uint8Array>): Promise<boolean> {
  if ((await db.selectFrom('media_streams').select('id').where('id', '=', stream.id).executeTakeFirst()) !== undefined) return false;
  await db.deleteFrom('media_chunks').where('stream_id', '=', stream.id).execute();
  let n = 0;
  let batch: { stream_id: string; n: number; bytes: Uint8Array }[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const rows = batch;
    batch = [];
    await db.insertInto('media_chunks').values(rows).execute();
  };
  for await (const chunk of chunks) {
    batch.push({ stream_id: stream.id, n: n++, bytes: chunk });
    if (batch.length >= chunksPerTransaction) await flush();
  }
  await flush();
  const result = await db
    .insertInto('media_streams')
    .values({
      id: stream.id,
      kind: stream.kind,
      content_type: stream.contentType,
      extension: stream.extension,
      byte_length: stream.byteLength,
      chunk_size: stream.chunkSize,
      duration_ms: stream.durationMs,
      width: stream.width,
      height: stream.height,
      poster: stream.poster,
      rendition_of: stream.renditionOf ?? null,
      rendition_state: stream.renditionState ?? 'none',
      created_ts: Date.now(),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

const columns = [
  'id',
  'kind',
  'content_type',
  'extension',
  'byte_length',
  'chunk_size',
  'duration_ms',
  'width',
  'height',
  'poster',
  'rendition_of',
  'renditions',
  'rendition_state',
] as const;

type Row = {
  id: string;
  kind: MediaStreamKind;
  content_type: string;
  extension: string;
  byte_length: number | string;
  chunk_size: number;
  duration_ms: number | null;
  width: number | null;
  height: number | null;
  poster: string | null;
  rendition_of: string | null;
  renditions: string;
  rendition_state: string;
};

const fromRow = (row: Row): MediaStream => ({
  id: row.id,
  kind: row.kind,
  contentType: row.content_type,
  extension: row.extension,
  byteLength: Number(row.byte_length),
  chunkSize: Number(row.chunk_size),
  durationMs: row.duration_ms === null ? null : Number(row.duration_ms),
  width: row.width === null ? null : Number(row.width),
  height: row.height === null ? null : Number(row.height),
  poster: row.poster,
  renditionOf: row.rendition_of,
  renditions: JSON.parse(row.renditions) as Rendition[],
  renditionState: row.rendition_state as RenditionState,
});

/** What is known of stored files, by id. */
export async function getMediaStreams(db: Db, ids: string[]): Promise<Map<string, MediaStream>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('media_streams')
    .select(columns)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((row) => [row.id, fromRow(row as Row)]));
}

/** The chunks `first` to `last` (inclusive) of a file, in order. */
export async function readMediaChunks(db: Db, id: string, first: number, last: number): Promise<Uint8Array[]> {
  const rows = await db
    .selectFrom('media_chunks')
    .select(['n', 'bytes'])
    .where('stream_id', '=', id)
    .where('n', '>=', first)
    .where('n', '<=', last)
    .orderBy('n')
    .execute();
  return rows.map((row) => row.bytes);
}

/**
 * Takes the oldest upload waiting for renditions, for `leaseMs`: the one process that makes
 * them. An upload whose maker went away (its lease ran out) is taken again, up to `maxAttempts`.
 */
export async function claimRenditionJob(db: Db, owner: string, now: number, leaseMs: number, maxAttempts: number): Promise<MediaStream | undefined> {
  const candidate = await db
    .selectFrom('media_streams')
    .select('id')
    .where('rendition_state', '=', 'pending')
    .where('lease_until_ts', '<', now)
    .where('rendition_attempts', '<', maxAttempts)
    .orderBy('created_ts')
    .limit(1)
    .executeTakeFirst();
  if (!candidate) return undefined;
  const taken = await db
    .updateTable('media_streams')
    .set({ lease_owner: owner, lease_until_ts: now + leaseMs, rendition_attempts: sql`rendition_attempts + 1` })
    .where('id', '=', candidate.id)
    .where('rendition_state', '=', 'pending')
    .where('lease_until_ts', '<', now)
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) !== 1) return undefined;
  return (await getMediaStreams(db, [candidate.id])).get(candidate.id);
}

/** Keeps a job's lease while its renditions are being made. */
export async function extendRenditionLease(db: Db, id: string, owner: string, until: number): Promise<void> {
  await db.updateTable('media_streams').set({ lease_until_ts: until }).where('id', '=', id).where('lease_owner', '=', owner).execute();
}

/** Records an upload's renditions as ready, or its job as failed (for good after its last attempt). */
export async function finishRenditionJob(db: Db, id: string, outcome: { renditions: Rendition[] } | { error: string; final: boolean }): Promise<void> {
  const set =
    'renditions' in outcome
      ? { renditions: JSON.stringify(outcome.renditions), rendition_state: 'ready', rendition_error: null, lease_owner: null, lease_until_ts: 0 }
      : { rendition_state: outcome.final ? 'failed' : 'pending', rendition_error: outcome.error.slice(0, 500), lease_owner: null, lease_until_ts: 0 };
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('media_streams').set(set).where('id', '=', id).execute();
    // The pages that play it are made again, now with its renditions (decision 025).
    if ('renditions' in outcome) await recordCacheInvalidations(trx, [contentTags.media(id)]);
  });
}

/** How many times an upload's renditions have been tried. */
export async function renditionAttempts(db: Db, id: string): Promise<number> {
  const row = await db.selectFrom('media_streams').select('rendition_attempts').where('id', '=', id).executeTakeFirst();
  return Number(row?.rendition_attempts ?? 0);
}
