/**
 * Everything an edition needs — language, direction, locale, time zone and every UI string —
 * in one typed record per edition (the simorgh model), one file each: `en.ts`. Adding `fr` or
 * `ar` means adding a file and registering it here: the compiler refuses one with a missing
 * string (each file `satisfies EditionConfig`).
 */
import { english } from './en';
import type { EditionConfig } from './types';

export type { EditionConfig, EditionStrings } from './types';
export { islandEdition } from './island';

export const editions = { en: english } as const satisfies Record<string, EditionConfig>;

export type EditionId = keyof typeof editions;

export const editionIds = Object.keys(editions) as [EditionId, ...EditionId[]];

export const defaultEditionId: EditionId = 'en';

export function isEditionId(value: string): value is EditionId {
  return Object.hasOwn(editions, value);
}

export function getEdition(id: EditionId): EditionConfig {
  return editions[id];
}
