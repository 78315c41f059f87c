import type { Metadata } from 'next';
import { NotFoundFallback } from '@/components/not-found/NotFoundFallback';
import { noindexRobots } from '@/lib/seo/page-metadata';

/**
 * Only a fallback: not-found and gone pages are decided by the proxy and rendered by
 * /[edition]/unavailable (decision 002). Next sends this boundary with every page under the
 * edition, so it reads nothing and renders little; its title is the publication's, its message
 * in the page's language (NotFoundFallback).
 */
export const metadata: Metadata = { robots: noindexRobots };

export default function EditionNotFound() {
  return <NotFoundFallback />;
}
