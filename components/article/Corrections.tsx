import type { Correction } from '@/lib/domain/article-schema';
import type { EditionConfig } from '@/lib/domain/editions';
import { formatLongDate } from '@/lib/domain/format-date';
import styles from './Corrections.module.css';

/**
 * A story's corrections, under the byline, oldest first: "Correction, 28 April 2018: …" in the
 * edition's language and the newsroom's time zone (decision 015). Nothing when there are none.
 */
export function Corrections({ corrections, edition }: { corrections: Correction[]; edition: EditionConfig }) {
  if (corrections.length === 0) return null;
  return (
    <section className={styles.corrections} aria-label={edition.strings.correctionsLabel}>
      {corrections.map((correction) => (
        <p key={correction.at} className={styles.correction}>
          <strong>
            <time dateTime={correction.at}>{edition.strings.correction(formatLongDate(edition, correction.at))}</time>
          </strong>{' '}
          {correction.text}
        </p>
      ))}
    </section>
  );
}
