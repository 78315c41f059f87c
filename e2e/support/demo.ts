import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Article } from '../../lib/domain/article-schema';
import { getEdition, type EditionId } from '../../lib/domain/editions';
import { typeset } from '../../lib/domain/typography';
import { imageDimensionsFrom } from '../../lib/content/import-content';
import { parseArticleMarkdown } from '../../lib/content/markdown-article';
import { articlePath } from '../../lib/domain/urls';

/**
 * The demo stories the edition tests rely on, per edition, read from their Markdown files: the
 * tests expect what the files say, never a literal of their own.
 */

type FrontMatter = {
  id: string;
  section: string;
  status?: 'published' | 'withdrawn';
  publishedAt: string;
  headline: string;
  slug: string;
  tags: string[];
  authors: (string | { name: string })[];
  translationGroup?: string;
  previousSlugs?: string[];
};

/** An author's display name, however the front matter wrote it. */
export const authorName = (author: FrontMatter['authors'][number]) => (typeof author === 'string' ? author : author.name);

/** The published demo stories of an edition, from their files. */
export function publishedDemoStories(edition: EditionId): FrontMatter[] {
  const dir = path.resolve('content', edition);
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .map((file) => frontMatter(path.join(edition, file)))
    .filter((story) => (story.status ?? 'published') === 'published');
}

/** A story's front matter; its headline as readers get it, typeset by its edition's rules. */
export function frontMatter(file: string): FrontMatter {
  const text = fs.readFileSync(path.resolve('content', file), 'utf8');
  const fields = parse(text.split('---\n')[1]!) as FrontMatter & { edition: EditionId };
  return { ...fields, headline: typeset(fields.headline, getEdition(fields.edition).lang) };
}

/** A demo story's address, from its front matter. */
export const demoPath = (edition: EditionId, story: Pick<FrontMatter, 'section' | 'slug' | 'publishedAt'>) =>
  articlePath({ edition, section: story.section, slug: story.slug, publishedAt: story.publishedAt });

/** A section's display name, from the edition's sections.yml. */
export function sectionName(edition: EditionId, slug: string): string {
  const file = parse(fs.readFileSync(path.resolve('content', edition, 'sections.yml'), 'utf8')) as { sections: { slug: string; name: string }[] };
  const section = file.sections.find((s) => s.slug === slug);
  if (!section) throw new Error(`no section ${slug} in ${edition}`);
  return section.name;
}

/** A demo story as the importer reads it (validated, typeset): what its page must show. */
export async function demoStory(file: string): Promise<Article> {
  const source = fs.readFileSync(path.resolve('content', file), 'utf8');
  const parsed = await parseArticleMarkdown(source, file, imageDimensionsFrom(path.resolve('public')));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.issues.map((i) => i.message).join('; ')}`);
  return parsed.article;
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
    searchFindsPath: string;
    liveFile: string;
    /** Where stories the tests import go, so that the other tests' expectations about the demo hold. */
    testSection: string;
    /** The story that leads with a video, and the one that carries a recording (issue 30). */
    videoFile: string;
    audioFile: string;
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
    searchFindsPath: '/en/europe/20180427-europol-hits-is-propaganda-servers',
    liveFile: 'en/middle-east/lebanon-election-results-live.md',
    testSection: 'environment',
    videoFile: 'en/environment/alpine-glaciers-retreat-faster.md',
    audioFile: 'en/africa/dakar-fishermen-face-shrinking-catches.md',
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
    searchFindsPath: '/fr/moyen-orient/20180506-liban-premieres-legislatives-depuis-neuf-ans',
    liveFile: 'fr/moyen-orient/liban-resultats-legislatives-en-direct.md',
    testSection: 'environnement',
    videoFile: 'fr/environnement/les-glaciers-alpins-fondent-plus-vite.md',
    audioFile: 'fr/afrique/dakar-les-pecheurs-face-a-des-prises-en-baisse.md',
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
    searchFindsPath: '/ar/europe/20180427-europol-is-propaganda-servers',
    liveFile: 'ar/middle-east/lebanon-election-count-live.md',
    testSection: 'environment',
    videoFile: 'ar/middle-east/jordan-camp-solar-plant.md',
    audioFile: 'ar/africa/nairobi-mobile-money-startups.md',
  },
};
