import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleInput } from '../testing/fixtures';
import { ArticleSchema } from './article-schema';
import { findRefusedCharacter } from './text-rules';

/** Property-based: whatever an editor or a client sends, the schema answers, and never lets a refused character through. */
describe('the article schema, given anything', () => {
  it('never throws on arbitrary JSON: it accepts or names what is wrong', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.dictionary(fc.string(), fc.jsonValue())), (input) => {
        const result = ArticleSchema.safeParse(input);
        if (!result.success) expect(result.error.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('with any text in any text field, either refuses it naming that field or keeps it free of refused characters', () => {
    const fields = ['headline', 'standfirst', 'sourceCredit', 'tag', 'author', 'caption', 'alt', 'paragraph', 'subheading', 'quote'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.string({ unit: 'binary', maxLength: 60 }), (field, text) => {
        const input = articleInput() as Record<string, any>;
        const path = {
          headline: () => ((input.headline = text), 'headline'),
          standfirst: () => ((input.standfirst = text), 'standfirst'),
          sourceCredit: () => ((input.sourceCredit = text), 'sourceCredit'),
          tag: () => ((input.tags = [text]), 'tags.0'),
          author: () => ((input.authors = [{ name: text }]), 'authors.0'),
          caption: () => ((input.mainImage = { ...input.mainImage, caption: text }), 'mainImage.caption'),
          alt: () => ((input.mainImage = { ...input.mainImage, alt: text }), 'mainImage.alt'),
          paragraph: () => ((input.body = [{ type: 'paragraph', content: [{ type: 'text', text }] }]), 'body.0.content.0.text'),
          subheading: () => ((input.body = [...input.body, { type: 'subheading', text }]), 'body.1.text'),
          quote: () => ((input.body = [...input.body, { type: 'pullQuote', text, attribution: 'A' }]), 'body.1.text'),
        }[field]();
        const result = ArticleSchema.safeParse(input);
        if (result.success) {
          expect(findRefusedCharacter(JSON.stringify(result.data))).toBeNull();
          for (const value of JSON.stringify(result.data).match(/"(?:[^"\\]|\\.)*"/g) ?? [])
            expect(findRefusedCharacter(JSON.parse(value) as string)).toBeNull();
        } else {
          const paths = result.error.issues.map((i) => i.path.join('.'));
          expect(
            paths.some((p) => p === path || p.startsWith(`${path}.`)),
            `${paths.join(', ')} for ${path}`,
          ).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
