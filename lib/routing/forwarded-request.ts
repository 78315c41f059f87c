import 'server-only';
import { headers } from 'next/headers';
import { requestPathHeader, unavailableStatusHeader } from './request-headers';

/** The path the reader asked for, as far as the proxy saw it ('' when unknown). */
export async function requestedPath(): Promise<string> {
  return (await headers()).get(requestPathHeader) ?? '';
}

/** 410 when the proxy found the story withdrawn, otherwise 404. */
export async function unavailableStatus(): Promise<404 | 410> {
  return (await headers()).get(unavailableStatusHeader) === '410' ? 410 : 404;
}
