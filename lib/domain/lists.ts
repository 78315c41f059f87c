/**
 * The lists of stories a reader walks through, and a place in one: what both the URL grammar
 * (urls.ts) and the story shapes (stories.ts) speak of, kept apart so neither imports the other.
 */

/**
 * A position in a newest-first list: the (publication time, id) key of one story. A page starts
 * strictly after it; a cursor carries it; a live update is addressed by it. Times may predate
 * 1970 (negative).
 */
export type ListPosition = { publishedTs: number; id: string };

/** The lists a reader can open: a section front, a tag page, an author page. */
const listKinds = ['section', 'tag', 'author'] as const;
export type ListKind = (typeof listKinds)[number];
/** The lists named by something stories carry (a tag, a byline) rather than by a section. */
export type CarriedListKind = Exclude<ListKind, 'section'>;

export function isListKind(value: string): value is ListKind {
  return (listKinds as readonly string[]).includes(value);
}
