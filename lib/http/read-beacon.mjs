// @ts-check
/**
 * Which read beacons count (issue 32, decision 027): a story's id, from a browser that is not a
 * crawler or a known bot (isbot), sent by one of this site's pages. One rule for the HTTP front
 * (lib/server/view-beacon.mjs) and the route that stands in for it without the front.
 */
import { isbot } from 'isbot';

const storyIdPattern = /^[a-z0-9][a-z0-9-]{2,79}$/;

/**
 * @param {{ storyId: string, userAgent: string | undefined | null, fetchSite: string | undefined | null }} beacon
 * @returns {boolean}
 */
export function beaconCounts({ storyId, userAgent, fetchSite }) {
  if (!storyIdPattern.test(storyId) || !userAgent || isbot(userAgent)) return false;
  // A browser says where a request came from: only this site's own pages count.
  return fetchSite === undefined || fetchSite === null || fetchSite === 'same-origin';
}
