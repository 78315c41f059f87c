import { getEdition } from '@/lib/domain/editions';
import type { EditionAlternate } from '@/lib/domain/urls';
import styles from './Translations.module.css';

/**
 * Under the byline: the story in the other editions, each link in its own language and
 * direction (`lang`, `dir`, `hreflang`), named by the edition and the translated headline.
 */
export function Translations({ translations, heading }: { translations: EditionAlternate[]; heading: string }) {
  if (translations.length === 0) return null;
  return (
    <nav className={styles.translations} aria-labelledby="article-translations">
      <h2 id="article-translations" className={styles.heading}>
        {heading}
      </h2>
      <ul className={styles.list}>
        {translations.map((translation) => {
          const other = getEdition(translation.edition);
          return (
            <li key={translation.edition} lang={other.lang} dir={other.dir}>
              <a href={translation.path} hrefLang={other.lang}>
                <span className={styles.language}>{other.name}</span> <span>{translation.headline}</span>
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
