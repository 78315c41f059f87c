import { editionIds, getEdition } from '@/lib/domain/editions';
import styles from './NotFoundPage.module.css';
import { editionPath } from '@/lib/domain/urls';

/**
 * The not-found boundary Next keeps in every page's payload, in case a page calls notFound().
 * Kept deliberately small — no store reads, no story lists — because it travels with every
 * page. Readers normally get the full not-found page from /[edition]/unavailable (decision 002).
 *
 * A boundary is given no params, and reading the request would make every page dynamic: so it
 * holds the message in every edition, and the stylesheet shows the one whose language is the
 * page's (html[lang], set by the edition's layout). No script is involved.
 */
export function NotFoundFallback() {
  return (
    <main id="main-content" className={styles.notFound}>
      {editionIds.map((id) => {
        const { lang, dir, strings } = getEdition(id);
        return (
          <div key={id} lang={lang} dir={dir} className={styles.fallback} data-edition={id}>
            <h1 className={styles.title}>{strings.notFoundTitle}</h1>
            <p className={styles.message}>{strings.notFoundMessage}</p>
            <p>
              <a className={styles.home} href={editionPath(id)}>
                {strings.notFoundBackHome}
              </a>
            </p>
          </div>
        );
      })}
    </main>
  );
}
