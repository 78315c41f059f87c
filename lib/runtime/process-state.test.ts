import { afterEach, describe, expect, it, vi } from 'vitest';
import { register, registered, shared, unregister } from './process-state.mjs';

/** Another copy of the module, as Next's bundles and the host each load their own. */
async function anotherCopy(): Promise<typeof import('./process-state.mjs')> {
  vi.resetModules();
  const copy = await import('./process-state.mjs');
  expect(copy.register).not.toBe(register);
  return copy;
}

afterEach(() => unregister('decisions'));

describe('what one process shares', () => {
  it('is the same slot for every copy of the module', async () => {
    const copy = await anotherCopy();
    const decisions = { version: 7, decisions: new Map() };
    register('decisions', decisions);
    expect(copy.registered('decisions')).toBe(decisions);
  });

  it('is made once, by whichever part asks first', async () => {
    const copy = await anotherCopy();
    const made = copy.shared('decisions', () => ({ version: 1, decisions: new Map() }));
    expect(shared('decisions', () => ({ version: 2, decisions: new Map() }))).toBe(made);
    expect(registered('decisions')?.version).toBe(1);
  });

  it('is gone once unregistered, in every copy', async () => {
    const copy = await anotherCopy();
    register('decisions', { version: 3, decisions: new Map() });
    copy.unregister('decisions');
    expect(registered('decisions')).toBeUndefined();
  });
});
