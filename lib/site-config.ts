/** The publication itself: its name is used in titles, the source credit line and feeds. */
export const publication = {
  name: 'Meridian',
  tagline: 'World news, told carefully.',
} as const;
