import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AUDITED_KEY, PUBLIC_KEY, type AuditedSpec } from '@bureaunet/platform';

const ROOT = join(__dirname, '../../../..');
/** The services that keep an attributed activity log (the gateway's record is its ledger), and libs they mount routes from. */
const AUDITED_SERVICES = ['apps/node/src', 'apps/registry/src', 'libs/accounts/src'];
// A file that declares a controller, or makes one with the shared dead-letter factory.
const DECLARES_CONTROLLER = /@Controller\(|deadLetterController\(/;
const ACTION = /^[a-z][a-z0-9-]{0,30}(\.[a-z][a-z0-9-]{0,30}){0,3}$/;

interface Route {
  route: string;
  isPublic: boolean;
  audited: AuditedSpec | undefined;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /(?<!\.(spec|int-spec))\.ts$/.test(entry.name) && entry.name !== 'main.ts' ? [path] : [];
  });
}

function routesOf(file: string, controller: Type<unknown>): Route[] {
  const base = String(Reflect.getMetadata(PATH_METADATA, controller));
  const prototype = controller.prototype as Record<string, unknown>;
  return Object.getOwnPropertyNames(prototype).flatMap((name) => {
    const handler = prototype[name];
    if (typeof handler !== 'function') return [];
    const method = Reflect.getMetadata(METHOD_METADATA, handler) as number | undefined;
    if (method === undefined) return [];
    const read = (key: string): unknown => Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
    const path = String(Reflect.getMetadata(PATH_METADATA, handler));
    return [
      {
        route: `${file}: ${RequestMethod[method]} /${base}/${path}`.replace(/\/+$|\/(?=\/)/g, ''),
        isPublic: read(PUBLIC_KEY) === true,
        audited: read(AUDITED_KEY) as AuditedSpec | undefined,
      },
    ];
  });
}

/** Every HTTP route the node and the registry serve, from the controllers' own metadata. */
async function everyRoute(): Promise<Route[]> {
  const files = AUDITED_SERVICES.flatMap((dir) => sourceFiles(join(ROOT, dir)))
    .filter((file) => DECLARES_CONTROLLER.test(readFileSync(file, 'utf8')))
    .concat(join(ROOT, 'libs/activity/src/server/activity.controller.ts'));
  const routes: Route[] = [];
  for (const file of files) {
    const exported = (await import(file)) as Record<string, unknown>;
    for (const value of Object.values(exported))
      if (typeof value === 'function' && Reflect.getMetadata(PATH_METADATA, value) !== undefined)
        routes.push(...routesOf(relative(ROOT, file), value as Type<unknown>));
  }
  return routes;
}

describe('every action and consultation is attributed', () => {
  let routes: Route[];

  beforeAll(async () => {
    routes = await everyRoute();
  });

  it('marks every route of the node and the registry that is not @Public with @Audited(action)', () => {
    expect(routes.filter((route) => !route.isPublic && !route.audited).map((route) => route.route)).toEqual([]);
  });

  it('names actions as dotted lowercase words', () => {
    const badly = routes.filter((route) => route.audited && !ACTION.test(route.audited.action));
    expect(badly.map((route) => `${route.route} → ${route.audited?.action}`)).toEqual([]);
  });

  it('asks a person for a purpose where personal data is consulted', () => {
    const purpose = (suffix: string) => routes.find((route) => route.route.endsWith(suffix))?.audited?.purpose;
    expect(purpose('GET /api/notices')).toBe('required');
    expect(purpose('POST /api/checks/person')).toBe('required');
    expect(purpose('GET /api/activity/export')).toBe('required');
    expect(purpose('GET /api/messages/:id/envelope')).toBe('required');
  });
});
