import type { DialectAdapter, Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * What the migrations need from elsewhere, frozen as it was when they were written: a migration
 * must do the same thing on a store created tomorrow as on one created the day it landed, so it
 * never imports live code (whose rules move on). Change nothing here; a new migration that needs
 * something different carries its own copy.
 */

/** Which SQL a store speaks: the mark lib/store/dialect.ts puts on its adapter (a registered symbol, the same in every copy). */
export function dialectOf(db: Kysely<any>): 'sqlite' | 'postgres' {
  return (db.getExecutor().adapter as DialectAdapter & { [key: symbol]: 'sqlite' | 'postgres' | undefined })[Symbol.for('newsroom.store.dialect')] ?? 'sqlite';
}

type Run = { type: string; text?: string; children?: Run[] };
export type Block = { type: string; content?: Run[]; text?: string; attribution?: string; image?: { caption: string }; items?: Run[][] };
const runsText = (runs: Run[]): string => runs.map((run) => (run.type === 'text' ? (run.text ?? '') : runsText(run.children ?? []))).join('');
/** The search body as migrations 002, 007 and 011 made it: the words of the body blocks, one block per line. */
export function bodyText(body: Block[]): string {
  return body
    .map((block) => {
      switch (block.type) {
        case 'paragraph':
          return runsText(block.content ?? []);
        case 'subheading':
          return block.text ?? '';
        case 'pullQuote':
          return `${block.text} ${block.attribution}`;
        case 'image':
          return block.image?.caption ?? '';
        case 'list':
          return (block.items ?? []).map(runsText).join('\n');
        default:
          return '';
      }
    })
    .join('\n');
}

/** The UTC month (`2018-04`) of a `published_ts` column. */
function monthOfPublishedTs(db: Kysely<any>) {
  return dialectOf(db) === 'postgres'
    ? sql<string>`to_char(to_timestamp(published_ts / 1000.0) at time zone 'UTC', 'YYYY-MM')`
    : sql<string>`strftime('%Y-%m', published_ts / 1000, 'unixepoch')`;
}

/** Fills `list_months` (which must be empty) from the stories, per edition, list and month (migration 008). */
export async function countListMonths(db: Kysely<any>): Promise<void> {
  const month = monthOfPublishedTs(db);
  await sql`insert into list_months (edition, kind, slug, month, story_count)
    select edition, 'section', section, ${month}, count(*) from articles where status = 'published' group by edition, section, ${month}
    union all
    select edition, 'tag', tag_slug, ${month}, count(*) from article_tags where is_published = 1 group by edition, tag_slug, ${month}
    union all
    select edition, 'author', author_slug, ${month}, count(*) from article_authors where is_published = 1 group by edition, author_slug, ${month}`.execute(db);
}
