import { getEdition, type EditionId } from '@/lib/domain/editions';
import styles from './NotFoundPage.module.css';
import { editionPath } from '@/lib/domain/urls';

/**
 * The not-found boundary Next keeps in every page's payload, in case a page calls notFound().
 * Kept deliberately small — no store reads, no story lists — because it travels with every
 * page. Readers normally get the full not-found page from /[edition]/unavailable (decision 002).
 */
export function NotFoundFallback({ edition }: { edition: EditionId }) {
  const { strings } = getEdition(edition);
  return (
    <main id="main-content" className={styles.notFound}>
      <h1 className={styles.title}>{strings.notFoundTitle}</h1>
      <p className={styles.message}>{strings.notFoundMessage}</p>
      <p>
        <a className={styles.home} href={editionPath(edition)}>
          {strings.notFoundBackHome}
        </a>
      </p>
    </main>
  );
}
