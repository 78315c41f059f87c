/**
 * Whether an error means the content store cannot be reached right now (as opposed to a bug):
 * the server answers those with 503 and a Retry-After, and recovers by itself when the store
 * returns, since every query asks the pool for a fresh connection.
 */
const unreachableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'EPIPE',
  // PostgreSQL: shutting down, starting up, too many connections, database not accepting
  // connections, statement timeout.
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '55000',
  '57014',
  // SQLite: locked for longer than the busy timeout, or the file cannot be opened.
  'SQLITE_BUSY',
  'SQLITE_CANTOPEN',
]);

const unreachableMessages = [
  /timeout exceeded when trying to connect/i,
  /connection terminated/i,
  /database .* is not currently accepting connections/i,
  /Query read timeout/i,
];

export function isStoreUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth += 1) {
    const { code, message, errors, cause } = current as { code?: unknown; message?: unknown; errors?: unknown; cause?: unknown };
    if (typeof code === 'string' && unreachableCodes.has(code)) return true;
    if (typeof message === 'string' && unreachableMessages.some((pattern) => pattern.test(message))) return true;
    if (Array.isArray(errors) && errors.some((inner) => isStoreUnavailable(inner))) return true;
    current = cause;
  }
  return false;
}

/** A store setting that is wrong (DATABASE_URL, the pool size…): by name, as it may come from another bundle's copy of the class. */
export function isStoreConfigError(error: unknown): boolean {
  return error instanceof Error && error.name === 'StoreConfigError';
}
export class ContentConflictError extends Error {
  /** `field`: the story's field the conflict is about, for the API's answer. */
  constructor(
    readonly articleId: string,
    message: string,
    readonly field = 'slug',
  ) {
    super(message);
    this.name = 'ContentConflictError';
  }
}
