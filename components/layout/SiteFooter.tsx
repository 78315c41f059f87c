import type { Section } from '@/lib/domain/article-schema';
import type { EditionConfig } from '@/lib/domain/editions';
import { publication } from '@/lib/domain/site-config';
import styles from './SiteFooter.module.css';
import { aboutPath, correctionsPath, savedPath, sectionPath } from '@/lib/domain/urls';

/** `lite`: this page's lite version (issue 31), linked beside About and the corrections; none on pages that have none. */
export function SiteFooter({ edition, sections, lite }: { edition: EditionConfig; sections: Section[]; lite?: string }) {
  return (
    <footer className={styles.footer} data-print="hide">
      <div className={styles.inner}>
        <nav aria-label={edition.strings.footerSections}>
          <h2 className={styles.heading}>{edition.strings.footerSections}</h2>
          <ul className={styles.links}>
            {sections.map((section) => (
              <li key={section.slug}>
                <a href={sectionPath(edition.id, section.slug)}>{section.name}</a>
              </li>
            ))}
          </ul>
        </nav>
        <p className={styles.about}>
          <a href={aboutPath(edition.id)}>{edition.strings.footerAbout}</a>
          {' · '}
          <a href={correctionsPath(edition.id)}>{edition.strings.correctionsTitle}</a>
          {' · '}
          <a href={savedPath(edition.id)}>{edition.strings.savedTitle}</a>
          {lite ? (
            <span data-lite="omit">
              {' · '}
              <a href={lite}>{edition.strings.liteLink}</a>
            </span>
          ) : null}
        </p>
        <p className={styles.copyright}>{edition.strings.copyright(new Date().getFullYear(), publication.name)}</p>
      </div>
    </footer>
  );
}
