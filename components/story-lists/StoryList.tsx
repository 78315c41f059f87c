import type { ArticleSummary } from '@/lib/domain/stories';

/** What a list needs of a story: a stored summary and an API item both have it. */
type StoryListItem = Pick<ArticleSummary, 'id' | 'path' | 'headline' | 'standfirst' | 'section' | 'publishedAt' | 'live'>;
import type { EditionConfig } from '@/lib/domain/editions';
import type { Section } from '@/lib/domain/article-schema';
import { formatDate, formatShortDateTime } from '@/lib/domain/format-date';
import { StoryItem } from './StoryItem';
import styles from './StoryList.module.css';

type Props = {
  stories: StoryListItem[];
  /** The locale and time zone dates are printed in, and the live badge's word. */
  edition: Pick<EditionConfig, 'locale' | 'timeZone'> & { strings: Pick<EditionConfig['strings'], 'live'> };
  sections: Section[];
  /** Headline level inside the list: h2 under a page's h1, h3 under a list heading. */
  headingLevel?: 2 | 3;
  showStandfirst?: boolean;
  /** date: "27 Apr 2018"; dateTime: "27 Apr, 14:05", for a list of the latest stories. */
  timeFormat?: 'date' | 'dateTime';
};

/** Stories as a plain list of links: headline, section label, date, and the standfirst where there is room. */
export function StoryList({ stories, edition, sections, headingLevel = 3, showStandfirst = true, timeFormat = 'date' }: Props) {
  const format = timeFormat === 'date' ? formatDate : formatShortDateTime;
  const sectionName = (slug: string) => sections.find((s) => s.slug === slug)?.name ?? slug;
  return (
    <ul className={styles.list}>
      {stories.map((story) => (
        <StoryItem
          key={story.id}
          href={story.path}
          headline={story.headline}
          summary={showStandfirst ? story.standfirst : undefined}
          sectionName={sectionName(story.section)}
          publishedAt={story.publishedAt}
          time={format(edition, story.publishedAt)}
          headingLevel={headingLevel}
          liveLabel={story.live ? edition.strings.live : undefined}
        />
      ))}
    </ul>
  );
}
