import styles from './SkipLink.module.css';

/** The first focusable element of every page; it moves focus to the page's main content. */
export function SkipLink({ label }: { label: string }) {
  return (
    <a className={styles.skipLink} href="#main-content">
      {label}
    </a>
  );
}
