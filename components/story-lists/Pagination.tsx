import type { EditionStrings } from '@/lib/domain/editions';
import { pageHref } from '@/lib/domain/page-param';
import styles from './Pagination.module.css';

/** Plain links between the pages of a list: crawlers follow them, readers without JavaScript too. */
export function Pagination({ path, page, hasOlder, strings }: { path: string; page: number; hasOlder: boolean; strings: EditionStrings }) {
  if (page === 1 && !hasOlder) return null;
  return (
    <nav className={styles.pagination} aria-label={strings.paginationLabel}>
      {page > 1 ? (
        <a className={styles.link} href={pageHref(path, page - 1)} rel="prev">
          {strings.newerStories}
        </a>
      ) : (
        <span />
      )}
      <span className={styles.current} aria-current="page">
        {strings.pageNumber(page)}
      </span>
      {hasOlder ? (
        <a className={styles.link} href={pageHref(path, page + 1)} rel="next">
          {strings.olderStories}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
