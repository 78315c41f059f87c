import { sql, type Kysely, type Migration } from 'kysely';
import { bodyText, dialectOf, type Block } from './frozen';

/**
 * Stories stored before the schema refused control characters, lone surrogates and
 * non-characters (lib/domain/text-rules.ts) may hold some: one U+0001 broke every feed, and
 * U+0002/U+0003 are the search page's highlight markers. This migration takes them out of every
 * stored text — stories, their search rows, live updates, tag, author and section names — so
 * that what the store holds obeys today's rule. Frozen: it carries its own copy of the rule; the search
 * body's text comes from ./frozen.ts, as migration 007 made it.
 */

const refused = /(?![\t\n\r])[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}]/gu;
const hasRefused = /(?![\t\n\r])[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}]/u;
const clean = (text: string) => text.replace(refused, '');

/** Every string in a JSON value, cleaned. */
function cleanJson(value: unknown): unknown {
  if (typeof value === 'string') return clean(value);
  if (Array.isArray(value)) return value.map(cleanJson);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanJson(v)]));
  return value;
}

export const textWithoutControlCharactersMigration: Migration = {
  async up(db: Kysely<any>) {
    const postgres = dialectOf(db) === 'postgres';
    const articles = (
      await sql<{ id: string; edition: string; slug: string; status: string; document: string; main_image: string }>`
      select id, edition, slug, status, document, main_image from articles`.execute(db)
    ).rows;
    // JSON escapes control characters (\u0001): compare what the text holds once parsed.
    const changed = (json: string) => {
      const parsed = JSON.parse(json) as unknown;
      const cleaned = cleanJson(parsed);
      return JSON.stringify(cleaned) === JSON.stringify(parsed) ? null : cleaned;
    };
    for (const row of articles) {
      const cleanedDocument = changed(row.document);
      const cleanedImage = changed(row.main_image);
      if (!cleanedDocument && !cleanedImage) continue;
      const document = (cleanedDocument ?? JSON.parse(row.document)) as { headline: string; standfirst: string; tags: string[]; body: Block[] };
      const mainImage = cleanedImage ?? JSON.parse(row.main_image);
      await sql`update articles set headline = ${document.headline}, standfirst = ${document.standfirst},
        document = ${JSON.stringify(document)}, main_image = ${JSON.stringify(mainImage)} where id = ${row.id}`.execute(db);
      if (row.status !== 'published') continue;
      const key = (await sql<{ search_rowid: number }>`select search_rowid from article_search_keys where article_id = ${row.id}`.execute(db)).rows[0]
        ?.search_rowid;
      if (key === undefined) continue;
      const values = [document.headline, document.standfirst, bodyText(document.body), document.tags.join(' '), row.slug.replaceAll('-', ' ')] as const;
      if (postgres) {
        await sql`update articles_search set headline = ${values[0]}, standfirst = ${values[1]}, body = ${values[2]}, tags = ${values[3]}, slug = ${values[4]}
          where search_rowid = ${key}`.execute(db);
      } else {
        await sql`delete from articles_fts where rowid = ${key}`.execute(db);
        await sql`insert into articles_fts (rowid, article_id, edition, headline, standfirst, body, tags, slug)
          values (${key}, ${row.id}, ${row.edition}, ${values[0]}, ${values[1]}, ${values[2]}, ${values[3]}, ${values[4]})`.execute(db);
      }
    }
    const updates = (
      await sql<{ article_id: string; id: string; title: string | null; blocks: string }>`
      select article_id, id, title, blocks from live_updates`.execute(db)
    ).rows;
    for (const update of updates) {
      const blocks = changed(update.blocks);
      if (!blocks && !(update.title && hasRefused.test(update.title))) continue;
      await sql`update live_updates set title = ${update.title === null ? null : clean(update.title)}, blocks = ${JSON.stringify(blocks ?? JSON.parse(update.blocks))}
        where article_id = ${update.article_id} and id = ${update.id}`.execute(db);
    }
    for (const [table, column] of [
      ['article_tags', 'tag_name'],
      ['article_authors', 'author_name'],
      ['sections', 'name'],
      ['sections', 'description'],
    ] as const) {
      const rows = (await sql<{ value: string }>`select distinct ${sql.ref(column)} as value from ${sql.table(table)}`.execute(db)).rows;
      for (const { value } of rows) {
        if (hasRefused.test(value))
          await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${clean(value)} where ${sql.ref(column)} = ${value}`.execute(db);
      }
    }
  },
  async down() {
    // What was taken out cannot be put back, and nothing needs it.
  },
};
