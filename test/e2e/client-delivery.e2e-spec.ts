import { startServer, type ServerProcess } from '../support/server-process';

/** The built client as a browser receives it: compressed, cached for good, never a blank page. */
describe('client delivery', () => {
  let server: ServerProcess;
  let indexHtml: string;
  let scriptPath: string;

  beforeAll(async () => {
    server = await startServer({ seedDemo: false });
    indexHtml = await (await fetch(`${server.baseUrl}/`)).text();
    const match = /<script type="module"[^>]*src="(\/assets\/[^"]+\.js)"/.exec(indexHtml);
    if (!match) throw new Error(`no module script in index.html:\n${indexHtml}`);
    scriptPath = match[1];
  });

  afterAll(() => server.stop());

  const get = (path: string, acceptEncoding: string) => fetch(`${server.baseUrl}${path}`, { headers: { 'Accept-Encoding': acceptEncoding } });

  it('sends the bundle Brotli-compressed to a browser that accepts it, gzip to one that accepts only gzip', async () => {
    const brotli = await get(scriptPath, 'gzip, deflate, br');
    expect(brotli.status).toBe(200);
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect(brotli.headers.get('content-type')).toMatch(/javascript/);
    expect(brotli.headers.get('vary')).toMatch(/Accept-Encoding/i);
    const decoded = await brotli.text();

    const gzip = await get(scriptPath, 'gzip');
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(await gzip.text()).toBe(decoded);

    const identity = await get(scriptPath, 'identity');
    expect(identity.headers.get('content-encoding')).toBeNull();
    expect(await identity.text()).toBe(decoded);
    // The compressed form is what travels: well under half of the script.
    expect(Number(brotli.headers.get('content-length') ?? Infinity)).toBeLessThan(decoded.length / 2);
  });

  it('lets hashed bundles be cached for a year without revalidation, but revalidates index.html', async () => {
    const bundle = await get(scriptPath, 'br');
    expect(bundle.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const page = await get('/documents', 'br');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control') ?? '').not.toMatch(/immutable/);
  });

  it('answers 404 for a bundle that does not exist instead of the page', async () => {
    const missing = await get('/assets/does-not-exist-0000.js', 'br');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type') ?? '').not.toMatch(/javascript/);
  });

  it('shows a loading status in the page before the script has run', () => {
    expect(indexHtml).toMatch(/<p role="status"[^>]*>Chargement…<\/p>/);
  });
});
