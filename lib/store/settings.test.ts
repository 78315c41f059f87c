import { describe, expect, it } from 'vitest';
import { storePerTest } from '../testing/fixtures';
import { getOrCreateSetting } from './settings';

const store = storePerTest({ withSections: false });

describe('settings', () => {
  it('are shared between every caller, whoever created them first', async () => {
    const first = await getOrCreateSetting(store.db, 'cursor_secret', () => 'one');
    const second = await getOrCreateSetting(store.db, 'cursor_secret', () => 'two');
    expect([first, second]).toEqual(['one', 'one']);
  });
});
