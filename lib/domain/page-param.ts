/**
 * The `?page=` of a list. Page 1 is the list's own URL with no parameter; anything that is not
 * a plain page number has one canonical form to redirect to, so crawlers never see two URLs for
 * one page and a reader's typo never meets an error.
 */

export type PageParam = { kind: 'page'; page: number } | { kind: 'redirect'; search: string };

const maxPage = 1_000_000;

export function readPageParam(searchParams: URLSearchParams): PageParam {
  const values = searchParams.getAll('page');
  if (values.length === 0) return { kind: 'page', page: 1 };
  const raw = values[0] ?? '';
  const canonical = (page: number) => {
    const params = new URLSearchParams(searchParams);
    params.delete('page');
    if (page > 1) params.set('page', String(page));
    const search = params.toString();
    return search ? `?${search}` : '';
  };
  if (!/^\d{1,7}$/.test(raw)) return { kind: 'redirect', search: canonical(1) };
  const page = Number(raw);
  if (page === 0 || page > maxPage) return { kind: 'redirect', search: canonical(1) };
  // "?page=1", "?page=02", "?page=2&page=3": the same page under its one URL.
  if (page === 1 || values.length > 1 || raw !== String(page)) return { kind: 'redirect', search: canonical(page) };
  return { kind: 'page', page };
}
