import type { EditionConfig } from '@/lib/domain/editions';
import { maxQueryLength } from '@/lib/domain/search-query';
import styles from './SearchForm.module.css';
import { searchPath } from '@/lib/domain/urls';

type Props = {
  edition: EditionConfig;
  /** Unique per page: the form appears in the header and may appear again in the page. */
  id: string;
  defaultValue?: string;
  variant?: 'header' | 'page';
};

/** A plain GET form to the search page: it works without JavaScript and its results can be bookmarked. */
export function SearchForm({ edition, id, defaultValue, variant = 'page' }: Props) {
  const inputId = `${id}-q`;
  return (
    <form
      role="search"
      // Each search landmark named apart: the header's, and the one a page holds (search, not found).
      aria-label={variant === 'header' ? edition.strings.searchLabel : edition.strings.searchTitle}
      action={searchPath(edition.id)}
      method="get"
      className={variant === 'header' ? `${styles.form} ${styles.header}` : styles.form}
    >
      <label htmlFor={inputId} className={variant === 'header' ? 'visually-hidden' : styles.label}>
        {edition.strings.searchLabel}
      </label>
      <div className={styles.row}>
        <input
          id={inputId}
          className={styles.input}
          type="search"
          name="q"
          defaultValue={defaultValue}
          maxLength={maxQueryLength}
          autoComplete="off"
          enterKeyHint="search"
        />
        <button type="submit" className={styles.button}>
          {edition.strings.searchButton}
        </button>
      </div>
    </form>
  );
}
