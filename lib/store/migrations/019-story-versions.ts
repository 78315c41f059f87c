import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A story's history and the edition's corrections (issue 32, decision 027).
 * - `article_versions`: every version of a story that a later write replaced, append-only, as
 *   readers saw it (`document`, the stored JSON; null once redacted, with the reason and when).
 *   The current version stays in `articles`: an archive load writes no history. `is_public`: the
 *   story was published while this version stood (a draft's or a scheduled story's are not).
 * - `article_corrections`: each correction of each story, for the corrections page and feeds,
 *   newest first per edition; `is_published` follows the story like the tag lists.
 * Filled here from the stories' documents (they hold their corrections), in pages by id.
 */
export const storyVersionsMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('article_versions')
      .addColumn('article_id', 'text', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addColumn('edition', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('is_public', 'integer', (c) => c.notNull())
      // What the version said of its own time (updatedAt, or publishedAt), and when a write replaced it.
      .addColumn('version_at', 'text', (c) => c.notNull())
      .addColumn('version_ts', 'bigint', (c) => c.notNull())
      .addColumn('replaced_ts', 'bigint', (c) => c.notNull())
      .addColumn('document', 'text')
      .addColumn('redacted_reason', 'text')
      .addColumn('redacted_ts', 'bigint')
      .addPrimaryKeyConstraint('article_versions_pk', ['article_id', 'n'])
      .execute();
    await db.schema
      .createTable('article_corrections')
      .addColumn('article_id', 'text', (c) => c.notNull())
      .addColumn('edition', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('at_ts', 'bigint', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('is_published', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('article_corrections_pk', ['article_id', 'at_ts'])
      .execute();
    await db.schema.createIndex('article_corrections_edition_idx').on('article_corrections').columns(['edition', 'is_published', 'at_ts']).execute();

    let after = '';
    for (;;) {
      const rows = (
        await sql<{ id: string; edition: string; status: string; document: string }>`
        select id, edition, status, document from articles where id > ${after} order by id limit 500`.execute(db)
      ).rows;
      if (rows.length === 0) break;
      after = rows.at(-1)!.id;
      const corrections = rows.flatMap((row) => {
        const document = JSON.parse(row.document) as { corrections?: { at: string; text: string }[] };
        return (document.corrections ?? []).map((c) => ({
          article_id: row.id,
          edition: row.edition,
          at: c.at,
          at_ts: Date.parse(c.at),
          text: c.text,
          is_published: row.status === 'published' ? 1 : 0,
        }));
      });
      if (corrections.length) await db.insertInto('article_corrections').values(corrections).execute();
    }
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('article_corrections').execute();
    await db.schema.dropTable('article_versions').execute();
  },
};
