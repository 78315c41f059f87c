export declare function imageHosts(env?: Readonly<Record<string, string | undefined>>): string[];
export declare function contentSecurityPolicy(options?: { scriptSources?: string[]; env?: Readonly<Record<string, string | undefined>> }): string;
export declare function inlineScriptHashes(html: string): string[];
export declare function pageContentSecurityPolicy(html: string): string;
export declare function newNonce(): string;
export declare function nonceContentSecurityPolicy(nonce: string): string;
export declare function documentWithStylesPolicy(styles: string[]): string;
export declare const constantSecurityHeaders: Readonly<Record<string, string>>;
export declare function imageResponsePolicy(): string;
