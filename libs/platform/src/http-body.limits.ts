import type { IncomingMessage, ServerResponse } from 'node:http';
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { jsonDepthExceeds, MAX_BODY_DEPTH } from '@bureaunet/contracts';
import { jsonTextDepth } from './json-text-depth';

/** Default largest JSON body, in bytes: what a bus message can carry, and a little over. */
export const DEFAULT_HTTP_BODY_LIMIT_BYTES = 1_048_576;

export interface HttpBodyLimits {
  /** Bytes, or body-parser's notation ('1mb'). */
  limit?: number | string;
  maxDepth?: number;
}

/** How body-parser (http-errors) describes a refusal. */
interface BodyParserError {
  type?: string;
  status?: number;
  length?: number;
  limit?: number;
  message?: string;
}

class TooDeepError extends Error {
  readonly type = 'entity.too.deep';
  readonly status = 400;
  constructor(readonly maxDepth: number) {
    super(`request body nests deeper than ${maxDepth} levels`);
  }
}

/**
 * JSON bodies with a size and a depth bound, and their refusals as {code, reason} — 413 for a
 * body over the limit, 400 for one too deep or not JSON — instead of express's 500 with a stack.
 * The depth is measured on the raw bytes before JSON.parse (nothing deep is ever built), and once
 * more on the parsed value for bodies in other charsets.
 */
export function applyHttpBodyLimits(app: NestExpressApplication, limits: HttpBodyLimits = {}): void {
  const limit = limits.limit ?? DEFAULT_HTTP_BODY_LIMIT_BYTES;
  const maxDepth = limits.maxDepth ?? MAX_BODY_DEPTH;
  const logger = new Logger('HTTP');
  app.useBodyParser('json', {
    limit,
    verify: (_request: IncomingMessage, _response: ServerResponse, bytes: Buffer, encoding: string) => {
      if (/^utf-?8$/i.test(encoding) && jsonTextDepth(bytes, maxDepth) > maxDepth) throw new TooDeepError(maxDepth);
    },
  });
  app.use((request: Request, _response: Response, next: NextFunction) => {
    next(jsonDepthExceeds(request.body, maxDepth) ? new TooDeepError(maxDepth) : undefined);
  });
  app.use((error: unknown, request: Request, response: Response, next: NextFunction) => {
    const refusal = bodyRefusal(error, limit);
    if (!refusal) return next(error);
    logger.warn(`${request.method} ${request.path} refused (${refusal.status} ${refusal.code}): ${refusal.reason}`);
    response.status(refusal.status).json({ code: refusal.code, reason: refusal.reason });
  });
}

function bodyRefusal(
  error: unknown,
  limit: number | string,
): { status: number; code: string; reason: string } | undefined {
  if (error instanceof TooDeepError) return { status: 400, code: 'too-deep', reason: error.message };
  if (typeof error !== 'object' || error === null || typeof (error as BodyParserError).type !== 'string')
    return undefined;
  const failure = error as BodyParserError;
  switch (failure.type) {
    case 'entity.too.large':
      return {
        status: 413,
        code: 'too-large',
        reason: `request body of ${failure.length ?? 'more than'} bytes exceeds the limit of ${failure.limit ?? limit} bytes`,
      };
    case 'entity.parse.failed':
      return {
        status: 400,
        code: 'invalid-json',
        reason: `request body is not JSON: ${failure.message ?? 'parse failed'}`,
      };
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return { status: 415, code: 'unsupported-encoding', reason: failure.message ?? 'unsupported body encoding' };
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
    case 'entity.verify.failed':
      return { status: 400, code: 'invalid-request', reason: failure.message ?? 'the request body could not be read' };
    default:
      return undefined;
  }
}
