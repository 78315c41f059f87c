import type { ReactNode } from 'react';
import { LiveBadge } from './LiveBadge';
import styles from './StoryItem.module.css';

type Props = {
  href: string;
  headline: ReactNode;
  /** The standfirst, or a search result's passage; none in a narrow rail. */
  summary?: ReactNode;
  sectionName: string;
  publishedAt: string;
  /** The date as the list shows it, in the edition's language and time zone. */
  time: string;
  /** h2 under a page's h1, h3 under a list heading. */
  headingLevel: 2 | 3;
  /** A search result: a little more room, and highlighted words. */
  variant?: 'story' | 'result';
  /** The live badge's word, for a live story. */
  liveLabel?: string;
};

/** One story in a plain list of links (latest rails, not-found suggestions, search results): headline, summary, section and date. */
export function StoryItem({ href, headline, summary, sectionName, publishedAt, time, headingLevel, variant = 'story', liveLabel }: Props) {
  const Heading = `h${headingLevel}` as const;
  return (
    <li className={`${styles.item} ${styles[variant]}`}>
      <Heading className={styles.headline}>
        <a href={href}>{headline}</a>
      </Heading>
      {summary !== undefined ? <p className={styles.summary}>{summary}</p> : null}
      <p className={styles.meta}>
        {liveLabel ? <LiveBadge label={liveLabel} /> : null}
        <span className={styles.section}>{sectionName}</span>
        <time dateTime={publishedAt}>{time}</time>
      </p>
    </li>
  );
}
