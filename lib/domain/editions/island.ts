import type { EditionConfig } from './types';

/**
 * What a browser island needs of its edition: the locale and time zone its dates are printed
 * in, and its own strings — data only (plural forms, not functions), picked on the server and
 * passed as a prop. Islands never import the editions themselves, so no edition's strings ship
 * to the browser beyond the few its islands show.
 */
const islandStringKeys = [
  'latestStories',
  'newStories',
  'newUpdates',
  'liveUpdates',
  'live',
  'liveEnded',
  'loadMore',
  'loadingMore',
  'moreStoriesLoaded',
  'noMoreStories',
  'notFoundMessage',
  'imageCaptionPrefix',
  'quotes',
  'imageCreditPrefix',
  'illustrationCredit',
] as const;

type IslandStrings = Pick<EditionConfig['strings'], (typeof islandStringKeys)[number]>;

export type IslandEdition = Pick<EditionConfig, 'id' | 'lang' | 'locale' | 'timeZone'> & { strings: IslandStrings };

export function islandEdition(edition: EditionConfig): IslandEdition {
  const strings = Object.fromEntries(islandStringKeys.map((key) => [key, edition.strings[key]])) as IslandStrings;
  return { id: edition.id, lang: edition.lang, locale: edition.locale, timeZone: edition.timeZone, strings };
}
