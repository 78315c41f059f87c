/**
 * Everything an edition needs — language, direction, locale, time zone and every UI string —
 * lives here, in one typed record per edition (the simorgh model). Adding `fr` or `ar` means
 * adding an entry: the compiler refuses one with a missing string.
 */

export type EditionConfig = {
  /** The edition's id as it appears first in every URL: `/en/...`. */
  id: string;
  /** BCP 47 language tag for `html[lang]`, `inLanguage` and feeds. */
  lang: string;
  dir: 'ltr' | 'rtl';
  /** Locale for dates and numbers. */
  locale: string;
  /** The newsroom's time zone: dates in URLs and bylines are read in it. */
  timeZone: string;
  /** The edition's own name, in its own language. */
  name: string;
  strings: EditionStrings;
};

export type EditionStrings = {
  skipToContent: string;
  siteNavigationLabel: string;
  menu: string;
  home: string;
  byPrefix: string;
  published: string;
  updated: string;
  /** Read by screen readers before a caption, which otherwise sounds like body text. */
  imageCaptionPrefix: string;
  /** Read by screen readers before a credit. */
  imageCreditPrefix: string;
  tags: string;
  latestStories: string;
  notFoundTitle: string;
  notFoundMessage: string;
  notFoundBackHome: string;
  /** The page answered with 503 while the content store cannot be reached. */
  storeUnavailableTitle: string;
  storeUnavailableMessage: string;
  tryAgain: string;
  /** The small page answered with 503, before any work, when the server has more readers than it can serve. */
  serverBusyTitle: string;
  serverBusyMessage: string;
  homeHeading: (publication: string) => string;
  topStories: string;
  latest: string;
  moreFrom: (section: string) => string;
  paginationLabel: string;
  newerStories: string;
  olderStories: string;
  pageNumber: (page: number) => string;
  tagEyebrow: string;
  authorEyebrow: string;
  storiesTagged: (tag: string) => string;
  storiesBy: (author: string) => string;
  breadcrumbLabel: string;
  relatedStories: string;
  searchLabel: string;
  searchButton: string;
  searchTitle: string;
  searchPrompt: string;
  searchResults: (count: number, query: string) => string;
  searchNoResults: (query: string) => string;
  searchNoResultsHint: string;
  suggestionsHeading: string;
  newStories: (count: number) => string;
  newUpdates: (count: number) => string;
  loadMore: string;
  loadingMore: string;
  moreStoriesLoaded: (count: number) => string;
  noMoreStories: string;
  live: string;
  liveUpdates: string;
  footerAbout: string;
  footerSections: string;
  copyright: (year: number, publication: string) => string;
  /** The source credit line, e.g. "(Meridian with AP)". */
  sourceCredit: (publication: string, credit: string) => string;
};

const english: EditionConfig = {
  id: 'en',
  lang: 'en',
  dir: 'ltr',
  locale: 'en-GB',
  timeZone: 'Europe/Paris',
  name: 'English',
  strings: {
    skipToContent: 'Skip to main content',
    siteNavigationLabel: 'Sections',
    menu: 'Menu',
    home: 'Home',
    byPrefix: 'By',
    published: 'Published',
    updated: 'Updated',
    imageCaptionPrefix: 'Image caption, ',
    imageCreditPrefix: 'Image credit, ',
    tags: 'Topics',
    latestStories: 'Latest stories',
    notFoundTitle: 'Page not found',
    notFoundMessage: 'The content you requested does not exist or is not available anymore.',
    notFoundBackHome: 'Go to the home page',
    storeUnavailableTitle: 'This page is briefly unavailable',
    storeUnavailableMessage: 'We cannot reach our newsroom’s archive at the moment. Stories you opened recently may still load; please try again in a minute.',
    tryAgain: 'Try again',
    serverBusyTitle: 'Too many readers at once',
    serverBusyMessage: 'So many people are reading right now that we could not answer you. Please try again in a few seconds.',
    homeHeading: (publication) => `${publication}: the latest world news`,
    topStories: 'Top stories',
    latest: 'Latest',
    moreFrom: (section) => `More from ${section}`,
    paginationLabel: 'Pages',
    newerStories: 'Newer stories',
    olderStories: 'Older stories',
    pageNumber: (page) => `Page ${page}`,
    tagEyebrow: 'Topic',
    authorEyebrow: 'Reporter',
    storiesTagged: (tag) => `Stories about ${tag}`,
    storiesBy: (author) => `Stories by ${author}`,
    breadcrumbLabel: 'Breadcrumb',
    relatedStories: 'Related stories',
    searchLabel: 'Search stories',
    searchButton: 'Search',
    searchTitle: 'Search',
    searchPrompt: 'Search our stories by keyword, name or place.',
    searchResults: (count, query) => `${count} ${count === 1 ? 'story matches' : 'stories match'} “${query}”`,
    searchNoResults: (query) => `No stories match “${query}”.`,
    searchNoResultsHint: 'Check the spelling, or try fewer or more general words.',
    suggestionsHeading: 'Were you looking for one of these?',
    newStories: (count) => (count === 1 ? 'Show 1 new story' : `Show ${count} new stories`),
    newUpdates: (count) => (count === 1 ? 'Show 1 new update' : `Show ${count} new updates`),
    loadMore: 'Load more stories',
    loadingMore: 'Loading more stories…',
    moreStoriesLoaded: (count) => (count === 1 ? '1 more story loaded' : `${count} more stories loaded`),
    noMoreStories: 'You have reached the oldest stories.',
    live: 'Live',
    liveUpdates: 'Live updates',
    footerAbout: 'About us',
    footerSections: 'Sections',
    copyright: (year, publication) => `© ${year} ${publication}`,
    sourceCredit: (publication, credit) => `(${publication} ${credit})`,
  },
};

export const editions = { en: english } as const satisfies Record<string, EditionConfig>;

export type EditionId = keyof typeof editions;

export const editionIds = Object.keys(editions) as [EditionId, ...EditionId[]];

export const defaultEditionId: EditionId = 'en';

export function isEditionId(value: string): value is EditionId {
  return Object.hasOwn(editions, value);
}

export function getEdition(id: EditionId): EditionConfig {
  return editions[id];
}
