/** The publication itself: its name is used in titles, the source credit line and feeds. */
export const publication = {
  name: 'Meridian',
  tagline: 'World news, told carefully.',
} as const;

/** Stories per page on section, tag, author and search pages (STORIES_PER_PAGE, default 10). */
export function storiesPerPage(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.STORIES_PER_PAGE);
  return Number.isInteger(value) && value >= 1 && value <= 100 ? value : 10;
}
