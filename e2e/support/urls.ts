/** Addresses from the demo content that the tests rely on (see README, "Try it"). */
export const richestStory = '/en/europe/20180427-europol-hits-is-propaganda-servers';
export const withdrawnStory = '/en/europe/20180419-paris-metro-line-to-close-for-two-years';
export const renamedStoryOldUrl = '/en/europe/20180322-sleeper-trains-make-a-comeback';
export const renamedStoryUrl = '/en/europe/20180322-night-trains-return-to-european-rails';
export const notFoundHeading = 'Page not found';
export const notFoundMessage = 'The content you requested does not exist or is not available anymore.';
