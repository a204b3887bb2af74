import {startSimulator, type RunningSimulator} from '../index';

// routes/harness.ts: the harness page at the webapp's routes, with
// Mattermost's CSP, and its bundle under /harness/. Builds the real bundle.

jest.setTimeout(120_000);

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator();
});

afterAll(() => sim.stop());

describe('harness routes', () => {
  it.each(['/', '/login', '/tokyo-ip/channels/town-square', '/tokyo-ip/messages/@sato'])('serve the page at %s with script-src self', async (route) => {
    const response = await fetch(sim.url + route);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe("script-src 'self'");
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('<div id="root"></div>');
    expect(html).toMatch(/<script src="\/harness\/main\.js\?v=[0-9a-f]+"><\/script>/);
  });

  it('serves the bundle and stylesheet, and nothing else, under /harness/', async () => {
    const script = await fetch(sim.url + '/harness/main.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('text/javascript');
    expect(await script.text()).toContain('registerPlugin');
    expect((await fetch(sim.url + '/harness/main.css')).status).toBe(200);
    expect((await fetch(sim.url + '/harness/index.html')).status).toBe(404);
    expect((await fetch(sim.url + '/harness/../package.json')).status).toBe(404);
  });

  it('leaves unknown API routes to the simulator (501, not the page)', async () => {
    const response = await fetch(sim.url + '/api/v4/no/such/route');
    expect(response.status).toBe(501);
  });
});
