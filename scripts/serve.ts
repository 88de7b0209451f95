// Serves a built atlas as a real static host would: precompressed files, long cache for hashed assets.
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { policyOfHtml } from './csp.ts';

export interface ServeOptions {
  root?: string;
  port?: number;
  host?: string;
  /** Extra dataset folders served at /data/<name>/ (tests serve broken copies this way). */
  datasets?: Record<string, string>;
}

export function serve(o: ServeOptions = {}): Promise<{ server: Server; url: string }> {
  const root = resolve(o.root ?? 'dist');
  if (!existsSync(resolve(root, 'index.html'))) throw new Error(`${root}/index.html not found: run "npm run build" first`);
  // The page's Content-Security-Policy as a header too (the same text as its <meta http-equiv>), and DESIGN's headers.
  const policy = policyOfHtml(readFileSync(resolve(root, 'index.html'), 'utf8'));
  const security = (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
    // The policy names the atlas page's own inline script; the example decks and the bench's pages are other pages.
    const path = (req.url ?? '/').split('?')[0];
    if (policy && (path === '/' || path === '/index.html')) res.setHeader('Content-Security-Policy', policy);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
  };
  const immutable = sirv(root, { gzip: true, brotli: true, etag: true, setHeaders: cacheHeaders });
  const extra = Object.fromEntries(Object.entries(o.datasets ?? {}).map(([name, dir]) => [name, sirv(resolve(dir), { dev: true })]));
  const server = createServer((req, res) => {
    security(req, res);
    const m = /^\/data\/([a-z0-9-]+)(\/.*)$/.exec(req.url ?? '');
    if (m && extra[m[1]]) {
      req.url = m[2];
      return extra[m[1]](req, res, () => notFound(res));
    }
    immutable(req, res, () => notFound(res));
  });
  const port = o.port ?? 4173;
  const host = o.host ?? '127.0.0.1';
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const addr = server.address();
      const p = typeof addr === 'object' && addr ? addr.port : port;
      ok({ server, url: `http://${host}:${p}/` });
    });
  });
}

function notFound(res: import('node:http').ServerResponse) {
  res.statusCode = 404;
  res.end('Not found');
}

function cacheHeaders(res: import('node:http').ServerResponse, pathname: string) {
  // Hashed build assets never change; data, basemap, fonts and the page itself are revalidated.
  if (pathname.startsWith('/assets/')) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  else res.setHeader('Cache-Control', 'public, max-age=0, must-revalidate');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 4173);
  const host = process.env.HOST ?? '127.0.0.1';
  serve({ port, host }).then(({ url }) => {
    console.log(`Indo-Pacific Atlas: ${url} (serving ${resolve('dist')}, ${statSync('dist').isDirectory() ? 'built' : ''})`);
  });
}
