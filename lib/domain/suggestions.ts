import { slugify } from './slug';
import { searchWords, type SearchTerms } from './search-query';

/**
 * "Were you looking for…?" on the not-found page: the stories whose slugs or headlines are
 * closest to the address the reader asked for. The full-text index finds candidates that share
 * the beginning of a word with the address; trigram similarity then orders them, so a typo
 * ("propoganda") or a word too many still finds its story.
 */

const stopWords = new Set(['the', 'and', 'for', 'with', 'from', 'into', 'over', 'has', 'its', 'are', 'was', 'www', 'html', 'php', 'amp']);

/** The words of the last segment of a path: `/en/europe/20180427-europol-hits-is` → [europol, hits]. */
export function wordsOfPath(path: string): string[] {
  let last = path.split('/').filter(Boolean).at(-1) ?? '';
  try {
    last = decodeURIComponent(last);
  } catch {
    // a malformed escape: use the segment as it is
  }
  const words = searchWords(last.replace(/^\d{8}-/, ''));
  return [...new Set(words.filter((w) => w.length >= 3 && !/^\d+$/.test(w) && !stopWords.has(w)))].slice(0, 10);
}

/** Terms matching any story containing a word that starts like one of these. */
export function suggestionTerms(words: string[]): SearchTerms | null {
  if (words.length === 0) return null;
  return { all: false, words: words.map((w) => ({ word: w.slice(0, Math.min(w.length, 4)), prefix: true })) };
}

function trigrams(text: string): Set<string> {
  const padded = `  ${text} `;
  const grams = new Set<string>();
  for (let i = 0; i < padded.length - 2; i += 1) grams.add(padded.slice(i, i + 3));
  return grams;
}

/** Jaccard similarity of the two strings' trigram sets, from 0 (nothing shared) to 1 (same). */
export function trigramSimilarity(a: string, b: string): number {
  const x = trigrams(a);
  const y = trigrams(b);
  let shared = 0;
  for (const gram of x) if (y.has(gram)) shared += 1;
  const union = x.size + y.size - shared;
  return union === 0 ? 0 : shared / union;
}

export type SuggestionCandidate = { slug: string; headline: string; publishedAt: string };

/** Below this, a candidate shares a word or two by chance and would be noise. */
const minimumSimilarity = 0.12;

export function rankSuggestions<T extends SuggestionCandidate>(requestedPath: string, candidates: T[], limit = 5): T[] {
  const wanted = wordsOfPath(requestedPath).join('-');
  if (!wanted) return [];
  return candidates
    .map((candidate) => ({
      candidate,
      score: Math.max(trigramSimilarity(wanted, candidate.slug), trigramSimilarity(wanted, slugify(candidate.headline))),
    }))
    .filter(({ score }) => score >= minimumSimilarity)
    .sort((a, b) => b.score - a.score || Date.parse(b.candidate.publishedAt) - Date.parse(a.candidate.publishedAt))
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}
