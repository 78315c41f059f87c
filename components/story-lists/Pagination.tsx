import type { EditionStrings } from '@/lib/domain/editions';
import styles from './Pagination.module.css';

/**
 * Plain links between the pages of a list or of search results: crawlers follow them, readers
 * without JavaScript too. `href` builds a page's address (lib/domain/urls.ts: pageHref, searchPath).
 */
export function Pagination({ href, page, hasOlder, strings }: { href: (page: number) => string; page: number; hasOlder: boolean; strings: EditionStrings }) {
  if (page === 1 && !hasOlder) return null;
  return (
    <nav className={styles.pagination} aria-label={strings.paginationLabel}>
      {page > 1 ? (
        <a className={styles.link} href={href(page - 1)} rel="prev">
          {strings.newerStories}
        </a>
      ) : (
        <span />
      )}
      <span className={styles.current} aria-current="page">
        {strings.pageNumber(page)}
      </span>
      {hasOlder ? (
        <a className={styles.link} href={href(page + 1)} rel="next">
          {strings.olderStories}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
