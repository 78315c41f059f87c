import styles from './SkipLink.module.css';

/** The first focusable element of every page; it moves focus to the page's main content. */
export function SkipLink({ label, target }: { label: string; target: string }) {
  return (
    <a className={styles.skipLink} href={`#${target}`}>
      {label}
    </a>
  );
}
