import fc from 'fast-check';
import { HUB_CODE } from '@bureaunet/contracts';
import { reportFault, startTestNetwork, type TestNetwork } from '@bureaunet/testing';

interface Route {
  service: string;
  baseUrl: string;
  token: string;
  method: string;
  path: string;
}

const BODY_METHODS = new Set(['post', 'put', 'patch']);

/**
 * Every route that takes a body, on every service, read from its own OpenAPI description (so a
 * new route is fuzzed without anyone listing it), called with the most privileged token and
 * arbitrary JSON, oversized and deeply nested bodies. A hostile client gets a 4xx naming the
 * problem, never a 5xx, and the service keeps answering.
 */
describe('malformed and oversized input on every HTTP route', () => {
  let network: TestNetwork;
  let routes: Route[];

  beforeAll(async () => {
    network = await startTestNetwork([HUB_CODE, 'MR']);
    const services = [
      { service: 'registry', baseUrl: network.registry.url, token: network.adminToken },
      { service: 'gateway', baseUrl: network.gateway.url, token: network.gatewayTokens.admin },
      { service: 'node MR', baseUrl: network.node('MR').url, token: network.nodeTokens.get('MR')!.admin },
    ];
    routes = [];
    for (const service of services) {
      const document = (await (await fetch(`${service.baseUrl}/api/docs-json`)).json()) as {
        paths: Record<string, Record<string, unknown>>;
      };
      for (const [path, operations] of Object.entries(document.paths)) {
        for (const method of Object.keys(operations).filter((name) => BODY_METHODS.has(name)))
          routes.push({ ...service, method, path });
      }
    }
  });

  afterAll(async () => {
    await network?.teardown();
  });

  async function call(route: Route, body: string, pathParameter: string): Promise<{ status: number; json: unknown }> {
    const path = route.path.replace(/\{[^}]+\}/g, encodeURIComponent(pathParameter));
    const response = await fetch(`${route.baseUrl}${path}`, {
      method: route.method.toUpperCase(),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${route.token}` },
      body,
    });
    const text = await response.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: response.status, json };
  }

  it('finds the routes to fuzz', () => {
    expect(routes.length).toBeGreaterThan(10);
  });

  it('answers arbitrary JSON bodies on every route with a status below 500', async () => {
    let tries = 0;
    const failures: string[] = [];
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), fc.string({ maxLength: 40 }), async (value, parameter) => {
          tries += 1;
          const { status, json } = await call(route, JSON.stringify(value), parameter);
          if (status >= 500)
            failures.push(
              `${route.service} ${route.method} ${route.path} → ${status} ${JSON.stringify(json).slice(0, 200)}`,
            );
          return status < 500;
        }),
        { numRuns: 15 },
      );
    }
    reportFault({
      fault: 'arbitrary JSON on every HTTP body route',
      tries,
      refused: tries - failures.length,
      lost: 0,
      duplicated: 0,
    });
    expect(failures).toEqual([]);
  });

  it('answers oversized, deeply nested and non-JSON bodies with 4xx and a code, on every route', async () => {
    const hostile = [
      { what: 'oversized', body: JSON.stringify({ body: 'x'.repeat(10 * 1024 * 1024) }), status: 413 },
      { what: 'deeply nested', body: `${'['.repeat(10_000)}${']'.repeat(10_000)}`, status: 400 },
      { what: 'not JSON', body: '{"kind": ', status: 400 },
    ];
    let tries = 0;
    const wrong: string[] = [];
    for (const route of routes) {
      for (const input of hostile) {
        tries += 1;
        const { status, json } = await call(route, input.body, 'x');
        const code = (json as { code?: unknown } | null)?.code;
        if (status !== input.status || typeof code !== 'string')
          wrong.push(
            `${route.service} ${route.method} ${route.path} ${input.what} → ${status} ${JSON.stringify(json).slice(0, 120)}`,
          );
      }
    }
    reportFault({
      fault: 'oversized / deep / non-JSON bodies on every HTTP route',
      tries,
      refused: tries - wrong.length,
      lost: 0,
      duplicated: 0,
    });
    expect(wrong).toEqual([]);
    // Still serving after all of it.
    expect((await fetch(`${network.node('MR').url}/api/health`)).status).toBe(200);
  });
});
