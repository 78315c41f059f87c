import { describe, expect, it } from 'vitest';
import { article, storePerTest } from '../testing/fixtures';
import { countArticles } from './articles';
import { listSections, sectionExists } from './sections';
import { ContentConflictError } from './store-errors';
import { writeContent } from './write-content';

const store = storePerTest();

describe('sections', () => {
  it('are listed in their editorial order', async () => {
    expect((await listSections(store.db, 'en')).map((s) => s.slug)).toEqual(['europe', 'africa']);
    expect(await sectionExists(store.db, 'en', 'africa')).toBe(true);
    expect(await sectionExists(store.db, 'en', 'asia')).toBe(false);
  });
});

describe('writing content', () => {
  it('refuses a slug that still redirects to another story, and writes nothing', async () => {
    await writeContent(store.db, { sections: [], articles: [article({ id: 'first', slug: 'first', previousSlugs: ['taken'] })] });
    const attempt = writeContent(store.db, {
      sections: [],
      articles: [article({ id: 'unrelated', slug: 'unrelated' }), article({ id: 'second', slug: 'taken' })],
    });
    await expect(attempt).rejects.toThrow(ContentConflictError);
    expect(await countArticles(store.db)).toBe(1);
  });

  it('refuses a story in a section that does not exist', async () => {
    await expect(writeContent(store.db, { sections: [], articles: [article({ section: 'asia' })] })).rejects.toThrow(/section "asia" does not exist/);
  });
});

describe('translation groups', () => {
  it('hold one story per edition, and list the published ones', async () => {
    const { listTranslations } = await import('./articles');
    await writeContent(store.db, {
      sections: [],
      articles: [
        article({ id: 'en-story', slug: 'en-story', translationGroup: 'group-one' }),
        article({ id: 'fr-story', edition: 'fr', slug: 'fr-story', translationGroup: 'group-one' }),
        article({ id: 'ar-story', edition: 'ar', section: 'middle-east', slug: 'ar-story', translationGroup: 'group-one', status: 'withdrawn' }),
      ],
    });
    expect((await listTranslations(store.db, 'group-one')).map((t) => t.id).sort()).toEqual(['en-story', 'fr-story']);
    await expect(
      writeContent(store.db, { sections: [], articles: [article({ id: 'en-other', slug: 'en-other', translationGroup: 'group-one' })] }),
    ).rejects.toThrow(/translation group "group-one" already has a story in edition "en"/);
  });
});
