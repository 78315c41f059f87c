import type { EditionStrings } from '@/lib/domain/editions';
import styles from './PullQuote.module.css';

/** A quotation set apart from the text, in the edition's own quotation marks (French: « with its spaces »). */
export function PullQuote({ text, attribution, quotes }: { text: string; attribution: string; quotes: EditionStrings['quotes'] }) {
  return (
    <figure className={styles.pullQuote}>
      <blockquote className={styles.quote}>
        <p>
          {quotes.open}
          {text}
          {quotes.close}
        </p>
      </blockquote>
      <figcaption className={styles.attribution}>
        <cite>{attribution}</cite>
      </figcaption>
    </figure>
  );
}
