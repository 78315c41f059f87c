import type { Author } from '@/lib/domain/article-schema';
import type { EditionConfig } from '@/lib/domain/editions';
import { formatDateTime } from '@/lib/domain/format-date';
import styles from './Byline.module.css';
import { authorPath } from '@/lib/domain/urls';

type Props = {
  authors: Author[];
  publishedAt: string;
  updatedAt?: string;
  edition: EditionConfig;
  /** The story's history, when readers have seen more than one version of it (issue 32). */
  historyHref?: string | null;
};

/**
 * Who wrote it, and when: published and, if it was, updated — each a machine-readable <time>;
 * the "Updated" line links to what changed when there is more than one version to compare.
 */
export function Byline({ authors, publishedAt, updatedAt, edition, historyHref }: Props) {
  // "By A, B and C", each name a link to the reporter's page.
  const parts = new Intl.ListFormat(edition.locale, { type: 'conjunction' }).formatToParts(authors.map((a) => a.slug));
  const bySlug = new Map(authors.map((a) => [a.slug, a]));
  return (
    <div className={styles.byline}>
      <p className={styles.authors}>
        {edition.strings.byPrefix}{' '}
        {parts.map((part, i) => {
          const author = part.type === 'element' ? bySlug.get(part.value) : undefined;
          return author ? (
            <a key={i} href={authorPath(edition.id, author.slug)} className={styles.author}>
              {/* Isolated: a Latin name in an Arabic byline (or the reverse) keeps its own direction. */}
              <bdi>{author.name}</bdi>
            </a>
          ) : (
            part.value
          );
        })}
      </p>
      <p className={styles.times}>
        <span>
          {edition.strings.published} <time dateTime={publishedAt}>{formatDateTime(edition, publishedAt)}</time>
        </span>
        {updatedAt && updatedAt !== publishedAt ? (
          <span>
            {edition.strings.updated} <time dateTime={updatedAt}>{formatDateTime(edition, updatedAt)}</time>
            {historyHref ? (
              <>
                {' '}
                <a href={historyHref} className={styles.history}>
                  {edition.strings.historyLink}
                </a>
              </>
            ) : null}
          </span>
        ) : null}
      </p>
    </div>
  );
}
