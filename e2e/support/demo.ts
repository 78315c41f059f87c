import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { EditionId } from '../../lib/domain/editions';

/**
 * The demo stories the edition tests rely on, per edition, read from their Markdown files: the
 * tests expect what the files say, never a literal of their own.
 */

type FrontMatter = {
  headline: string;
  slug: string;
  tags: string[];
  authors: (string | { name: string })[];
  translationGroup?: string;
  previousSlugs?: string[];
};

export function frontMatter(file: string): FrontMatter {
  const text = fs.readFileSync(path.resolve('content', file), 'utf8');
  return parse(text.split('---\n')[1]!) as FrontMatter;
}

export const demoByEdition: Record<
  EditionId,
  {
    europol: string;
    europolFile: string;
    withdrawn: string;
    renamedOld: string;
    renamed: string;
    live: string;
    section: string;
    untranslated: string;
    searchWord: string;
    searchFinds: string;
  }
> = {
  en: {
    europol: '/en/europe/20180427-europol-hits-is-propaganda-servers',
    europolFile: 'en/europe/europol-hits-is-propaganda-servers.md',
    withdrawn: '/en/europe/20180419-paris-metro-line-to-close-for-two-years',
    renamedOld: '/en/europe/20180322-sleeper-trains-make-a-comeback',
    renamed: '/en/europe/20180322-night-trains-return-to-european-rails',
    live: '/en/middle-east/20180506-lebanon-election-results-live',
    section: '/en/middle-east',
    untranslated: '/en/africa/20180314-dakar-fishermen-face-shrinking-catches',
    searchWord: 'servers',
    searchFinds: 'en/europe/europol-hits-is-propaganda-servers.md',
  },
  fr: {
    europol: '/fr/europe/20180427-europol-serveurs-propagande-etat-islamique',
    europolFile: 'fr/europe/europol-serveurs-propagande-etat-islamique.md',
    withdrawn: '/fr/europe/20180410-ligne-de-metro-parisien-fermee-deux-ans',
    renamedOld: '/fr/europe/20180322-les-trains-couchettes-reviennent',
    renamed: '/fr/europe/20180322-trains-de-nuit-retour-sur-les-rails-europeens',
    live: '/fr/moyen-orient/20180506-liban-resultats-legislatives-en-direct',
    section: '/fr/moyen-orient',
    untranslated: '/fr/afrique/20180314-dakar-les-pecheurs-face-a-des-prises-en-baisse',
    // Without its accent and in the singular: "élections".
    searchWord: 'election libanais',
    searchFinds: 'fr/moyen-orient/liban-premieres-legislatives-depuis-neuf-ans.md',
  },
  ar: {
    europol: '/ar/europe/20180427-europol-is-propaganda-servers',
    europolFile: 'ar/europe/europol-is-propaganda-servers.md',
    withdrawn: '/ar/europe/20180410-paris-metro-line-closure',
    renamedOld: '/ar/middle-east/20180330-mosul-residents-rebuild-by-hand',
    renamed: '/ar/middle-east/20180330-mosul-old-city-residents-rebuild',
    live: '/ar/middle-east/20180506-lebanon-election-count-live',
    section: '/ar/middle-east',
    untranslated: '/ar/middle-east/20180212-jordan-camp-solar-plant',
    // With harakat, and without the article: "يوروبول" is written without them in the story.
    searchWord: 'يُوروبول',
    searchFinds: 'ar/europe/europol-is-propaganda-servers.md',
  },
};
