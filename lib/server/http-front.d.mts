import type http from 'node:http';
import type { Logger } from 'pino';

export declare const requestIdHeader: string;
export declare const clientAddressHeader: string;
export declare const maxTargetLength: number;
export declare function loggedErrorIds(): Set<string>;
export declare function literalPercents(path: string): string;
export declare function clientAddress(socketAddress: string, forwardedFor: string | string[] | undefined, trusted: Set<string>): string;
export type FrontOptions = {
  handle: (req: http.IncomingMessage, res: http.ServerResponse) => unknown;
  log: Logger;
  maxInFlight?: number;
  maxQueue?: number;
  maxQueueMs?: number;
  loopBudgetMs?: number;
  trustedProxies?: string[];
  busyText?: (edition: string | null) => { lang: string; dir: string; title: string; message: string };
  editions?: string[];
};
export declare function createFront(options: FrontOptions): {
  listener: (req: http.IncomingMessage, res: http.ServerResponse) => void;
  load: () => { inFlight: number; queued: number; served: number; shed: number };
};
export declare class FrontResponse extends http.ServerResponse {}
