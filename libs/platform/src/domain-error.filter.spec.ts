import type { ArgumentsHost } from '@nestjs/common';
import { DomainError, RateLimitedError, RuleRefusedError } from '@bureaunet/contracts';
import { DomainErrorFilter } from './domain-error.filter';

/** What the filter wrote: status, headers and JSON body. */
function answer(error: unknown): { status?: number; headers: Record<string, string>; body?: unknown } {
  const written: { status?: number; headers: Record<string, string>; body?: unknown } = { headers: {} };
  const response = {
    status(code: number) {
      written.status = code;
      return response;
    },
    setHeader(name: string, value: string) {
      written.headers[name] = value;
    },
    json(body: unknown) {
      written.body = body;
    },
  };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({ getResponse: () => response }),
  } as unknown as ArgumentsHost;
  new DomainErrorFilter().catch(error, host);
  return written;
}

describe('DomainErrorFilter', () => {
  it('answers a rate-limited error 429 with Retry-After in whole seconds, at least one', () => {
    expect(answer(new RateLimitedError('rate-limited', 'over the limit: retry in 1500 ms', 1500))).toEqual({
      status: 429,
      headers: { 'Retry-After': '2' },
      body: { code: 'rate-limited', reason: 'over the limit: retry in 1500 ms' },
    });
    expect(answer(new RateLimitedError('rate-limited', 'soon', 5)).headers).toEqual({ 'Retry-After': '1' });
  });

  it('answers a bad gateway 502 and an unavailable service 503, without Retry-After', () => {
    expect(answer(new DomainError('proof-mismatch', 'the proof does not hold', 'bad-gateway'))).toEqual({
      status: 502,
      headers: {},
      body: { code: 'proof-mismatch', reason: 'the proof does not hold' },
    });
    expect(answer(new DomainError('evaluator-unavailable', 'nobody answered', 'unavailable')).status).toBe(503);
  });

  it('answers a refusal by a known access rule 422, naming the rule', () => {
    expect(
      answer(new RuleRefusedError('operation-not-running', 'ended at noon', 'operation-alert-while-running')),
    ).toEqual({
      status: 422,
      headers: {},
      body: { code: 'operation-not-running', reason: 'ended at noon', rule: 'operation-alert-while-running' },
    });
  });
});
