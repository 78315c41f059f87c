import { getEdition, isEditionId, type EditionId } from './editions';
import { slugPattern } from './slug';

/**
 * Article URLs are `/{edition}/{section}/{yyyymmdd}-{slug}`, the date being the day of first
 * publication in the newsroom's time zone (so a story filed at 00:30 in Paris carries Paris's date).
 */

export type ArticleLocator = {
  edition: EditionId;
  section: string;
  /** `yyyymmdd` */
  date: string;
  slug: string;
};

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** The `yyyymmdd` of an instant, read in the edition's time zone. */
export function pathDate(edition: EditionId, publishedAt: string): string {
  const { timeZone } = getEdition(edition);
  let formatter = dateFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(new Date(publishedAt));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}${part('month')}${part('day')}`;
}

export function articlePath(article: { edition: EditionId; section: string; slug: string; publishedAt: string }): string {
  return `/${article.edition}/${article.section}/${pathDate(article.edition, article.publishedAt)}-${article.slug}`;
}

const articleSegmentPattern = /^(\d{8})-(.{1,160})$/;

/** Splits the last segment of an article URL into its date and slug; null when it is not one. */
export function parseArticleSegment(segment: string): { date: string; slug: string } | null {
  const match = articleSegmentPattern.exec(segment);
  if (!match) return null;
  const [, date, slug] = match as unknown as [string, string, string];
  if (!slugPattern.test(slug)) return null;
  return { date, slug };
}

/** Reads `/{edition}/{section}/{yyyymmdd}-{slug}`; null for anything else. */
export function parseArticlePath(pathname: string): ArticleLocator | null {
  const segments = pathname.split('/');
  if (segments.length !== 4 || segments[0] !== '') return null;
  const [, edition, section, last] = segments as [string, string, string, string];
  if (!isEditionId(edition) || !slugPattern.test(section)) return null;
  const parsed = parseArticleSegment(last);
  return parsed ? { edition, section, ...parsed } : null;
}
