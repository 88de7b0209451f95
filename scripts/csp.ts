// The Content-Security-Policy of DESIGN (Security), defined once: the served page carries it as a <meta http-equiv> that
// the build writes into index.html (scripts/datasetPlugin.ts) and `npm start` sends the same as a header
// (scripts/serve.ts); the offline copy (scripts/offline/contentPolicy.ts) makes its two file:// changes to it.
import { createHash } from 'node:crypto';

/** The CSP source for an inline script, as a browser hashes it: SHA-256 of its exact text, base64. */
export function scriptHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

export interface PolicyOptions {
  /** `'self'` in script-src (a served page; not a file:// page, where it matches every file: URL). */
  selfScripts?: boolean;
  /** Fonts as data: URLs (the offline copy inlines them). */
  dataFonts?: boolean;
}

export function contentPolicy(inlineScripts: readonly string[], o: PolicyOptions = {}): string {
  const scripts = [...(o.selfScripts === false ? [] : ["'self'"]), ...inlineScripts.map(scriptHash)];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    ...(o.dataFonts ? ["font-src 'self' data:"] : []),
    "worker-src 'self' blob:",
    "img-src 'self' data: blob:",
    "connect-src 'self' data: blob:",
    "object-src 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** The policy a built index.html carries in its <meta http-equiv>, for the server to send as a header too. */
export function policyOfHtml(html: string): string | null {
  const m = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  return m ? m[1].replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&') : null;
}
