import styles from './StoryMedia.module.css';

/**
 * What is said in a video or a recording, under its player: collapsed, but in the HTML — for
 * readers who cannot or would rather not listen, readers without JavaScript, crawlers, and paper
 * (printed open). Paragraphs are separated by blank lines.
 */
export function MediaTranscript({ text, summary }: { text: string; summary: string }) {
  return (
    <details className={styles.transcript}>
      <summary className={styles.transcriptSummary}>{summary}</summary>
      <div className={styles.transcriptText}>
        {text
          .split(/\n\s*\n/)
          .map((paragraph) => paragraph.trim())
          .filter(Boolean)
          .map((paragraph, index) => (
            <p key={index}>{paragraph}</p>
          ))}
      </div>
    </details>
  );
}
