import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  documentWithStylesPolicy,
  inlineScriptHashes,
  inlineStyleHashes,
  maxBuildStylesheets,
  nonceContentSecurityPolicy,
  pageContentSecurityPolicy,
  styleHashesOf,
} from './security-headers.mjs';
import { imageHosts } from '../domain/image-hosts.mjs';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('the content security policy', () => {
  it('holds every directive the site needs, and nothing inline by default', () => {
    const policy = contentSecurityPolicy({ env: {} });
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "frame-ancestors 'self'",
      "form-action 'self'",
      "img-src 'self'",
    ]) {
      expect(policy).toContain(directive);
    }
    expect(policy).toContain("style-src 'self';");
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
  });

  it('allows pictures from the configured hosts only', () => {
    expect(imageHosts({ IMAGE_HOSTS: ' Images.Example.org, cdn.example.net ' })).toEqual(['images.example.org', 'cdn.example.net']);
    expect(contentSecurityPolicy({ env: { IMAGE_HOSTS: 'images.example.org' } })).toContain("img-src 'self' https://images.example.org;");
  });

  it("allows a cached page's own inline scripts by hash, and not its data blocks or files", () => {
    const html = `<html><head><script src="/_next/static/a.js" async=""></script><script>self.__next_f=[]</script></head>
      <body><script type="application/ld+json">{"@type":"NewsArticle"}</script><script id="_R_"></script><script>self.__next_f.push([1,"x"])</script></body></html>`;
    expect(inlineScriptHashes(html)).toEqual([hash('self.__next_f=[]'), hash('self.__next_f.push([1,"x"])')]);
    expect(pageContentSecurityPolicy(html)).toContain(`script-src 'self' ${hash('self.__next_f=[]')} ${hash('self.__next_f.push([1,"x"])')};`);
  });

  it("allows a cached page's inlined stylesheets by hash, and no other style", () => {
    const html = `<html><head><style data-precedence="next" data-href="/a.css /b.css">a{color:red}b>i{margin:0}</style></head><body></body></html>`;
    expect(inlineStyleHashes(html)).toEqual([hash('a{color:red}b>i{margin:0}')]);
    expect(pageContentSecurityPolicy(html)).toContain(`style-src 'self' ${hash('a{color:red}b>i{margin:0}')};`);
  });

  it('gives a page rendered for one request its nonce for scripts, and every <style> the build can write by hash', () => {
    const sheets = ['a{}', 'b{}', 'c{}'];
    const policy = nonceContentSecurityPolicy('abc123', styleHashesOf(sheets));
    expect(policy).toContain("script-src 'self' 'nonce-abc123';");
    const styles = /style-src ([^;]*)/.exec(policy)?.[1]?.split(' ') ?? [];
    // Each sheet alone and each order of each choice of them: 3 + 6 + 6.
    expect(styles).toHaveLength(1 + 15);
    for (const text of ['a{}', 'c{}', 'a{}b{}', 'b{}a{}', 'c{}a{}b{}', 'b{}c{}a{}']) expect(styles).toContain(hash(text));
    expect(styles).not.toContain(hash('a{}a{}'));
    expect(() => styleHashesOf(Array.from({ length: maxBuildStylesheets + 1 }, (_, i) => `s${i}{}`))).toThrow(/stylesheets/);
    expect(documentWithStylesPolicy(['body{margin:0}'])).toContain(`style-src 'self' ${hash('body{margin:0}')}`);
  });
});
