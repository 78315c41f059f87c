import { KeptStoriesPage, keptStoriesMetadata } from '@/components/offline/KeptStoriesPage';

/** What a reader meets without a connection on a page not kept (issue 31): fetched by the service worker when it installs. */
export const revalidate = 86400;

type Params = { params: Promise<{ edition: string }> };

export const generateMetadata = (props: Params) => keptStoriesMetadata(props, 'offline');

export default function OfflinePage(props: Params) {
  return KeptStoriesPage(props, 'offline');
}
