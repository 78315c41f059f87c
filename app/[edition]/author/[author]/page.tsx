import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageShell } from '@/components/layout/PageShell';
import { ListFront } from '@/components/story-lists/ListFront';
import { getEdition, isEditionId } from '@/lib/editions';
import { pageHref, pageNumberOf } from '@/lib/routing/page-param';
import { pageMetadata } from '@/lib/seo/page-metadata';
import { getAuthorName, getSections, getStoriesPage } from '@/lib/store/reads';

type Props = { params: Promise<{ edition: string; author: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function loadAuthorPage({ params, searchParams }: Props) {
  const { edition, author } = await params;
  if (!isEditionId(edition)) return undefined;
  const page = pageNumberOf(await searchParams);
  const [name, stories] = await Promise.all([getAuthorName(edition, author), getStoriesPage(edition, 'author', author, page)]);
  return name && stories ? { edition, author, name, stories } : undefined;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const found = await loadAuthorPage(props);
  if (!found) return {};
  const config = getEdition(found.edition);
  const { strings } = config;
  return pageMetadata({
    edition: config,
    path: pageHref(`/${found.edition}/author/${found.author}`, found.stories.page),
    title: found.stories.page > 1 ? `${found.name} - ${strings.pageNumber(found.stories.page)}` : found.name,
    description: strings.storiesBy(found.name),
  });
}

export default async function AuthorPage(props: Props) {
  const found = await loadAuthorPage(props);
  if (!found) notFound();
  const { edition, author, name, stories } = found;
  const config = getEdition(edition);
  return (
    <PageShell edition={edition}>
      <ListFront
        edition={config}
        sections={await getSections(edition)}
        path={`/${edition}/author/${author}`}
        eyebrow={config.strings.authorEyebrow}
        title={name}
        description={config.strings.storiesBy(name)}
        stories={stories}
        loadMore={{ edition, filter: { author: author }, pageSize: stories.pageSize, startCursor: stories.olderCursor }}
      />
    </PageShell>
  );
}
