// A small static server for the built site, with the headers a host should send
// (see README "Hosting"). Used by scripts/serve.sh and by the end-to-end tests.
//   node scripts/server.mjs [--root build/web] [--port 8080] [--host 127.0.0.1] [--base /]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

export const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.svg': 'image/svg+xml', '.xml': 'application/xml',
  '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};

// Starts a server; resolves to { server, port, url, close() }.
export function startServer({ root = 'build/web', port = 8080, host = '127.0.0.1', base = '/', headers = {} } = {}) {
  const rootDir = resolve(root);
  if (!base.endsWith('/')) base += '/';
  const server = createServer(async (req, res) => {
    try {
      // Joined, not resolved: "//" or "//x" is a path here, not another host.
      let path;
      try {
        path = decodeURIComponent(new URL('http://localhost' + req.url).pathname);
      } catch {
        res.writeHead(400, { 'Content-Type': 'text/plain' }).end('bad request: the address is not a valid path');
        return;
      }
      if (!path.startsWith(base)) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
        return;
      }
      path = path.slice(base.length) || 'index.html';
      if (path.endsWith('/')) path += 'index.html';
      const file = normalize(join(rootDir, path));
      if (!file.startsWith(rootDir + sep)) {  // the separator too: "build/web2" is not inside "build/web"
        res.writeHead(403).end();
        return;
      }
      const info = await stat(file).catch(() => null);
      if (!info || !info.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] || 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'no-cache',
        ...SECURITY_HEADERS,
        ...headers,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      res.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(e));
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const actual = server.address().port;
      ok({ server, port: actual, url: `http://${host}:${actual}${base}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const opt = (name, def) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && args[i + 1] ? args[i + 1] : def;
  };
  const port = Number(opt('port', 8080));
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number from 0 to 65535, not "${opt('port')}"`);
    process.exit(2);
  }
  startServer({ root: opt('root', 'build/web'), port, host: opt('host', '127.0.0.1'), base: opt('base', '/') })
    .then(({ url }) => console.log(`Networking Workbook is served at ${url}  (Ctrl+C stops it)`))
    .catch((e) => {
      console.error(e.code === 'EADDRINUSE' ? `port ${port} is in use: try scripts/serve.sh --port ${port + 1}` : String(e));
      process.exit(1);
    });
}
