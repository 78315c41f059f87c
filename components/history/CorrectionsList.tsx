import type { EditionConfig } from '@/lib/domain/editions';
import type { EditionCorrection } from '@/lib/domain/stories';
import { formatLongDate } from '@/lib/domain/format-date';
import styles from './CorrectionsList.module.css';

/**
 * Every correction of an edition, newest first (issue 32): each as the story shows it
 * ("Correction, 28 April 2018: …") with a link to the story it corrects.
 */
export function CorrectionsList({ corrections, edition }: { corrections: EditionCorrection[]; edition: EditionConfig }) {
  const { strings } = edition;
  if (corrections.length === 0) return <p>{strings.correctionsEmpty}</p>;
  return (
    <ol className={styles.list}>
      {corrections.map((correction) => (
        <li key={`${correction.story.id}-${correction.at}`} className={styles.item}>
          <p className={styles.text}>
            <strong>
              <time dateTime={correction.at}>{strings.correction(formatLongDate(edition, correction.at))}</time>
            </strong>{' '}
            {correction.text}
          </p>
          <p className={styles.story}>
            {strings.correctionTo}{' '}
            <a href={correction.story.path}>
              <bdi>{correction.story.headline}</bdi>
            </a>
          </p>
        </li>
      ))}
    </ol>
  );
}
