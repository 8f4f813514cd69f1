#!/usr/bin/env node
// A tiny static file server for dist/, with no dependencies: correct MIME types (the wasm must
// be application/wasm for streaming compilation), 127.0.0.1 only, an optional base sub-path and
// an optional Content-Security-Policy header.
//
//   node tools/serve.mjs [dir] [--port 8080] [--base /docs/widgets/] [--csp "<policy>" | --strict-csp]
//
// Port 0 picks a free port; the real URL is printed either way. From a test:
//   const { url, close } = await start({ root: 'dist', port: 0, base: '/docs/widgets/' });

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The policy the widget promises to work under (SPEC.md, "Loading"). */
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Turns "docs/widgets", "/docs/widgets" or "/docs/widgets/" into "/docs/widgets/". */
function normaliseBase(base) {
  const trimmed = String(base ?? '/').replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/**
 * Serves `root` on 127.0.0.1. Resolves to { url, port, close() } once listening; `url` ends
 * with the base path, e.g. "http://127.0.0.1:41234/docs/widgets/".
 */
export async function start({ root = 'dist', port = 0, base = '/', csp = null, host = '127.0.0.1', log = false } = {}) {
  const rootDir = path.resolve(root);
  const info = await stat(rootDir).catch(() => null);
  if (!info?.isDirectory()) throw new Error(`serve: ${rootDir} is not a directory (build it first)`);
  const prefix = normaliseBase(base);

  const server = createServer(async (req, res) => {
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
      if (log) console.log(`${status} ${req.method} ${req.url}`);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n', { Allow: 'GET, HEAD' });

    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      return send(400, 'bad request\n');
    }
    if (pathname.includes('\0')) return send(400, 'bad request\n');
    if (`${pathname}/` === prefix) return send(301, '', { Location: prefix });
    if (!pathname.startsWith(prefix)) return send(404, 'not found\n');

    let file = path.resolve(rootDir, `.${path.posix.normalize(`/${pathname.slice(prefix.length)}`)}`);
    if (file !== rootDir && !file.startsWith(rootDir + path.sep)) return send(403, 'forbidden\n');
    let fileInfo = await stat(file).catch(() => null);
    if (fileInfo?.isDirectory()) {
      if (!pathname.endsWith('/')) return send(301, '', { Location: `${pathname}/` });
      file = path.join(file, 'index.html');
      fileInfo = await stat(file).catch(() => null);
    }
    if (!fileInfo?.isFile()) return send(404, 'not found\n');

    const headers = {
      'Content-Type': MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': fileInfo.size,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    };
    if (csp) headers['Content-Security-Policy'] = csp;
    res.writeHead(200, headers);
    if (log) console.log(`200 ${req.method} ${req.url}`);
    if (req.method === 'HEAD') return res.end();
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = server.address().port;
  return {
    url: `http://${host}:${actualPort}${prefix}`,
    port: actualPort,
    server,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}

function usage() {
  return [
    'usage: node tools/serve.mjs [dir] [--port N] [--base /sub/path/] [--csp "<policy>" | --strict-csp] [--log]',
    '  dir           directory to serve (default: dist)',
    '  --port N      port on 127.0.0.1 (default 8080; 0 = any free port)',
    '  --base PATH   serve the directory under this sub-path (default /)',
    '  --csp POLICY  send this Content-Security-Policy header',
    `  --strict-csp  send the widget's promised policy: ${STRICT_CSP}`,
    '  --log         log every request',
  ].join('\n');
}

function parseArgs(argv) {
  const options = { root: 'dist', port: 8080, base: '/', csp: null, log: false };
  const value = (i, name) => {
    if (i >= argv.length) throw new Error(`${name} needs a value`);
    return argv[i];
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s) : [arg, undefined];
    switch (flag) {
      case '--port': {
        const raw = inline ?? value(++i, flag);
        const port = Number(raw);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: not a port: ${raw}`);
        options.port = port;
        break;
      }
      case '--base':
        options.base = inline ?? value(++i, flag);
        break;
      case '--csp':
        options.csp = inline ?? value(++i, flag);
        break;
      case '--strict-csp':
        options.csp = STRICT_CSP;
        break;
      case '--log':
        options.log = true;
        break;
      case '-h':
      case '--help':
        console.log(usage());
        process.exit(0);
        break;
      default:
        if (flag.startsWith('-')) throw new Error(`unknown option ${flag}`);
        options.root = arg;
    }
  }
  return options;
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`serve: ${error.message}\n${usage()}`);
    process.exit(2);
  }
  let served;
  try {
    served = await start(options);
  } catch (error) {
    if (error.code !== 'EADDRINUSE') {
      console.error(`serve: ${error.message}`);
      process.exit(1);
    }
    console.error(`serve: port ${options.port} is in use; using a free port instead`);
    served = await start({ ...options, port: 0 });
  }
  console.log(`Serving ${path.relative(process.cwd(), path.resolve(options.root)) || '.'} at ${served.url}`);
  if (options.csp) console.log(`Content-Security-Policy: ${options.csp}`);
  console.log('Press Ctrl+C to stop.');
  const stop = () => served.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
