/**
 * Everything an edition needs — language, direction, locale, time zone and every UI string —
 * in one typed record per edition (the simorgh model), one file each: `en.ts`, `fr.ts`, `ar.ts`.
 * Adding an edition means adding a file and registering it here: the compiler refuses one with
 * a missing string (each file `satisfies EditionConfig`).
 */
import { arabic } from './ar';
import { english } from './en';
import { french } from './fr';
import type { EditionConfig } from './types';

export type { EditionConfig, EditionStrings } from './types';
export { islandEdition } from './island';

export const editions = { en: english, fr: french, ar: arabic } as const satisfies Record<string, EditionConfig>;

export type EditionId = keyof typeof editions;

export const editionIds = Object.keys(editions) as [EditionId, ...EditionId[]];

export const defaultEditionId: EditionId = 'en';

export function isEditionId(value: string): value is EditionId {
  return Object.hasOwn(editions, value);
}

export function getEdition(id: EditionId): EditionConfig {
  return editions[id];
}
