import styles from './Breadcrumbs.module.css';

export type Crumb = { name: string; href: string };

/** edition › section › story: where the reader is, each step a link but the last. */
export function Breadcrumbs({ crumbs, current, label }: { crumbs: Crumb[]; current: string; label: string }) {
  return (
    <nav aria-label={label} className={styles.breadcrumbs} data-print="hide">
      <ol className={styles.list}>
        {crumbs.map((crumb) => (
          <li key={crumb.href} className={styles.item}>
            <a href={crumb.href}>{crumb.name}</a>
          </li>
        ))}
        <li className={styles.item}>
          <span aria-current="page" className={styles.current}>
            {current}
          </span>
        </li>
      </ol>
    </nav>
  );
}
