import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DynamicModule } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import type { Response } from 'express';

/**
 * dist/console, where `npm run build` puts the consoles' bundle: found upwards from this code, which
 * runs from dist/services (a service's bundle) or dist/libs/platform/src/console (tsc's output).
 */
export const CONSOLE_ROOT = process.env.CONSOLE_ROOT ?? builtConsoleRoot(__dirname);

function builtConsoleRoot(from: string): string {
  for (let dir = from; dirname(dir) !== dir; dir = dirname(dir))
    if (existsSync(join(dir, 'console', 'index.html'))) return join(dir, 'console');
  return join(from, 'console');
}

// The bundle has no inline script or style, and nothing else may frame, load or receive from it.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

/**
 * The web consoles, on the same origin as the service's API (apps/console, built by Vite). The
 * API's own paths never fall through to the bundle: an unknown /api path stays a 404.
 */
export function consoleStaticModule(): DynamicModule {
  return ServeStaticModule.forRoot({
    rootPath: CONSOLE_ROOT,
    exclude: ['/api/{*path}', '/ledger/{*path}'],
    serveStaticOptions: {
      setHeaders: (response: Response) => {
        response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
        response.setHeader('X-Content-Type-Options', 'nosniff');
        response.setHeader('Referrer-Policy', 'no-referrer');
      },
    },
  });
}
