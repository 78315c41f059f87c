/** Most read (issue 32): how many stories the list shows, over which window. */
export const mostReadShown = 5;

/** The last 24 hours, in whole UTC hours: views are counted per hour. */
export const mostReadWindowMs = 24 * 3_600_000;
