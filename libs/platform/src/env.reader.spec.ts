import { EnvReader } from './env.reader';

describe('EnvReader', () => {
  it('returns typed values and defaults', () => {
    const env = new EnvReader({ NAME: 'x', PORT: '3001' });
    const config = env.done({
      name: env.string('NAME'),
      port: env.int('PORT', { default: 1 }),
      other: env.int('OTHER', { default: 7 }),
    });
    expect(config).toEqual({ name: 'x', port: 3001, other: 7 });
  });

  it('lists every bad variable in one error', () => {
    const env = new EnvReader({ PORT: 'abc', CODE: 'mr' });
    env.string('NATS_URL');
    env.int('PORT', { default: 1 });
    env.string('CODE', { pattern: /^[A-Z]{2}$/ });
    expect(() => env.done({})).toThrow(/NATS_URL is required\n.*PORT must be an integer, got "abc"\n.*CODE must match/);
  });
});
