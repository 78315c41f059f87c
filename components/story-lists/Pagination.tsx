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
          <Chevron direction="back" />
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
          <Chevron direction="forward" />
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}

/**
 * Drawn for left-to-right reading (back points left); the stylesheet mirrors both in a
 * right-to-left edition, where back is to the right.
 */
function Chevron({ direction }: { direction: 'back' | 'forward' }) {
  return (
    <svg className={styles.chevron} data-points={direction} viewBox="0 0 8 12" width="8" height="12" aria-hidden="true" focusable="false">
      <path d={direction === 'back' ? 'M6.5 1 1.5 6l5 5' : 'M1.5 1l5 5-5 5'} fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}
