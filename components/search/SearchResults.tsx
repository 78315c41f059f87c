import type { Section } from '@/lib/domain/article-schema';
import type { EditionConfig } from '@/lib/domain/editions';
import { formatDate } from '@/lib/domain/format-date';
import { searchPath } from '@/lib/domain/urls';
import type { SearchPage } from '@/lib/data/reads';
import { Pagination } from '@/components/story-lists/Pagination';
import { StoryItem } from '@/components/story-lists/StoryItem';
import { MarkedText } from './MarkedText';
import styles from './SearchResults.module.css';

/** Results, best match first, with the matched words highlighted in headline and passage. */
export function SearchResults({ results, edition, sections }: { results: SearchPage; edition: EditionConfig; sections: Section[] }) {
  const sectionName = (slug: string) => sections.find((s) => s.slug === slug)?.name ?? slug;
  const { strings } = edition;
  const lastPage = Math.max(1, Math.ceil(results.total / results.pageSize));
  if (results.total === 0) {
    return (
      <div className={styles.none}>
        <p className={styles.summary}>{strings.searchNoResults(results.text)}</p>
        <p>{strings.searchNoResultsHint}</p>
      </div>
    );
  }
  return (
    <div>
      <p className={styles.summary}>
        {results.more ? strings.searchResultsMore(results.total, results.text) : strings.searchResults(results.total, results.text)}
      </p>
      <ol className={styles.list}>
        {results.hits.map((hit) => (
          <StoryItem
            key={hit.id}
            variant="result"
            href={hit.path}
            headline={<MarkedText text={hit.markedHeadline} />}
            summary={<MarkedText text={hit.markedSnippet} />}
            sectionName={sectionName(hit.section)}
            publishedAt={hit.publishedAt}
            time={formatDate(edition, hit.publishedAt)}
            headingLevel={2}
          />
        ))}
      </ol>
      <Pagination href={(page) => searchPath(edition.id, { q: results.text, page })} page={results.page} hasOlder={results.page < lastPage} strings={strings} />
    </div>
  );
}
