import { getEdition } from '@/lib/domain/editions';
import type { EditionAlternate } from '@/lib/domain/urls';
import styles from './Translations.module.css';

/**
 * Under the byline, on one line: the story in the other editions ("Also in: Français ·
 * العربية"), each link named in its own language and direction (`lang`, `dir`, `hreflang`),
 * with the translated headline as its title. Compact, so the story's opening stays the story's.
 */
export function Translations({ translations, heading }: { translations: EditionAlternate[]; heading: string }) {
  if (translations.length === 0) return null;
  return (
    <nav className={styles.translations} aria-labelledby="article-translations" data-print="hide">
      <span id="article-translations" className={styles.heading}>
        {heading}
      </span>
      <ul className={styles.list}>
        {translations.map((translation) => {
          const other = getEdition(translation.edition);
          return (
            <li key={translation.edition} lang={other.lang} dir={other.dir}>
              <a href={translation.path} hrefLang={other.lang} title={translation.headline}>
                {other.name}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
