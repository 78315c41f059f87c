/**
 * Slugs (decision 014). A story's and a section's slug is chosen by the editor and is Latin in
 * every edition (lowercase ASCII words joined by hyphens): short when shared, the same in every
 * script context. A tag's or an author's slug is made from the name, in the name's own script:
 * "Élections" → "elections", "الاتحاد الأوروبي" → "الاتحاد-الاوروبي". Both are NFC; in URLs they
 * are percent-encoded by lib/domain/urls.ts and nowhere else.
 */

/** A story's or a section's slug: lowercase ASCII words joined by single hyphens. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A tag's or an author's slug: lowercase letters of any script (no marks) and digits, joined by single hyphens. */
const nameSlugPattern = /^[\p{Ll}\p{Lo}\p{Nd}]+(?:-[\p{Ll}\p{Lo}\p{Nd}]+)*$/u;

/** The longest slug the schema accepts (in characters). */
export const maxSlugLength = 120;

/** Whether a URL segment can be a story's or a section's slug at all (pattern and length): anything else names nothing. */
export function isSlug(segment: string): boolean {
  return segment.length <= maxSlugLength && slugPattern.test(segment);
}

/** Whether a (decoded) string can be a tag's or an author's slug. */
export function isNameSlug(slug: string): boolean {
  return slug.length <= maxSlugLength && nameSlugPattern.test(slug) && slug === slug.normalize('NFC');
}

/**
 * Turns a display name ("Islamic State group", "Élections", "الاتحاد الأوروبي") into a slug.
 * Latin accents and every other mark (Arabic harakat, hamza above or below alef) are removed;
 * letters of other scripts are kept, lowercased where the script has case.
 */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .normalize('NFC');
}
