import 'server-only';
import { cache } from 'react';
import { makeQueryClient } from './query-client';

/** One QueryClient per server request, shared by every island that request renders. */
export const getRequestQueryClient = cache(makeQueryClient);
