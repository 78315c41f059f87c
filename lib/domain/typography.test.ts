import { describe, expect, it } from 'vitest';
import { typeset, typesetStory } from './typography';

const nnbsp = '\u202F';

describe('typography by edition', () => {
  it('French: a narrow no-break space before ; : ! ? and inside « », never in a time', () => {
    expect(typeset('Pourquoi ? Parce que : « oui »! À 14:05; «non»', 'fr')).toBe(
      `Pourquoi${nnbsp}? Parce que${nnbsp}: «${nnbsp}oui${nnbsp}»${nnbsp}! À 14:05${nnbsp}; «${nnbsp}non${nnbsp}»`,
    );
    // Already typeset text is left as it is.
    const done = `Vraiment${nnbsp}?`;
    expect(typeset(done, 'fr')).toBe(done);
  });

  it('Arabic: the Arabic comma, question mark and semicolon after Arabic words, not between digits', () => {
    expect(typeset('هل انتهى الأمر? نعم, انتهى; ثم 1,000 شخص', 'ar')).toBe('هل انتهى الأمر؟ نعم، انتهى؛ ثم 1,000 شخص');
  });

  it('English is left alone, and so are a story’s names, addresses and ids', () => {
    expect(typeset('Why? Because: yes!', 'en')).toBe('Why? Because: yes!');
    const story = {
      headline: 'Quoi ?',
      tags: ['Liban : élections'],
      mainImage: { src: '/images/a.jpg', caption: 'Légende : ici' },
      body: [{ type: 'paragraph', content: [{ type: 'text', text: 'Oui!' }] }],
    };
    expect(typesetStory(story, 'fr')).toEqual({
      headline: `Quoi${nnbsp}?`,
      tags: ['Liban : élections'],
      mainImage: { src: '/images/a.jpg', caption: `Légende${nnbsp}: ici` },
      body: [{ type: 'paragraph', content: [{ type: 'text', text: `Oui${nnbsp}!` }] }],
    });
  });
});

describe('quotation marks by edition', () => {
  it('English: curly double and single quotes, apostrophes included', () => {
    expect(typeset(`He said "it's over" and 'done' in the '90s.`, 'en')).toBe('He said “it’s over” and ‘done’ in the ’90s.');
    expect(typeset('"Quoted," she said.', 'en')).toBe('“Quoted,” she said.');
  });

  it('French: guillemets with narrow no-break spaces inside, and the apostrophe', () => {
    expect(typeset(`L'agence a dit "non".`, 'fr')).toBe(`L’agence a dit «${nnbsp}non${nnbsp}».`);
  });

  it('Arabic: guillemets without spaces', () => {
    expect(typeset('قال "لا" ثم غادر', 'ar')).toBe('قال «لا» ثم غادر');
  });

  it('leaves text without straight quotes as it is', () => {
    expect(typeset('“Already” typeset', 'en')).toBe('“Already” typeset');
  });
});
