import type { Section } from '../domain/article-schema';
import type { EditionId } from '../domain/editions';
import type { Db } from './rows';

export async function listSections(db: Db, edition: EditionId): Promise<Section[]> {
  const rows = await db.selectFrom('sections').select(['edition', 'slug', 'name', 'description']).where('edition', '=', edition).orderBy('position').execute();
  return rows.map((row) => ({ ...row, edition: row.edition as EditionId }));
}

export async function sectionExists(db: Db, edition: EditionId, slug: string): Promise<boolean> {
  const row = await db.selectFrom('sections').select('slug').where('edition', '=', edition).where('slug', '=', slug).executeTakeFirst();
  return row !== undefined;
}

/** The latest publication time per section: a section front changes when a story lands in it. */
export async function listSectionLastPublished(db: Db, edition: EditionId): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('articles')
    .select(['section', (eb) => eb.fn.max('published_ts').as('last')])
    .where('edition', '=', edition)
    .where('status', '=', 'published')
    .groupBy('section')
    .execute();
  return new Map(rows.map((r) => [r.section, Number(r.last)]));
}
