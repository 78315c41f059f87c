import { describe, expect, it } from 'vitest';
import { ifNoneMatchAccepts } from './conditional.mjs';

describe('If-None-Match', () => {
  const etag = 'W/"abc123"';

  it('matches the same tag, weak or strong, alone or in a list', () => {
    expect(ifNoneMatchAccepts('W/"abc123"', etag)).toBe(true);
    expect(ifNoneMatchAccepts('"abc123"', etag)).toBe(true);
    expect(ifNoneMatchAccepts('"zzz", W/"abc123" ', etag)).toBe(true);
    expect(ifNoneMatchAccepts('*', etag)).toBe(true);
  });

  it('does not match another tag, a prefix of it, or nothing', () => {
    expect(ifNoneMatchAccepts('W/"abc12"', etag)).toBe(false);
    expect(ifNoneMatchAccepts('W/"abc1234"', etag)).toBe(false);
    expect(ifNoneMatchAccepts('abc123', etag)).toBe(false);
    expect(ifNoneMatchAccepts('', etag)).toBe(false);
    expect(ifNoneMatchAccepts(null, etag)).toBe(false);
  });
});
