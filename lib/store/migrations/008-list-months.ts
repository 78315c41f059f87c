import { type Kysely, type Migration } from 'kysely';
import { countListMonths } from './frozen';

/**
 * How many published stories each section, tag and author list has per month, kept by every
 * write (recounting only the months and lists it touches). Page N of a list starts after its
 * (N−1)×size-th story: with these counts the store finds the month that story is in and walks
 * only that month's stories, not every story newer than it.
 */
export const listMonthsMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('list_months')
      .addColumn('edition', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('slug', 'text', (c) => c.notNull())
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('story_count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('list_months_pk', ['edition', 'kind', 'slug', 'month'])
      .execute();
    await countListMonths(db);
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('list_months').execute();
  },
};
