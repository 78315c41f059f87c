/** A URL slug: lowercase ASCII words joined by single hyphens. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The longest slug the schema accepts. */
export const maxSlugLength = 120;

/** Whether a URL segment can be a slug at all (pattern and length): anything else names nothing. */
export function isSlug(segment: string): boolean {
  return segment.length <= maxSlugLength && slugPattern.test(segment);
}

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
