import { describe, expect, it } from 'vitest';
import { article, storePerTest } from '../testing/fixtures';
import { listRelated } from './related';
import { writeContent } from './write-content';

const store = storePerTest();

describe('related stories', () => {
  it('are those sharing the most tags, topped up from the section, never the story itself', async () => {
    const subject = article({ id: 'subject', slug: 'subject', tags: ['Europol', 'Internet'], publishedAt: '2018-04-10T10:00:00Z' });
    await writeContent(store.db, {
      sections: [],
      articles: [
        subject,
        article({ id: 'both-tags', slug: 'both-tags', tags: ['Internet', 'Europol'], publishedAt: '2018-03-01T10:00:00Z' }),
        article({ id: 'one-tag', slug: 'one-tag', tags: ['Internet'], section: 'africa', publishedAt: '2018-04-05T10:00:00Z' }),
        article({ id: 'same-section', slug: 'same-section', tags: ['Rail'], publishedAt: '2018-04-09T10:00:00Z' }),
        article({ id: 'unrelated', slug: 'unrelated', tags: ['Rail'], section: 'africa', publishedAt: '2018-04-09T11:00:00Z' }),
      ],
    });
    const related = await listRelated(store.db, subject, 3);
    expect(related.map((r) => r.id)).toEqual(['both-tags', 'one-tag', 'same-section']);
  });
});
