import styles from './LiveBadge.module.css';

/**
 * "Live", on a live story wherever it appears (a card, a list, its own page) for as long as its
 * updates have not stopped. Text, not colour alone: it reads the same printed and to a screen
 * reader, and the dot beside it only pulses for readers who have not asked for less motion.
 */
export function LiveBadge({ label }: { label: string }) {
  return <span className={styles.badge}>{label}</span>;
}
