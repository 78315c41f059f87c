import 'server-only';
import { headers } from 'next/headers';
import { requestPathHeader, unavailableStatusHeader } from './request-headers';

/** The path the reader asked for, as far as the proxy saw it ('' when unknown). */
export async function requestedPath(): Promise<string> {
  return (await headers()).get(requestPathHeader) ?? '';
}

/** On the unavailable page: whether the proxy found the story withdrawn (410) rather than missing (404). */
export async function isGoneRequest(): Promise<boolean> {
  return (await headers()).get(unavailableStatusHeader) === '410';
}
