import { RpcException } from '@nestjs/microservices';
import { decodeJson, encodeJson, parseWireReply, toWireError } from './wire-reply.codec';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('toWireError', () => {
  it('puts a domain error on the wire as its code and reason (or message)', () => {
    expect(toWireError(Object.assign(new Error('no bureau XX'), { code: 'not-found' }))).toEqual({
      code: 'not-found',
      reason: 'no bureau XX',
    });
    expect(toWireError({ code: 'suspended', reason: 'bureau FR is suspended' })).toEqual({
      code: 'suspended',
      reason: 'bureau FR is suspended',
    });
  });

  it("hides everything else behind 'internal'", () => {
    expect(toWireError(new Error('SQLITE_CORRUPT at /var/lib/…'))).toEqual({
      code: 'internal',
      reason: 'internal error',
    });
    expect(toWireError({ code: 42 })).toEqual({ code: 'internal', reason: 'internal error' });
    expect(toWireError(new RpcException('plain'))).toEqual({ code: 'internal', reason: 'internal error' });
    expect(toWireError(undefined)).toEqual({ code: 'internal', reason: 'internal error' });
  });
});

describe('parseWireReply', () => {
  it('reads both reply shapes', () => {
    expect(parseWireReply(bytes('{"ok":true,"data":{"a":1}}'))).toEqual({ ok: true, data: { a: 1 } });
    expect(parseWireReply(bytes('{"ok":false,"error":{"code":"denied","reason":"rule 7"}}'))).toEqual({
      ok: false,
      error: { code: 'denied', reason: 'rule 7' },
    });
  });

  it("reports anything else as 'bad-reply'", () => {
    for (const reply of [
      'not json',
      '[1]',
      'null',
      '{"ok":false}',
      '{"ok":false,"error":{"code":1,"reason":"x"}}',
      '\u00ff',
    ]) {
      expect(parseWireReply(bytes(reply))).toMatchObject({ ok: false, error: { code: 'bad-reply' } });
    }
  });
});

describe('JSON bodies', () => {
  it('encodes undefined as null and refuses invalid UTF-8 or JSON', () => {
    expect(new TextDecoder().decode(encodeJson(undefined))).toBe('null');
    expect(decodeJson(Uint8Array.of(0x7b, 0xc3, 0x28, 0x7d))).toMatchObject({ ok: false });
    expect(decodeJson(bytes('{"a":'))).toMatchObject({ ok: false });
    expect(decodeJson(bytes('{"a":1}'))).toEqual({ ok: true, value: { a: 1 } });
  });
});
