/** A URL slug: lowercase ASCII words joined by single hyphens. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Turns a display name ("Islamic State group", "Élections") into a slug ("islamic-state-group",
 * "elections"). Latin accents are folded; letters of other scripts are kept, so a tag in Arabic
 * still gets a usable slug when that edition arrives.
 */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}
