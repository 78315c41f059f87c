import styles from './PullQuote.module.css';

export function PullQuote({ text, attribution }: { text: string; attribution: string }) {
  return (
    <figure className={styles.pullQuote}>
      <blockquote className={styles.quote}>
        <p>{text}</p>
      </blockquote>
      <figcaption className={styles.attribution}>
        <cite>{attribution}</cite>
      </figcaption>
    </figure>
  );
}
