/**
 * What one server process shares between its parts (issue 28, decision 022): the host
 * (lib/server), the cache handler Next loads outside its bundler, and Next's own bundles of the
 * proxy, the pages and the API — each of which has its own copy of every module, so a
 * module-level variable would be one per bundle. This module is the only code that touches
 * `globalThis` (lint: `no-restricted-globals`): every slot is named and typed in `contract.d.ts`,
 * registered and read through the functions below, and found by their imports.
 */

const slotsKey = Symbol.for('meridian.process-state');

/** @typedef {import('./contract').ProcessState} ProcessState */

/** @returns {Partial<ProcessState>} */
function slots() {
  const holder = /** @type {{ [slotsKey]?: Partial<ProcessState> }} */ (globalThis);
  return (holder[slotsKey] ??= {});
}

/**
 * Registers `value` as this process's `name`, in place of any before it.
 * @template {keyof ProcessState} K
 * @param {K} name
 * @param {ProcessState[K]} value
 */
export function register(name, value) {
  slots()[name] = value;
}

/**
 * This process's `name`, if something registered it.
 * @template {keyof ProcessState} K
 * @param {K} name
 * @returns {ProcessState[K] | undefined}
 */
export function registered(name) {
  return slots()[name];
}

/**
 * This process's `name`, made by `create` the first time any part of the process asks for it.
 * @template {keyof ProcessState} K
 * @param {K} name
 * @param {() => ProcessState[K]} create
 * @returns {ProcessState[K]}
 */
export function shared(name, create) {
  const all = slots();
  const existing = all[name];
  if (existing !== undefined) return existing;
  const made = create();
  all[name] = made;
  return made;
}

/**
 * Forgets this process's `name` (a store that failed to open, a test's own registration).
 * @param {keyof ProcessState} name
 */
export function unregister(name) {
  delete slots()[name];
}
