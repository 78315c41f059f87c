import { describe, expect, it } from 'vitest';
import { ArticleListQuerySchema, listFilter, listKey } from './api-contract';

const parse = (query: Record<string, string>) => ArticleListQuerySchema.safeParse(query);
const badParameters = (query: Record<string, string>) => {
  const result = parse(query);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
};

describe('the list query', () => {
  it('defaults to the English edition and 20 stories, and serves at most 100', () => {
    expect(parse({}).data).toEqual({ edition: 'en', limit: 20 });
    expect(parse({ limit: '5000' }).data?.limit).toBe(100);
  });

  it('names each parameter it refuses', () => {
    expect(badParameters({ edition: 'xx' })).toEqual(['edition']);
    expect(badParameters({ limit: '0' })).toEqual(['limit']);
    expect(badParameters({ limit: '1.5' })).toEqual(['limit']);
    expect(badParameters({ section: '../etc' })).toEqual(['section']);
    expect(badParameters({ section: 'europe', tag: 'europol' })).toEqual(['tag']);
  });

  it('binds cursors to the list they page through', () => {
    expect(listKey('en', listFilter({}))).toBe('en');
    expect(listKey('en', listFilter({ section: 'europe' }))).toBe('en/section/europe');
    expect(listKey('en', listFilter({ tag: 'europol' }))).toBe('en/tag/europol');
  });
});
