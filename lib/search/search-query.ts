/**
 * What a reader typed into the search box, made safe. The text is trimmed, its whitespace
 * collapsed and its length capped; the FTS5 expression is built only from quoted words, so no
 * input — quotes, operators, brackets, NEAR, a column filter — can be read as query syntax.
 */

export const maxQueryLength = 200;
const maxWords = 12;

export type SearchQuery = {
  /** What to show back to the reader in the search box. */
  text: string;
  /** An FTS5 MATCH expression, or null when there is nothing to search for. */
  match: string | null;
};

const controlCharacters = /[\u0000-\u001f\u007f]/g;

export function readSearchQuery(raw: string | string[] | null | undefined): SearchQuery {
  const first = Array.isArray(raw) ? raw[0] : raw;
  const text = Array.from((first ?? '').replace(controlCharacters, ' ').replace(/\s+/g, ' ').trim())
    .slice(0, maxQueryLength)
    .join('')
    .trim();
  const words = searchWords(text).slice(0, maxWords);
  if (words.length === 0) return { text, match: null };
  // Every word must appear; the last may be the start of a word ("europ" finds "Europol").
  const terms = words.map((word, i) => (i === words.length - 1 && word.length >= 3 ? `${quote(word)}*` : quote(word)));
  return { text, match: terms.join(' ') };
}

/** Letters and digits in any script, lowercased. */
export function searchWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter(Boolean);
}

export function quote(word: string): string {
  return `"${word.replaceAll('"', '""')}"`;
}
