import type { ReactNode } from 'react';
import { getEdition, type EditionId } from '@/lib/domain/editions';
import { litePath, type EditionAlternate } from '@/lib/domain/urls';
import { getSections } from '@/lib/data/reads';
import { SiteFooter } from './SiteFooter';
import { SiteHeader } from './SiteHeader';
import { SkipLink } from './SkipLink';
import { BreakingNews } from './BreakingNews';
import styles from './PageShell.module.css';

/**
 * The furniture around every page: skip link (first focusable), header with sections, the
 * edition's breaking-news banner when there is one, the main landmark the skip link lands on, footer. Pages pass the section they belong to so the
 * navigation can mark it.
 */
type Props = {
  edition: EditionId;
  currentSection?: string;
  /** Where "Skip to main content" lands: the main landmark, or (on a story) its headline. */
  skipTo?: string;
  /** This page in the other editions (the language switcher goes there). */
  alternates?: EditionAlternate[];
  /** This page's own address, when it has a lite version (issue 31): linked under the header and in the footer. */
  path?: string;
  children: ReactNode;
};

export async function PageShell({ edition, currentSection, skipTo = 'main-content', alternates, path, children }: Props) {
  const config = getEdition(edition);
  const sections = await getSections(edition);
  const lite = path ? litePath(path) : undefined;
  return (
    <>
      <SkipLink label={config.strings.skipToContent} target={skipTo} />
      <SiteHeader edition={config} sections={sections} currentSection={currentSection} alternates={alternates}>
        {lite ? (
          <p className={styles.lite} data-print="hide" data-lite="omit">
            <a href={lite}>{config.strings.liteLink}</a>
          </p>
        ) : null}
      </SiteHeader>
      <BreakingNews edition={edition} />
      <main id="main-content" tabIndex={-1} className={styles.main}>
        {children}
      </main>
      <SiteFooter edition={config} sections={sections} lite={lite} />
    </>
  );
}
