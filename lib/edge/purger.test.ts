import { describe, expect, it } from 'vitest';
import { tagBatches } from './purger';

describe('tagBatches', () => {
  it('keeps every tag, in order, in groups whose header fits the budget', () => {
    const tags = Array.from({ length: 500 }, (_, i) => `section:en:section-${i}`);
    const batches = tagBatches(tags, 1000);
    expect(batches.flat()).toEqual(tags);
    for (const batch of batches) expect(batch.join(' ').length).toBeLessThanOrEqual(1000);
    expect(batches.length).toBeGreaterThan(1);
  });

  it('sends a tag longer than the budget alone rather than drop it', () => {
    expect(tagBatches(['a', 'x'.repeat(50), 'b'], 10)).toEqual([['a'], ['x'.repeat(50)], ['b']]);
  });
});
