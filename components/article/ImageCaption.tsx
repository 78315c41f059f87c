import type { EditionStrings } from '@/lib/domain/editions';
import styles from './ImageCaption.module.css';

/**
 * Caption, then credit, visually distinct. Screen readers hear "Image caption, …" first, as on
 * the BBC's pages, so the caption is not mistaken for body text.
 */
export function ImageCaption({
  caption,
  credit,
  illustration = false,
  strings,
}: {
  caption: string;
  credit: string;
  /** A drawn picture: its credit says so ("Illustration: Meridian"). */
  illustration?: boolean;
  strings: Pick<EditionStrings, 'imageCaptionPrefix' | 'imageCreditPrefix' | 'illustrationCredit'>;
}) {
  return (
    <figcaption className={styles.caption}>
      <span className="visually-hidden">{strings.imageCaptionPrefix}</span>
      {caption}
      <span className={styles.credit}>
        <span className="visually-hidden">{strings.imageCreditPrefix}</span>
        {illustration ? strings.illustrationCredit.replace('{credit}', credit) : credit}
      </span>
    </figcaption>
  );
}
