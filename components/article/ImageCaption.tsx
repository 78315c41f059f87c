import type { EditionStrings } from '@/lib/domain/editions';
import styles from './ImageCaption.module.css';

/**
 * Caption, then credit, visually distinct. Screen readers hear "Image caption, …" first, as on
 * the BBC's pages, so the caption is not mistaken for body text.
 */
export function ImageCaption({
  caption,
  credit,
  strings,
}: {
  caption: string;
  credit: string;
  strings: Pick<EditionStrings, 'imageCaptionPrefix' | 'imageCreditPrefix'>;
}) {
  return (
    <figcaption className={styles.caption}>
      <span className="visually-hidden">{strings.imageCaptionPrefix}</span>
      {caption}
      <span className={styles.credit}>
        <span className="visually-hidden">{strings.imageCreditPrefix}</span>
        {credit}
      </span>
    </figcaption>
  );
}
