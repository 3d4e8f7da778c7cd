import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PUBLIC_KEY } from './public.decorator';
import { ROLES_KEY } from './roles.decorator';

const ROOT = join(__dirname, '../../../..');
// A file that declares a controller, or makes one with the shared dead-letter factory.
const DECLARES_CONTROLLER = /@Controller\(|deadLetterController\(/;

interface Route {
  file: string;
  route: string;
  access: 'public' | 'roles' | 'none';
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sourceFiles(path);
    return /(?<!\.(spec|int-spec))\.ts$/.test(entry.name) && entry.name !== 'main.ts' ? [path] : [];
  });
}

function routesOf(file: string, controller: Type<unknown>): Route[] {
  const base = String(Reflect.getMetadata(PATH_METADATA, controller));
  const prototype = controller.prototype as Record<string, unknown>;
  return Object.getOwnPropertyNames(prototype).flatMap((name) => {
    const handler = prototype[name];
    const method =
      typeof handler === 'function' ? (Reflect.getMetadata(METHOD_METADATA, handler) as number) : undefined;
    if (method === undefined || typeof handler !== 'function') return [];
    const read = (key: string): unknown => Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
    const roles = read(ROLES_KEY);
    const access = read(PUBLIC_KEY) === true ? 'public' : Array.isArray(roles) && roles.length > 0 ? 'roles' : 'none';
    const path = String(Reflect.getMetadata(PATH_METADATA, handler));
    return [{ file, route: `${RequestMethod[method]} /${base}/${path}`.replace(/\/+$|\/(?=\/)/g, ''), access }];
  });
}

async function everyRoute(): Promise<Route[]> {
  const files = ['apps', 'libs']
    .flatMap((top) => readdirSync(join(ROOT, top)).map((name) => join(ROOT, top, name, 'src')))
    .flatMap(sourceFiles)
    .filter((file) => DECLARES_CONTROLLER.test(readFileSync(file, 'utf8')));
  const routes: Route[] = [];
  for (const file of files) {
    const exported = (await import(file)) as Record<string, unknown>;
    for (const value of Object.values(exported))
      if (typeof value === 'function' && Reflect.getMetadata(PATH_METADATA, value) !== undefined)
        routes.push(...routesOf(relative(ROOT, file), value as Type<unknown>));
  }
  return routes;
}

describe('every HTTP route of every service', () => {
  let routes: Route[];

  beforeAll(async () => {
    routes = await everyRoute();
  });

  it('says who may call it: @Public or @Roles (RoleGuard refuses the rest)', () => {
    expect(routes.filter((route) => route.access === 'none')).toEqual([]);
  });

  it('walks the routes of the gateway, the registry and the node, public and protected', () => {
    const seen = (file: string, route: string) => routes.find((r) => r.file.startsWith(file) && r.route === route);
    expect(seen('apps/gateway/', 'GET /api/health')).toMatchObject({ access: 'public' });
    expect(seen('apps/registry/', 'GET /api/directory')).toMatchObject({ access: 'public' });
    expect(seen('apps/registry/', 'POST /api/pki/enrol')).toMatchObject({ access: 'public' });
    expect(seen('apps/registry/', 'PUT /api/rules')).toMatchObject({ access: 'roles' });
    expect(seen('apps/node/', 'POST /api/messages')).toMatchObject({ access: 'roles' });
    expect(seen('apps/node/', 'GET /api/admin/dead-letters')).toMatchObject({ access: 'roles' });
  });
});
