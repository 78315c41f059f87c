import Image from 'next/image';
import type { EditionConfig } from '@/lib/domain/editions';
import { LiveBadge } from './LiveBadge';
import { formatDate } from '@/lib/domain/format-date';
import { type ArticleSummary } from '@/lib/domain/stories';
import styles from './StoryCard.module.css';

/** What a card needs of a story: a stored summary has it, and so does an API item with its thumbnail. */
type StoryCardData = Pick<ArticleSummary, 'path' | 'headline' | 'standfirst' | 'section' | 'publishedAt' | 'image' | 'live'>;

type Props = {
  story: StoryCardData;
  /** The locale and time zone dates are printed in, and the live badge's word. */
  edition: Pick<EditionConfig, 'locale' | 'timeZone'> & { strings: Pick<EditionConfig['strings'], 'live'> };
  sectionName: string;
  /** lead: the front's main story; top: a picture above; standard: a thumbnail beside. */
  variant: 'lead' | 'top' | 'standard';
  headingLevel: 2 | 3;
  showStandfirst?: boolean;
  /** Only the lead story of the home front is fetched eagerly: it is the page's largest paint. */
  lead?: boolean;
  /** The picture's width in the layout, where it is not the variant's usual one (`sizes`). */
  sizes?: string;
};

const imageSizes = {
  lead: '(min-width: 64rem) 760px, 100vw',
  top: '(min-width: 64rem) 300px, (min-width: 48rem) 50vw, 100vw',
  standard: '160px',
} as const;

/**
 * One story in a list: picture, section label, headline, standfirst where there is room, time.
 * The headline is the card's one link; it stretches over the whole card so the picture is a
 * target too, without a second link for screen readers to hear.
 */
export function StoryCard({ story, edition, sectionName, variant, headingLevel, showStandfirst = true, lead = false, sizes }: Props) {
  const Heading = `h${headingLevel}` as const;
  return (
    <article className={`${styles.card} ${styles[variant]}`}>
      <div className={styles.picture}>
        <Image
          src={story.image.src}
          alt={story.image.alt}
          width={story.image.width}
          height={story.image.height}
          sizes={sizes ?? imageSizes[variant]}
          quality={70}
          className={styles.image}
          {...(lead ? { preload: true, fetchPriority: 'high' as const, loading: 'eager' as const } : { loading: 'lazy' as const })}
        />
      </div>
      <div className={styles.text}>
        <p className={styles.section}>
          {story.live ? <LiveBadge label={edition.strings.live} /> : null}
          {sectionName}
        </p>
        <Heading className={styles.headline}>
          <a href={story.path} className={styles.link}>
            {story.headline}
          </a>
        </Heading>
        {showStandfirst ? <p className={styles.standfirst}>{story.standfirst}</p> : null}
        <p className={styles.meta}>
          <time dateTime={story.publishedAt}>{formatDate(edition, story.publishedAt)}</time>
        </p>
      </div>
    </article>
  );
}
