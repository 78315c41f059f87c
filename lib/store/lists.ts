import { sql } from 'kysely';
import type { EditionId } from '../domain/editions';
import { dayBounds, monthBounds, type ArticleListPage, type CarriedListKind, type ListPosition, type StoryFilter } from '../domain/stories';
import { carriedListTables, storyKeys } from './keys';
import { summaryColumns, toSummary, type Db } from './rows';

/** Lists of stories, newest first: an edition's, a section's, a tag's, an author's. */

export type ListStoriesQuery = {
  edition: EditionId;
  filter?: StoryFilter;
  limit: number;
  after?: ListPosition | null;
};

/** Published stories newest first, a page at a time, by keyset (never OFFSET). */
export async function listStories(db: Db, query: ListStoriesQuery): Promise<ArticleListPage> {
  const page = storyKeys(db, query.edition, query.filter ?? { kind: 'edition' }, query.after)
    .limit(query.limit + 1)
    .as('page');
  const rows = await db
    .selectFrom(page)
    .innerJoin('articles as a', 'a.id', 'page.id')
    .select([...summaryColumns.map((c) => `a.${c}` as const), 'page.ts'])
    .orderBy('page.ts', 'desc')
    .orderBy('page.id', 'desc')
    .execute();
  const hasMore = rows.length > query.limit;
  const pageRows = hasMore ? rows.slice(0, query.limit) : rows;
  const last = pageRows.at(-1);
  return {
    items: pageRows.map(toSummary),
    next: hasMore && last ? { publishedTs: Number(last.ts), id: last.id } : null,
  };
}

/**
 * Where page `page` of a list starts, for crawlable `?page=N` links: the keyset cursor of the
 * last story on the page before it. `undefined` when the list has no such page; `null` for the
 * first page. The list's monthly counts (list_months) say which month that story is in, its
 * daily counts (list_days) which day of that month, so only that day's part of the list's
 * index is walked, however deep the page and however dense the list.
 */
export async function findPageStart(
  db: Db,
  query: { edition: EditionId; filter: StoryFilter; page: number; pageSize: number },
): Promise<ListPosition | null | undefined> {
  if (query.page <= 1) return null;
  const { edition, filter } = query;
  // Position (from 0, newest first) of the last story of the page before.
  const position = (query.page - 1) * query.pageSize - 1;
  // The edition's own list has no page numbers on the site: it is walked from its top.
  let before: number | undefined;
  let newer = 0;
  if (filter.kind !== 'edition') {
    const months = await db
      .selectFrom('list_months')
      .select(['month', 'story_count'])
      .where('edition', '=', edition)
      .where('kind', '=', filter.kind)
      .where('slug', '=', filter.slug)
      .orderBy('month', 'desc')
      .execute();
    const inMonth = periodHolding(
      months.map((row) => ({ period: row.month, count: Number(row.story_count) })),
      position,
      newer,
    );
    if (!inMonth) return undefined;
    const month = inMonth.period;
    newer = inMonth.newer;
    before = monthBounds(month).end;
    const days = await db
      .selectFrom('list_days')
      .select(['day', 'story_count'])
      .where('edition', '=', edition)
      .where('kind', '=', filter.kind)
      .where('slug', '=', filter.slug)
      .where('day', '>=', `${month}-01`)
      .where('day', '<=', `${month}-31`)
      .orderBy('day', 'desc')
      .execute();
    // The days add up to their month; were they ever not to, the walk covers the whole month.
    const inDay = periodHolding(
      days.map((row) => ({ period: row.day, count: Number(row.story_count) })),
      position,
      newer,
    );
    if (inDay) {
      before = dayBounds(inDay.period).end;
      newer = inDay.newer;
    }
  }
  // That story, and the one after it: the page exists only if there is one.
  const rows = await storyKeys(db, edition, filter, null, before)
    .limit(2)
    .offset(position - newer)
    .execute();
  const [row] = rows;
  return row && rows.length === 2 ? { publishedTs: Number(row.ts), id: row.id } : undefined;
}

/**
 * Among periods newest first, with how many stories each holds, the one holding `position`
 * (counted from the list's top, `newer` stories being in newer periods), and how many stories
 * are newer than it; undefined when the periods end before it.
 */
function periodHolding(periods: { period: string; count: number }[], position: number, newer: number): { period: string; newer: number } | undefined {
  for (const { period, count } of periods) {
    if (newer + count > position) return { period, newer };
    newer += count;
  }
  return undefined;
}

/** The display name of a tag or an author, from the stories that carry it; undefined when none is published. */
export async function getListName(db: Db, edition: EditionId, kind: CarriedListKind, slug: string): Promise<string | undefined> {
  const { table, slugColumn, nameColumn } = carriedListTables[kind];
  const row = await db
    .selectFrom(table)
    .select(sql<string>`${sql.ref(nameColumn)}`.as('name'))
    .where('edition', '=', edition)
    .where(db.dynamic.ref(slugColumn), '=', slug)
    .where('is_published', '=', 1)
    .orderBy('published_ts', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.name;
}
