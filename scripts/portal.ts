/**
 * The reference portal's servers (Vite), for `npm start` and the browser tests: the portal on its own origin,
 * talking to the gateway at `graphUrl` — as in production, where the portal's static files and the gateway
 * are two origins of one site. The gateway's address reaches the portal at run time, in `/config.js` (one
 * build for every environment), which these servers answer themselves.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { build, createServer, preview, type Plugin } from 'vite';

const PORTAL = fileURLToPath(new URL('../portal/', import.meta.url));
/** The portal's own Vite config, quiet but for warnings: what every server and build here starts from. */
const BASE = { root: PORTAL, configFile: `${PORTAL}vite.config.ts`, logLevel: 'warn' as const };

export interface PortalServer {
  url: string;
  close: () => Promise<void>;
}

export interface PortalOptions {
  graphUrl: string;
  port: number;
  host?: string;
}

/** `/config.js` naming this gateway, in place of the default one in portal/public. */
function portalConfig(graphUrl: string): Plugin {
  const body = `window.portalConfig = ${JSON.stringify({ graphUrl })};\n`;
  const serve = (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    if (req.url?.split('?')[0] !== '/config.js') return next();
    res.setHeader('content-type', 'text/javascript; charset=utf-8');
    res.setHeader('cache-control', 'no-cache');
    res.end(body);
  };
  return {
    name: 'portal-config',
    configureServer: (server) => void server.middlewares.use(serve),
    configurePreviewServer: (server) => void server.middlewares.use(serve),
  };
}

function inlineConfig(options: PortalOptions, outDir?: string) {
  const host = options.host ?? 'localhost';
  const listen = { host, port: options.port, strictPort: true };
  return {
    url: `http://${host}:${options.port}`,
    config: {
      ...BASE,
      clearScreen: false,
      plugins: [portalConfig(options.graphUrl)],
      server: listen,
      preview: listen,
      ...(outDir ? { build: { outDir } } : {}),
    },
  };
}

/** The development server (`npm start`): modules served as they are, changes shown at once. */
export async function startPortal(options: PortalOptions): Promise<PortalServer> {
  const { url, config } = inlineConfig(options);
  const server = await createServer(config);
  await server.listen();
  return { url, close: () => server.close() };
}

/** The production build, as `npm run build -w portal` makes it, into `outDir`. */
export async function buildPortal(outDir: string): Promise<void> {
  await build({ ...BASE, build: { outDir, emptyOutDir: true } });
}

/** A production build served as static files (what the browser tests use), with its own `/config.js`. */
export async function servePortalBuild(outDir: string, options: PortalOptions): Promise<PortalServer> {
  const { url, config } = inlineConfig(options, outDir);
  const server = await preview(config);
  return { url, close: () => server.close() };
}
