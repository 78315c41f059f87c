import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stemmer as frenchStemmer } from '@orama/stemmers/french';
import { highlightEnd, highlightStart } from './stories';

/**
 * What search matches on, the same for both stores (FTS5 and PostgreSQL index the terms this
 * module makes; neither store's own language rules are used): words, folded, then stemmed by
 * the edition's language's rules.
 *
 * - Folding: lower case; accents and every other combining mark removed (NFKD), which in
 *   Arabic removes the harakat and folds the hamza forms of alef (أ إ آ → ا); tatweel removed;
 *   ى read as ي and ة as ه; œ and æ spelt out. So "élections" and "elections", مُحَمَّدٌ and محمد,
 *   أحمد and احمد, مستشفى and مستشفي index alike.
 * - Stemming: Snowball's for English and French (@orama/stemmers); for Arabic a light stemmer
 *   of ours (the Snowball one cuts letters off names: بيروت → يرو): the article and its
 *   attached conjunctions and prepositions (ال، وال، بال، كال، فال، لل) and the sound plural
 *   endings (ات، ون، ين), never leaving fewer than three letters.
 *
 * A change here changes what the index holds: bump `searchTextVersion`, and every store
 * rebuilds its index when it next opens (lib/store/search/reindex.ts).
 */
export const searchTextVersion = 1;

/** A BCP 47 language (an edition's `lang`): English, French and Arabic have rules here; any other is folded, not stemmed. */
export type SearchLanguage = string;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The nearest grapheme boundary at or after `index`: where a snippet may be cut without splitting a letter from its marks. */
function graphemeBoundary(text: string, index: number): number {
  if (index <= 0 || index >= text.length) return Math.max(0, Math.min(index, text.length));
  const segment = graphemes.segment(text).containing(index);
  return segment && segment.index < index ? segment.index + segment.segment.length : index;
}

/** Lower case, no marks, Arabic letter variants folded. */
function foldWord(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/\u0640/g, '')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae');
}

const arabicPrefixes = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'];
const arabicSuffixes = ['ات', 'ون', 'ين'];

function arabicStem(word: string): string {
  let stem = word;
  const prefix = arabicPrefixes.find((p) => stem.startsWith(p) && stem.length - p.length >= 3);
  if (prefix) stem = stem.slice(prefix.length);
  const suffix = arabicSuffixes.find((s) => stem.endsWith(s) && stem.length - s.length >= 3);
  if (suffix) stem = stem.slice(0, -suffix.length);
  return stem;
}

/** Terms already made, per language: a story repeats its words, and stemming is the costly part. */
const termCache = new Map<string, string>();
const termCacheSize = 50_000;

/** The term one word is indexed and searched as. */
export function searchTerm(word: string, language: SearchLanguage): string {
  const key = `${language}:${word}`;
  let term = termCache.get(key);
  if (term === undefined) {
    if (termCache.size >= termCacheSize) termCache.clear();
    termCache.set(key, (term = makeTerm(word, language)));
  }
  return term;
}

function makeTerm(word: string, language: SearchLanguage): string {
  const lower = word.toLowerCase().normalize('NFC');
  switch (language.split('-')[0]) {
    case 'ar':
      return arabicStem(foldWord(lower));
    case 'fr':
      // Snowball's French rules read accents: stem first, then fold.
      return foldWord(frenchStemmer(lower));
    case 'en':
      return englishStemmer(foldWord(lower));
    default:
      return foldWord(lower);
  }
}

/**
 * The words of a text: a letter or digit, then letters, digits, marks (Arabic harakat,
 * combining accents) and tatweel — so a mark never starts a word or leaves its letter.
 * Apostrophes separate words ("l’Europe" → "l", "Europe"). English, French and Arabic put
 * spaces between words, which is what this reads; a language that does not (Chinese, Thai)
 * would need Intl.Segmenter's word breaks here.
 */
const wordPattern = /[\p{L}\p{N}][\p{L}\p{M}\p{N}\u0640]*/gu;

function wordsOf(text: string): { word: string; index: number }[] {
  return Array.from(text.matchAll(wordPattern), (match) => ({ word: match[0], index: match.index }));
}

/** A text as the index holds it: its terms, separated by spaces. */
export function searchTermsOf(text: string, language: SearchLanguage): string {
  return wordsOf(text)
    .map(({ word }) => searchTerm(word, language))
    .filter(Boolean)
    .join(' ');
}

/** What a query looks for: terms, the last one possibly the start of a word. */
export type TermQuery = { term: string; prefix: boolean }[];

function matches(word: string, language: SearchLanguage, query: TermQuery): boolean {
  const term = searchTerm(word, language);
  const folded = foldWord(word);
  return query.some((q) => term === q.term || (q.prefix && (term.startsWith(q.term) || folded.startsWith(q.term))));
}

/** The whole text with every matching word between the highlight markers. */
export function markMatches(text: string, language: SearchLanguage, query: TermQuery): string {
  let out = '';
  let at = 0;
  for (const { word, index } of wordsOf(text)) {
    if (!matches(word, language, query)) continue;
    out += `${text.slice(at, index)}${highlightStart}${word}${highlightEnd}`;
    at = index + word.length;
  }
  return out + text.slice(at);
}

/**
 * A window of about `size` words around the first match, cut between words and on grapheme
 * boundaries (Intl.Segmenter): no letter is split from its marks. "…" where it was cut.
 */
export function snippet(text: string, language: SearchLanguage, query: TermQuery, size = 28): string {
  const words = wordsOf(text);
  if (words.length === 0) return '';
  const first = Math.max(
    0,
    words.findIndex(({ word }) => matches(word, language, query)),
  );
  const from = Math.max(0, Math.min(first - Math.floor(size / 3), words.length - size));
  const to = Math.min(words.length, from + size);
  const start = from === 0 ? 0 : graphemeBoundary(text, words[from]!.index);
  const last = words[to - 1]!;
  const end = to === words.length ? text.length : graphemeBoundary(text, last.index + last.word.length);
  const body = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '…' : ''}${markMatches(body, language, query)}${to < words.length ? '…' : ''}`;
}
