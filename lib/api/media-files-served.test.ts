import { describe, expect, it } from 'vitest';
import { requestedRange } from './media-files-served';

describe('byte ranges a player asks for', () => {
  it.each([
    ['bytes=0-99', { first: 0, last: 99 }],
    ['bytes=100-', { first: 100, last: 999 }],
    ['bytes=-100', { first: 900, last: 999 }],
    ['bytes=900-5000', { first: 900, last: 999 }],
    ['bytes=-5000', { first: 0, last: 999 }],
  ])('answer %s with its bytes', (header, range) => {
    expect(requestedRange(header, 1000)).toEqual(range);
  });

  it.each(['bytes=1000-', 'bytes=500-100', 'bytes=-0', 'bytes=-', 'bytes=abc'])('refuse %s as unsatisfiable (416)', (header) => {
    expect(requestedRange(header, 1000)).toBe('unsatisfiable');
  });

  it.each([null, 'items=0-10', 'bytes=0-10, 20-30'])('answer %s with the whole file', (header) => {
    expect(requestedRange(header, 1000)).toBeNull();
  });
});
