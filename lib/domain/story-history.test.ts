import { describe, expect, it } from 'vitest';
import { article } from '../testing/fixtures';
import { changesWhatReadersSee, compareVersions } from './story-history';

/** What a reader is told changed between two versions of a story (issue 32). */

const paragraphs = (...texts: string[]) => texts.map((text) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] }));

describe('comparing versions', () => {
  it('strikes and adds the words that changed, not the sentence around them', () => {
    const older = article({ headline: 'Ferry crossings resume from Dover' });
    const newer = article({ headline: 'Ferry crossings resume from Folkestone' });
    const comparison = compareVersions(older, newer, 'en');
    expect(comparison.changed).toEqual(['headline']);
    expect(comparison.headline).toEqual([
      { kind: 'same', text: 'Ferry crossings resume from ' },
      { kind: 'removed', text: 'Dover' },
      { kind: 'added', text: 'Folkestone' },
    ]);
  });

  it('compares Arabic word by word', () => {
    const older = article({ edition: 'ar', section: 'europe', standfirst: 'تستغرق الرحلة تسعين دقيقة في الطقس الهادئ.' });
    const newer = article({ edition: 'ar', section: 'europe', standfirst: 'تستغرق الرحلة ساعتين في الطقس الهادئ.' });
    const removed = compareVersions(older, newer, 'ar').standfirst?.filter((part) => part.kind === 'removed');
    expect(removed).toEqual([{ kind: 'removed', text: 'تسعين دقيقة' }]);
  });

  it('aligns paragraphs first: one added shifts no other, and only those that changed are shown', () => {
    const older = article({ body: paragraphs('First.', 'Second, as it was.', 'Third.') });
    const newer = article({ body: paragraphs('A new opening.', 'First.', 'Second, as it is.', 'Third.') });
    const { paragraphs: changed } = compareVersions(older, newer, 'en');
    expect(changed).toEqual([
      [{ kind: 'added', text: 'A new opening.' }],
      [
        { kind: 'same', text: 'Second, as it ' },
        { kind: 'removed', text: 'was' },
        { kind: 'added', text: 'is' },
        { kind: 'same', text: '.' },
      ],
    ]);
  });

  it('names pictures, corrections and status among the changes', () => {
    const older = article();
    const newer = article({
      mainImage: { ...older.mainImage, src: '/images/test/other.jpg', caption: 'Another building.' },
      corrections: [{ at: '2018-04-28T10:00:00Z', text: 'A name was misspelt.' }],
    });
    const comparison = compareVersions(older, newer, 'en');
    expect(comparison.changed).toEqual(['pictures', 'corrections']);
    expect(comparison.picturesAdded.map((image) => image.caption)).toEqual(['Another building.']);
    expect(comparison.picturesRemoved.map((image) => image.caption)).toEqual(['A building.']);
    expect(comparison.correctionsAdded.map((c) => c.text)).toEqual(['A name was misspelt.']);
    expect(compareVersions(older, { ...older, status: 'withdrawn' }, 'en').changed).toEqual(['status']);
  });

  it('sees no change in what the history does not show: tags, a new slug', () => {
    const older = article();
    expect(changesWhatReadersSee(older, article({ tags: ['Another tag'], slug: 'another-slug' }))).toBe(false);
    expect(changesWhatReadersSee(older, article({ standfirst: 'Something else.' }))).toBe(true);
  });
});
