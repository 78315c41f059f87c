/**
 * What characters a story's text may hold. Control characters (C0 but tab, line feed and
 * carriage return; DEL; C1), lone surrogates and Unicode non-characters are refused in every
 * text field: none belongs in a story, XML cannot carry most of them (one U+0001 made every
 * feed unreadable), and the search page uses two of them as its highlight markers.
 *
 * Dependency-free: the schema uses it, and the feed and sitemap writers use `xmlSafe` on
 * whatever the store holds, rows written before the rule included.
 */

const refused = /(?![\t\n\r])[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}]/u;
const refusedEverywhere = /(?![\t\n\r])[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}]/gu;

/** The first refused character and where it is, or null. */
export function findRefusedCharacter(text: string): { index: number; codePoint: string } | null {
  const match = refused.exec(text);
  if (!match) return null;
  const code = match[0].codePointAt(0) ?? 0;
  return { index: match.index, codePoint: `U+${code.toString(16).toUpperCase().padStart(4, '0')}` };
}

/** The message an editor reads when a field holds one. */
export function refusedCharacterMessage(text: string): string | null {
  const found = findRefusedCharacter(text);
  if (!found) return null;
  return `must not contain control characters, lone surrogates or non-characters (${found.codePoint} at position ${found.index + 1})`;
}

/** The text without the characters the rule refuses: what goes into XML whatever the store holds. */
export function withoutRefusedCharacters(text: string): string {
  return refused.test(text) ? text.replace(refusedEverywhere, '') : text;
}

/**
 * Text for an XML element or attribute built with xmlbuilder2: without what XML cannot carry,
 * and with every `&` escaped here, because xmlbuilder2 escapes `<` and `>` but leaves anything
 * that looks like an entity (`&amp;`, `&lt;`, even an undefined `&foo;`) as it is, which would
 * let a headline's "R&D;" break the document and a pre-escaped `&lt;` decode as markup.
 */
export function xmlText(text: string): string {
  return withoutRefusedCharacters(text).replace(/&/g, '&amp;');
}
