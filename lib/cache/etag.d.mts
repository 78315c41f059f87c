export function weakEtag(body: string): string;
