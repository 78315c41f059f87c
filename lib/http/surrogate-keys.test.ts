import { describe, expect, it } from 'vitest';
import { storedTagHeaders, surrogateKeyHeaders } from './surrogate-keys.mjs';
import { contentTags } from '../domain/content-tags';

describe('surrogate keys', () => {
  it('carry our content tags, not Next’s implicit ones, the same in the three headers an edge reads', () => {
    const tags = [contentTags.latest('en'), '_N_T_/en/layout', contentTags.tag('ar', 'مصر'), contentTags.latest('en'), contentTags.story('a1')];
    const headers = surrogateKeyHeaders(tags);
    expect(headers).toEqual({
      xkey: 'latest:en story:a1 tag:ar:%D9%85%D8%B5%D8%B1',
      'surrogate-key': 'latest:en story:a1 tag:ar:%D9%85%D8%B5%D8%B1',
      'cache-tag': 'latest:en,story:a1,tag:ar:%D9%85%D8%B5%D8%B1',
    });
  });

  it('leave out what would break a header’s list (a space, a comma, a character outside ASCII), and say so by answering nothing', () => {
    expect(surrogateKeyHeaders(['_N_T_/en', 'a b', 'a,b', 'é'])).toBeNull();
  });

  it('are read back from a stored page’s headers for the front’s cache hits', () => {
    expect(storedTagHeaders({ xkey: 'a b', 'cache-tag': 'a,b', etag: 'W/"x"' })).toEqual({ xkey: 'a b', 'cache-tag': 'a,b' });
    expect(storedTagHeaders(undefined)).toEqual({});
  });
});
