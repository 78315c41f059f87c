import { plural } from './plural';
import type { EditionConfig } from './types';

const locale = 'fr-FR';

/** A narrow no-break space: French typography puts one before « ? ! : ; » and inside guillemets. */
const nnbsp = '\u202F';

/** The French edition. */
export const french = {
  id: 'fr',
  lang: 'fr',
  dir: 'ltr',
  locale,
  timeZone: 'Europe/Paris',
  name: 'Français',
  ogLocale: 'fr_FR',
  strings: {
    editionsLabel: 'Éditions',
    translationsHeading: 'Cet article dans d’autres langues',
    skipToContent: 'Aller au contenu principal',
    siteNavigationLabel: 'Rubriques',
    menu: 'Menu',
    home: 'Accueil',
    byPrefix: 'Par',
    published: 'Publié le',
    updated: 'Mis à jour le',
    correctionsLabel: 'Rectificatifs',
    correction: (date) => `Rectificatif du ${date}\u202F:`,
    imageCaptionPrefix: 'Légende de l’image, ',
    imageCreditPrefix: 'Crédit de l’image, ',
    tags: 'Thèmes',
    latestStories: 'Dernières infos',
    notFoundTitle: 'Page introuvable',
    notFoundMessage: 'Le contenu demandé n’existe pas ou n’est plus disponible.',
    notFoundBackHome: 'Revenir à la page d’accueil',
    storeUnavailableTitle: 'Cette page est momentanément indisponible',
    storeUnavailableMessage: `Nous ne parvenons pas à joindre les archives de la rédaction pour le moment. Les articles ouverts récemment peuvent encore s’afficher${nnbsp}; merci de réessayer dans une minute.`,
    tryAgain: 'Réessayer',
    serverBusyTitle: 'Trop de lecteurs en même temps',
    serverBusyMessage: 'Tant de personnes nous lisent en ce moment que nous n’avons pas pu vous répondre. Merci de réessayer dans quelques secondes.',
    siteTagline: 'L’actualité internationale, avec soin.',
    homeHeading: (publication) => `${publication}${nnbsp}: l’actualité internationale en continu`,
    homeDescription: (publication) =>
      `${publication}${nnbsp}: toute l’actualité internationale, avec nos correspondants en Europe, au Moyen-Orient, en Afrique et dans les Amériques.`,
    aboutTitle: (publication) => `À propos de ${publication}`,
    aboutDescription: (publication) => `Qui nous sommes, et comment ${publication} informe, corrige et retire ses articles.`,
    aboutBody: (publication) => [
      `${publication} est un site d’information internationale. Nos journalistes travaillent depuis des bureaux en Europe, au Moyen-Orient, en Afrique et dans les Amériques, et nous citons au pied de chaque article les agences sur lesquelles nous nous appuyons.`,
      'Nous tenons à nos rectifications. Quand un article contient une erreur, nous la corrigeons et le signalons. Quand il ne peut pas être corrigé, nous le retirons, et son adresse indique aux lecteurs comme aux moteurs de recherche qu’il n’existe plus.',
    ],
    topStories: 'À la une',
    latest: 'En continu',
    moreFrom: (section) => `Toute la rubrique ${section}`,
    paginationLabel: 'Pages',
    newerStories: 'Articles plus récents',
    olderStories: 'Articles plus anciens',
    pageNumber: (page) => `Page ${page}`,
    tagEyebrow: 'Thème',
    authorEyebrow: 'Journaliste',
    storiesTagged: (tag) => `Articles sur le thème «${nnbsp}${tag}${nnbsp}»`,
    storiesBy: (author) => `Articles de ${author}`,
    breadcrumbLabel: 'Fil d’Ariane',
    relatedStories: 'À lire aussi',
    searchLabel: 'Rechercher des articles',
    searchButton: 'Rechercher',
    searchTitle: 'Recherche',
    searchPrompt: 'Cherchez parmi nos articles par mot-clé, nom ou lieu.',
    searchResults: (count, query) =>
      plural(locale, count, {
        one: `{count} article correspond à «${nnbsp}${query}${nnbsp}»`,
        other: `{count} articles correspondent à «${nnbsp}${query}${nnbsp}»`,
      }),
    searchResultsMore: (count, query) =>
      plural(locale, count, {
        other: `Plus de {count} articles correspondent à «${nnbsp}${query}${nnbsp}»${nnbsp}: les {count} plus récents, les plus pertinents d’abord`,
      }),
    searchNoResults: (query) => `Aucun article ne correspond à «${nnbsp}${query}${nnbsp}».`,
    searchNoResultsHint: 'Vérifiez l’orthographe, ou essayez des mots moins nombreux ou plus généraux.',
    suggestionsHeading: `Cherchiez-vous l’un de ces articles${nnbsp}?`,
    newStories: { one: 'Afficher {count} nouvel article', other: 'Afficher {count} nouveaux articles' },
    newUpdates: { one: 'Afficher {count} nouvelle mise à jour', other: 'Afficher {count} nouvelles mises à jour' },
    loadMore: 'Afficher plus d’articles',
    loadingMore: 'Chargement d’autres articles…',
    moreStoriesLoaded: { one: '{count} article de plus affiché', other: '{count} articles de plus affichés' },
    noMoreStories: 'Vous êtes arrivé aux articles les plus anciens.',
    live: 'En direct',
    liveUpdates: 'Le direct',
    footerAbout: 'Qui sommes-nous',
    footerSections: 'Rubriques',
    copyright: (year, publication) => `© ${year} ${publication}`,
    sourceCredit: (publication, credit) => `(${publication} ${credit})`,
  },
} satisfies EditionConfig;
