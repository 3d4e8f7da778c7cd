import { postgresUrl } from './postgres-options';
import { numbered } from './sql-statements';

describe('DATABASE_URL', () => {
  it('takes a postgres:// or postgresql:// URL that names a database', () => {
    expect(postgresUrl('postgres://hub@db:5432/bureaunet')).toBe('postgres://hub@db:5432/bureaunet');
    expect(postgresUrl('postgresql://hub@db/bureaunet')).toBe('postgresql://hub@db/bureaunet');
    expect(postgresUrl(undefined)).toBeUndefined();
    expect(postgresUrl('')).toBeUndefined();
  });

  it('refuses anything else, naming the problem', () => {
    expect(() => postgresUrl('mysql://db/x')).toThrow('must be a postgres:// URL, not mysql://');
    expect(() => postgresUrl('not a url')).toThrow('is not a URL');
    expect(() => postgresUrl('postgres://db:5432')).toThrow('names no database');
  });
});

describe('numbered placeholders', () => {
  it('numbers each ? outside quotes', () => {
    expect(numbered(`SELECT "a?" FROM t WHERE x = ? AND y = '?' AND z = ?`)).toBe(
      `SELECT "a?" FROM t WHERE x = $1 AND y = '?' AND z = $2`,
    );
  });
});
