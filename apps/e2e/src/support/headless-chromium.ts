// A page rendered by a real browser: Debian's chromium, headless (the test runner
// installs it, tools/test/chromium.ts, and passes its path as CARECHAIN_CHROMIUM).
// The page is served from loopback exactly as the service answered it (body, content
// type, Content-Security-Policy), since the browser cannot send a bearer token; every
// other request the browser makes goes to a recording proxy that refuses it, so a
// spec can say what the page asked for beyond itself. Chromium calls home on its own
// whatever the flags (component updates, sign-in): the hosts it calls while showing
// an empty page are the browser's, and `elsewhere` holds only the others.
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The browser's path, or undefined with the reason it is missing. */
export function chromiumPath(): { path?: string; missing?: string } {
  const path = process.env.CARECHAIN_CHROMIUM;
  if (path) return { path };
  return { missing: process.env.CARECHAIN_CHROMIUM_MISSING ?? 'CARECHAIN_CHROMIUM is not set (run the e2e tier through npm test)' };
}

export interface RenderedPage {
  /** The DOM after the browser parsed and laid out the page (--dump-dom). */
  readonly dom: string;
  /** The PNG the browser took of the page. */
  readonly screenshot: string;
  /** Paths requested from the page's own origin, the page itself included. */
  readonly sameOrigin: readonly string[];
  /** Absolute URLs the browser tried to fetch from anywhere else, but the hosts it calls showing an empty page. */
  readonly elsewhere: readonly string[];
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** Renders `body` (served with `headers`) in headless chromium; the screenshot is written into `outDir`. */
export async function renderInChromium(
  chromium: string,
  body: string,
  headers: Readonly<Record<string, string>>,
  outDir: string,
  name: string,
): Promise<RenderedPage> {
  const sameOrigin: string[] = [];
  const elsewhere: string[] = [];
  const page = createServer((req: IncomingMessage, res) => {
    if (req.url === '/empty.html') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>empty</title>');
    // The browser asks for a favicon on its own; anything else is the page's.
    if (req.url !== '/favicon.ico') sameOrigin.push(req.url ?? '');
    if (req.url !== `/${name}.html`) return void res.writeHead(404).end();
    res.writeHead(200, headers).end(body);
  });
  // A proxy request line carries the absolute URL; a CONNECT carries host:port.
  const proxy = createServer((req, res) => {
    elsewhere.push(req.url ?? '');
    res.writeHead(502).end();
  });
  proxy.on('connect', (req, socket) => {
    elsewhere.push(`https://${req.url ?? ''}`);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  const [pagePort, proxyPort] = await Promise.all([listen(page), listen(proxy)]);
  const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
  mkdirSync(outDir, { recursive: true });
  const screenshot = join(outDir, `${name}.png`);
  const url = `http://127.0.0.1:${pagePort}/${name}.html`;
  const common = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--disable-extensions',
    // The browser's own traffic (component updates, network time, sign-in), so what reaches the proxy is the page's.
    '--disable-features=NetworkTimeServiceQuerying,OptimizationHints,MediaRouter,Translate,AutofillServerCommunication,CertificateTransparencyComponentUpdater',
    '--disable-client-side-phishing-detection',
    '--disable-domain-reliability',
    '--no-pings',
    '--disable-breakpad',
    '--disable-component-extensions-with-background-pages',
    '--allow-pre-commit-input',
    `--user-data-dir=${profile}`,
    `--proxy-server=http://127.0.0.1:${proxyPort}`,
    // Loopback goes direct (the page); everything else through the recording proxy.
    '--proxy-bypass-list=127.0.0.1',
  ];
  try {
    await run(chromium, [...common, '--dump-dom', `http://127.0.0.1:${pagePort}/empty.html`], { timeout: 60_000 });
    const browsersOwn = new Set(elsewhere.map(hostOf));
    elsewhere.length = 0;
    const dumped = await run(chromium, [...common, '--dump-dom', url], { maxBuffer: 16 * 1024 * 1024, timeout: 60_000 });
    await run(chromium, [...common, `--screenshot=${screenshot}`, '--window-size=1280,900', '--hide-scrollbars', url], { timeout: 60_000 });
    return { dom: dumped.stdout, screenshot, sameOrigin, elsewhere: elsewhere.filter((u) => !browsersOwn.has(hostOf(u))) };
  } finally {
    await Promise.all([page, proxy].map((s) => new Promise((resolve) => s.close(resolve))));
    rmSync(profile, { recursive: true, force: true });
  }
}

function hostOf(url: string): string {
  return new URL(url).hostname;
}
