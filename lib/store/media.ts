import type { Db } from './rows';

/**
 * Uploaded pictures (decision 015): kept in the content store, so that every instance on the
 * store serves them, they are backed up with the stories that use them, and an import writes
 * its pictures and its stories in one transaction. Addressed by the hash of their bytes: the
 * same picture uploaded twice is stored once.
 */

export type MediaRecord = {
  id: string;
  contentType: string;
  extension: string;
  width: number;
  height: number;
  bytes: Uint8Array;
  suggestedCredit: string | null;
};

export type MediaInfo = Omit<MediaRecord, 'bytes'> & { byteLength: number };

/** Stores a picture unless it is there already; whether it was new. */
export async function saveMedia(db: Db, record: MediaRecord): Promise<boolean> {
  const result = await db
    .insertInto('media')
    .values({
      id: record.id,
      content_type: record.contentType,
      extension: record.extension,
      width: record.width,
      height: record.height,
      byte_length: record.bytes.byteLength,
      bytes: record.bytes,
      suggested_credit: record.suggestedCredit,
      created_ts: Date.now(),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

const infoColumns = ['id', 'content_type', 'extension', 'width', 'height', 'byte_length', 'suggested_credit'] as const;

/** What is known of stored pictures, by id: what a story's image needs (its size) and whether it exists. */
export async function getMediaInfo(db: Db, ids: string[]): Promise<Map<string, MediaInfo>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('media')
    .select(infoColumns)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        contentType: row.content_type,
        extension: row.extension,
        width: Number(row.width),
        height: Number(row.height),
        byteLength: Number(row.byte_length),
        suggestedCredit: row.suggested_credit,
      },
    ]),
  );
}

/** A stored picture's bytes and type, or undefined. */
export async function getMediaBytes(db: Db, id: string): Promise<{ contentType: string; extension: string; bytes: Uint8Array } | undefined> {
  const row = await db.selectFrom('media').select(['content_type', 'extension', 'bytes']).where('id', '=', id).executeTakeFirst();
  return row ? { contentType: row.content_type, extension: row.extension, bytes: row.bytes } : undefined;
}
