import { StoryCard } from '@/components/story-lists/StoryCard';
import { LatestRail } from '@/components/latest/LatestRail';
import { MostRead } from '@/components/story-lists/MostRead';
import { getMostRead } from '@/lib/data/most-read';
import { getEdition, type EditionId } from '@/lib/domain/editions';
import { publication } from '@/lib/domain/site-config';
import { getFrontOpening, getLatest, getSections } from '@/lib/data/reads';
import styles from './HomeFront.module.css';
import { sectionPath } from '@/lib/domain/urls';

const railCount = 8;
const perSection = 3;
/** Enough of the newest stories to fill the opening and the rail whatever editors placed. */
const latestRead = 30;

/**
 * The home front: the lead story with its picture beside the latest list, a row of top stories,
 * what readers read most (issue 32), then a block per section. Editors choose the lead and the order of the top stories
 * (PUT /api/v1/fronts/{edition}, decision 019); recency fills what they leave open. A story
 * appears once on the page: the rail leaves out the opening, and the section blocks leave out
 * both.
 */
export async function HomeFront({ edition }: { edition: EditionId }) {
  const config = getEdition(edition);
  const { strings } = config;
  const [latest, sections, mostRead] = await Promise.all([getLatest(edition, latestRead), getSections(edition), getMostRead(edition)]);
  const sectionName = (slug: string) => sections.find((s) => s.slug === slug)?.name ?? slug;
  const { lead, top } = await getFrontOpening(edition, null, latest.items);
  const opening = [lead, ...top].filter((story) => story !== undefined).map((story) => story.id);
  const inRail = latest.items.filter((story) => !opening.includes(story.id)).slice(0, railCount);
  const shown = new Set([...opening, ...inRail.map((story) => story.id)]);
  const blocks = await Promise.all(
    sections.map(async (section) => {
      const stories = await getLatest(edition, perSection + shown.size, section.slug);
      return { section, stories: stories.items.filter((s) => !shown.has(s.id)).slice(0, perSection) };
    }),
  );

  return (
    <div className={styles.front}>
      <h1 className="visually-hidden">{strings.homeHeading(publication.name)}</h1>
      <div className={styles.opening}>
        {lead ? (
          <div className={styles.lead}>
            <StoryCard story={lead} edition={config} sectionName={sectionName(lead.section)} variant="lead" headingLevel={2} lead />
          </div>
        ) : null}
        <section className={styles.latest} aria-labelledby="home-latest">
          <LatestRail edition={edition} count={railCount} excludeIds={opening} headingId="home-latest" timeFormat="dateTime" />
        </section>
      </div>

      {top.length ? (
        <section className={styles.top} aria-labelledby="home-top">
          <h2 id="home-top" className={styles.blockHeading}>
            {strings.topStories}
          </h2>
          <ul className={styles.topGrid}>
            {top.map((story) => (
              <li key={story.id}>
                <StoryCard story={story} edition={config} sectionName={sectionName(story.section)} variant="top" headingLevel={3} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <MostRead stories={mostRead} edition={config} headingId="home-most-read" />

      <div className={styles.sections}>
        {blocks
          .filter((block) => block.stories.length > 0)
          .map(({ section, stories }) => (
            <section key={section.slug} className={styles.sectionBlock} aria-labelledby={`home-${section.slug}`}>
              <h2 id={`home-${section.slug}`} className={styles.blockHeading}>
                <a href={sectionPath(edition, section.slug)}>{section.name}</a>
              </h2>
              <ul className={styles.sectionList}>
                {stories.map((story) => (
                  <li key={story.id}>
                    <StoryCard story={story} edition={config} sectionName={section.name} variant="standard" headingLevel={3} showStandfirst={false} />
                  </li>
                ))}
              </ul>
              <p className={styles.more}>
                <a href={sectionPath(edition, section.slug)}>{strings.moreFrom(section.name)}</a>
              </p>
            </section>
          ))}
      </div>
    </div>
  );
}
