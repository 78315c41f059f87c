import type { PluralForms } from './plural';

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
  /** The edition's own name, in its own language: what the language switcher shows. */
  name: string;
  /** Open Graph's locale (ll_CC). */
  ogLocale: string;
  strings: EditionStrings;
};

export type EditionStrings = {
  skipToContent: string;
  /** The language switcher's label (a navigation landmark). */
  editionsLabel: string;
  /** Before the links to a story's translations, on one line under the byline: "Also in". */
  translationsHeading: string;
  siteNavigationLabel: string;
  menu: string;
  home: string;
  byPrefix: string;
  published: string;
  updated: string;
  /** Names the list of a story's corrections for screen readers. */
  correctionsLabel: string;
  /** What opens a correction, given its date: "Correction, 28 April 2018:". */
  correction: (date: string) => string;
  /**
   * The language's quotation marks, spaces included (French sets a narrow no-break space inside
   * « »): around pull quotes, and what straight quotes in a story's text become (typography.ts).
   */
  quotes: { open: string; close: string };
  /** Read by screen readers before a caption, which otherwise sounds like body text. */
  imageCaptionPrefix: string;
  /** Read by screen readers before a credit. */
  imageCreditPrefix: string;
  /** The credit of a drawn picture, "{credit}" standing for who drew it: "Illustration: {credit}". Data, not a function: islands carry it. */
  illustrationCredit: string;
  tags: string;
  latestStories: string;
  notFoundTitle: string;
  notFoundMessage: string;
  /** The page of a story editors withdrew (410): what happened, not "not found". */
  goneTitle: string;
  goneMessage: (publication: string) => string;
  notFoundBackHome: string;
  /** The page answered with 503 while the content store cannot be reached. */
  storeUnavailableTitle: string;
  storeUnavailableMessage: string;
  tryAgain: string;
  /** The small page answered with 503, before any work, when the server has more readers than it can serve. */
  serverBusyTitle: string;
  serverBusyMessage: string;
  /** The publication's line under its name: the home page's title, the feeds' description. */
  siteTagline: string;
  homeHeading: (publication: string) => string;
  /** The home page's description, for search results and share cards. */
  homeDescription: (publication: string) => string;
  aboutTitle: (publication: string) => string;
  aboutDescription: (publication: string) => string;
  /** The about page's paragraphs. */
  aboutBody: (publication: string) => string[];
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
  /** The edition's most read stories of the last 24 hours (issue 32). */
  mostRead: string;
  searchLabel: string;
  searchButton: string;
  searchTitle: string;
  searchPrompt: string;
  searchResults: (count: number, query: string) => string;
  /** More stories match than are ranked (decision 017): `count` is how many of the newest are. */
  searchResultsMore: (count: number, query: string) => string;
  searchNoResults: (query: string) => string;
  searchNoResultsHint: string;
  suggestionsHeading: string;
  /** Plural forms ({count}): data, not functions, so that the islands can carry them. */
  newStories: PluralForms;
  newUpdates: PluralForms;
  loadMore: string;
  loadingMore: string;
  moreStoriesLoaded: PluralForms;
  noMoreStories: string;
  live: string;
  liveUpdates: string;
  /** Under a live story's updates once they have stopped. */
  liveEnded: string;
  /** Names the breaking-news banner (a landmark) and shows before its text. */
  breakingNews: string;
  /** Before a printed story's address, on paper only. */
  printedFrom: string;
  footerAbout: string;
  /** The footer's list of sections: a navigation landmark named apart from the header's. */
  footerSections: string;
  copyright: (year: number, publication: string) => string;
  /** The source credit line, e.g. "(Meridian with AP)". */
  sourceCredit: (publication: string, credit: string) => string;
  /** Read by screen readers before a video's or a recording's caption. */
  videoCaptionPrefix: string;
  audioCaptionPrefix: string;
  /** The summary of the collapsed transcript under a player. */
  transcript: string;
  /** A caption track's label in the player's menu, by language ("English", "Français"). */
  captionLanguageNames: Record<string, string>;
  /** Inside a player a browser cannot play: a link to the file. */
  mediaFallback: string;
  /** A video's length, for screen readers and the card: "2 min 5 s". */
  mediaDuration: (minutes: number, seconds: number) => string;
  /** Under a video whose web renditions are still being made. */
  mediaProcessing: string;
  /** An embed's card: what it is, where it comes from, and the two ways to see it. "{provider}" stands for YouTube, X… */
  embedFrom: string;
  embedOpen: string;
  embedLoad: string;
  /** What loading it does, said before the reader asks. */
  embedNotice: string;
  /**
   * The lite pages (issue 31): the link to a page's lite version (near the top and in the
   * footer of the full page), the lite page's own line saying what it is with a link back, and
   * the links that stand for a picture, a video or a recording it leaves out.
   */
  liteLink: string;
  liteNotice: string;
  liteFullPage: string;
  liteOpenPicture: string;
  liteOpenVideo: string;
  liteOpenAudio: string;
  /**
   * Offline reading (issue 31): the page a reader meets without a connection, the saved
   * stories' page, and the Save for later control with what it says once pressed.
   */
  offlineTitle: string;
  offlineMessage: string;
  offlineListHeading: string;
  offlineEmpty: string;
  savedTitle: string;
  savedIntro: string;
  savedEmpty: string;
  saveForLater: string;
  savedForLater: string;
  saveDone: string;
  saveUndone: string;
  saveFailed: string;
  /**
   * A story's history (issue 32): the link from its "Updated" line, the page's title and
   * introduction, each version's heading, what changed (one name per kind of change), and
   * the words a screen reader hears before struck and added text.
   */
  historyLink: string;
  historyTitle: string;
  historyIntro: string;
  historyStory: string;
  historyVersion: (n: number) => string;
  historyCurrent: string;
  historyFirst: string;
  historyChanged: string;
  historyChanges: Record<'headline' | 'standfirst' | 'paragraphs' | 'pictures' | 'media' | 'corrections' | 'status', string>;
  historyRemoved: string;
  historyAdded: string;
  historyPictureAdded: string;
  historyPictureRemoved: string;
  historyRedacted: string;
  historyRedactionReason: string;
  /** The corrections page and its feeds (issue 32). */
  correctionsTitle: string;
  correctionsIntro: string;
  correctionsEmpty: string;
  correctionTo: string;
};
