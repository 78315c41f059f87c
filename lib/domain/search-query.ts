/**
 * What a reader typed into the search box, made safe. The text is trimmed, its whitespace
 * collapsed and its length capped; what is searched for is only its words (letters and digits),
 * so no input — quotes, operators, brackets, NEAR, a column filter — can be read as query
 * syntax by either store's full-text engine (lib/store/search/ builds that).
 */

export const maxQueryLength = 200;
const maxWords = 12;

/** Words to find: every one (`all`) or any one; a `prefix` word also finds words it starts. */
export type SearchTerms = { words: { word: string; prefix: boolean }[]; all: boolean };

export type SearchQuery = {
  /** What to show back to the reader in the search box. */
  text: string;
  /** What to search for, or null when there is nothing to search for. */
  terms: SearchTerms | null;
};

const controlCharacters = /[\u0000-\u001f\u007f]/g;

export function readSearchQuery(raw: string | string[] | null | undefined): SearchQuery {
  const first = Array.isArray(raw) ? raw[0] : raw;
  const text = Array.from((first ?? '').replace(controlCharacters, ' ').replace(/\s+/g, ' ').trim())
    .slice(0, maxQueryLength)
    .join('')
    .trim();
  const words = searchWords(text).slice(0, maxWords);
  if (words.length === 0) return { text, terms: null };
  // Every word must appear; the last may be the start of a word ("europ" finds "Europol").
  return { text, terms: { all: true, words: words.map((word, i) => ({ word, prefix: i === words.length - 1 && word.length >= 3 })) } };
}

/** Letters and digits in any script, lowercased, with their marks (Arabic harakat, combining accents) and tatweel. */
export function searchWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}\u0640]*/gu) ?? []).filter(Boolean);
}
