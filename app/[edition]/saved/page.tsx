import { KeptStoriesPage, keptStoriesMetadata } from '@/components/offline/KeptStoriesPage';

/** The stories a reader saved on this device (issue 31): the service worker fills the list, online or not. */
export const revalidate = 86400;

type Params = { params: Promise<{ edition: string }> };

export const generateMetadata = (props: Params) => keptStoriesMetadata(props, 'saved');

export default function SavedPage(props: Params) {
  return KeptStoriesPage(props, 'saved');
}
