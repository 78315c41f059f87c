/**
 * Corrections oldest first, and the story's modified time at least the latest of them: a
 * correction is a change readers, feeds and crawlers must see as one.
 */
export function withCorrections<T extends { publishedAt: string; updatedAt?: string; corrections: { at: string; text: string }[] }>(article: T): T {
  if (article.corrections.length === 0) return article;
  const corrections = [...article.corrections].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const latest = corrections.at(-1)!.at;
  const modified = article.updatedAt ?? article.publishedAt;
  return { ...article, corrections, updatedAt: Date.parse(latest) > Date.parse(modified) ? latest : article.updatedAt };
}
