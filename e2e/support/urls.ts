import { editions } from '../../lib/domain/editions';
import { demoByEdition } from './demo';

/** The English demo addresses the older specs name (see README, "Try it"); every edition's are in ./demo.ts. */
export const richestStory = demoByEdition.en.europol;
export const withdrawnStory = demoByEdition.en.withdrawn;
export const renamedStoryOldUrl = demoByEdition.en.renamedOld;
export const notFoundHeading = editions.en.strings.notFoundTitle;
