// `server-only` marks modules that must never reach the browser; in unit tests everything is server code.
export {};
