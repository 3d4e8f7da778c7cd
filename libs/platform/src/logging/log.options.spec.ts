import { readLogOptions } from './log.options';

describe('readLogOptions', () => {
  it('defaults to JSON at info', () => {
    expect(readLogOptions({})).toEqual({ level: 'info', format: 'json' });
  });

  it('takes LOG_LEVEL and LOG_FORMAT', () => {
    expect(readLogOptions({ LOG_LEVEL: 'warn', LOG_FORMAT: 'pretty' })).toEqual({ level: 'warn', format: 'pretty' });
  });

  it('names every bad variable', () => {
    expect(() => readLogOptions({ LOG_LEVEL: 'loud', LOG_FORMAT: 'xml' })).toThrow(
      /LOG_LEVEL must match .*\n.*LOG_FORMAT must match/,
    );
  });
});
