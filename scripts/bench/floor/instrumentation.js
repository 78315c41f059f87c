/** Present so that Turbopack does not take the repository's own instrumentation.ts for this app's: the floor has none. */
export function register() {}
