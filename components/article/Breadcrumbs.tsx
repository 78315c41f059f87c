import styles from './Breadcrumbs.module.css';

export type Crumb = { name: string; href: string };

/**
 * Home › section: where the story sits, each step a link. The story itself is not repeated: its
 * headline is right below (and in the BreadcrumbList of its structured data).
 */
export function Breadcrumbs({ crumbs, label }: { crumbs: Crumb[]; label: string }) {
  return (
    <nav aria-label={label} className={styles.breadcrumbs} data-print="hide">
      <ol className={styles.list}>
        {crumbs.map((crumb) => (
          <li key={crumb.href} className={styles.item}>
            <a href={crumb.href}>{crumb.name}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
