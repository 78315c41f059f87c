import { sql, type Kysely, type Migration } from 'kysely';
import { dialectOf } from './frozen';

/**
 * Video, audio and caption files (decision 025), kept in the content store like the pictures
 * but in chunks of one mebibyte, so that neither an upload nor a range request ever holds a
 * whole file in memory, and every instance on the store serves every file.
 * - `media_streams`: one row per file served — an upload as cleaned, or a rendition made from
 *   one (`rendition_of`) — with what a player and a crawler need to know of it; an upload's
 *   `renditions` (JSON) and `rendition_state` say what the background queue has made of it,
 *   and `lease_owner`/`lease_until_ts` who is making it now.
 * - `media_chunks`: the bytes, in order.
 */
export const mediaStreamsMigration: Migration = {
  async up(db: Kysely<any>) {
    const postgres = dialectOf(db) === 'postgres';
    await db.schema
      .createTable('media_streams')
      // The first 32 hex digits of the SHA-256 of the bytes served.
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('video', 'audio', 'captions')`))
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('extension', 'text', (c) => c.notNull())
      .addColumn('byte_length', 'bigint', (c) => c.notNull())
      .addColumn('chunk_size', 'integer', (c) => c.notNull())
      .addColumn('duration_ms', 'integer')
      .addColumn('width', 'integer')
      .addColumn('height', 'integer')
      .addColumn('poster', 'text')
      .addColumn('rendition_of', 'text')
      .addColumn('renditions', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('rendition_state', 'text', (c) => c.notNull().defaultTo('none'))
      .addColumn('rendition_attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('rendition_error', 'text')
      .addColumn('lease_owner', 'text')
      .addColumn('lease_until_ts', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('created_ts', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('media_streams_queue_idx').on('media_streams').columns(['rendition_state', 'created_ts']).execute();
    await db.schema
      .createTable('media_chunks')
      .addColumn('stream_id', 'text', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addColumn('bytes', postgres ? 'bytea' : 'blob', (c) => c.notNull())
      .addPrimaryKeyConstraint('media_chunks_pk', ['stream_id', 'n'])
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('media_chunks').execute();
    await db.schema.dropTable('media_streams').execute();
  },
};
