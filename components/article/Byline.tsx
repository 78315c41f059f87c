import type { Author } from '@/lib/content/article-schema';
import type { EditionConfig } from '@/lib/editions';
import { formatDateTime } from '@/lib/format-date';
import styles from './Byline.module.css';

type Props = { authors: Author[]; publishedAt: string; updatedAt?: string; edition: EditionConfig };

/** Who wrote it, and when: published and, if it was, updated — each a machine-readable <time>. */
export function Byline({ authors, publishedAt, updatedAt, edition }: Props) {
  const names = new Intl.ListFormat(edition.locale, { type: 'conjunction' }).format(authors.map((a) => a.name));
  return (
    <div className={styles.byline}>
      <p className={styles.authors}>
        {edition.strings.byPrefix} {names}
      </p>
      <p className={styles.times}>
        <span>
          {edition.strings.published} <time dateTime={publishedAt}>{formatDateTime(edition, publishedAt)}</time>
        </span>
        {updatedAt && updatedAt !== publishedAt ? (
          <span>
            {edition.strings.updated} <time dateTime={updatedAt}>{formatDateTime(edition, updatedAt)}</time>
          </span>
        ) : null}
      </p>
    </div>
  );
}
