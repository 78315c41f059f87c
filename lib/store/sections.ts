import type { Section } from '../domain/article-schema';
import type { EditionId } from '../domain/editions';
import type { Db } from './rows';

export async function listSections(db: Db, edition: EditionId): Promise<Section[]> {
  const rows = await db
    .selectFrom('sections')
    .select(['edition', 'slug', 'name', 'description', 'section_group'])
    .where('edition', '=', edition)
    .orderBy('position')
    .execute();
  return rows.map(({ section_group: group, ...row }) => ({ ...row, edition: row.edition as EditionId, group: group ?? row.slug }));
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

/** A section's counterparts: the sections of every edition in its group (a section's group is its slug unless set). */
export async function listSectionCounterparts(db: Db, group: string): Promise<{ edition: EditionId; slug: string }[]> {
  const rows = await db
    .selectFrom('sections')
    .select(['edition', 'slug'])
    .where((eb) => eb.or([eb('section_group', '=', group), eb.and([eb('section_group', 'is', null), eb('slug', '=', group)])]))
    .execute();
  return rows.map((row) => ({ edition: row.edition as EditionId, slug: row.slug }));
}
