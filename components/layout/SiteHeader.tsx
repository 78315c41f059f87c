import type { ReactNode } from 'react';
import type { Section } from '@/lib/domain/article-schema';
import { editionIds, getEdition, type EditionConfig } from '@/lib/domain/editions';
import { publication } from '@/lib/domain/site-config';
import { SearchForm } from '@/components/search/SearchForm';
import styles from './SiteHeader.module.css';
import { MenuDismiss } from './MenuDismiss.island';
import { editionPath, sectionPath, type EditionAlternate } from '@/lib/domain/urls';

/** `children`: a line under the bars, inside the banner landmark (the link to the page's lite version). */
type Props = { edition: EditionConfig; sections: Section[]; currentSection?: string; alternates?: EditionAlternate[]; children?: ReactNode };

/**
 * Wordmark and section navigation. On phones the sections fold into a <details> menu, which
 * opens and closes without any JavaScript (and, once the page's script has come, with Escape
 * or a tap outside it too); from tablet width they sit in a row.
 */
export function SiteHeader({ edition, sections, currentSection, alternates = [], children }: Props) {
  const links = (
    <ul className={styles.sectionList}>
      {sections.map((section) => (
        <li key={section.slug}>
          <a className={styles.sectionLink} href={sectionPath(edition.id, section.slug)} aria-current={section.slug === currentSection ? 'page' : undefined}>
            {section.name}
          </a>
        </li>
      ))}
    </ul>
  );
  return (
    <header className={styles.header}>
      <div className={styles.bar}>
        <a className={styles.wordmark} href={editionPath(edition.id)}>
          {publication.name}
        </a>
        <EditionSwitcher edition={edition} alternates={alternates} place="bar" />
        <div className={styles.barSearch} data-print="hide">
          <SearchForm edition={edition} id="header-search" variant="header" />
        </div>
        <details className={styles.menu} id="site-menu" data-print="hide">
          <summary className={styles.menuButton}>{edition.strings.menu}</summary>
          <div className={styles.menuPanel}>
            <SearchForm edition={edition} id="menu-search" variant="header" />
            <nav aria-label={edition.strings.siteNavigationLabel}>{links}</nav>
            <EditionSwitcher edition={edition} alternates={alternates} place="menu" />
          </div>
        </details>
      </div>
      <nav className={styles.sectionBar} aria-label={edition.strings.siteNavigationLabel} data-print="hide">
        {links}
      </nav>
      {children}
      <MenuDismiss menuId="site-menu" />
    </header>
  );
}

/**
 * The other editions, each named in its own language: to this page there when it exists
 * (a translated story, a section's counterpart, a home), else to that edition's home. In the
 * bar; on the narrowest phones, where the bar has no room, in the menu instead (only one of
 * the two is ever displayed).
 */
function EditionSwitcher({ edition, alternates, place }: { edition: EditionConfig; alternates: EditionAlternate[]; place: 'bar' | 'menu' }) {
  return (
    <nav className={place === 'bar' ? styles.editions : styles.menuEditions} aria-label={edition.strings.editionsLabel} data-print="hide">
      <ul className={styles.editionList}>
        {editionIds
          .filter((id) => id !== edition.id)
          .map((id) => {
            const other = getEdition(id);
            const href = alternates.find((a) => a.edition === id)?.path ?? editionPath(id);
            return (
              <li key={id}>
                <a className={styles.editionLink} href={href} lang={other.lang} hrefLang={other.lang}>
                  {other.name}
                </a>
              </li>
            );
          })}
      </ul>
    </nav>
  );
}
