import type { EditionStrings } from '@/lib/domain/editions';
import styles from './ImageCaption.module.css';

/**
 * A video's or a recording's caption, credit and length. Screen readers hear "Video caption, …"
 * first, as with pictures, so the caption is not mistaken for body text.
 */
export function MediaCaption({
  prefix,
  caption,
  credit,
  durationMs,
  strings,
}: {
  prefix: string;
  caption: string;
  credit: string;
  durationMs: number | null;
  strings: Pick<EditionStrings, 'imageCreditPrefix' | 'mediaDuration'>;
}) {
  const seconds = durationMs === null ? null : Math.max(1, Math.round(durationMs / 1000));
  return (
    <figcaption className={styles.caption}>
      <span className="visually-hidden">{prefix}</span>
      {caption}
      {seconds !== null ? (
        <>
          {' '}
          <span className={styles.duration}>({strings.mediaDuration(Math.floor(seconds / 60), seconds % 60)})</span>
        </>
      ) : null}
      <span className={styles.credit}>
        <span className="visually-hidden">{strings.imageCreditPrefix}</span>
        {credit}
      </span>
    </figcaption>
  );
}
