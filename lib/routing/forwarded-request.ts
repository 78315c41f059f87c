import 'server-only';
import { headers } from 'next/headers';
import { requestPathHeader } from './request-headers';

/** The path the reader asked for, as far as the proxy saw it ('' when unknown). */
export async function requestedPath(): Promise<string> {
  return (await headers()).get(requestPathHeader) ?? '';
}
