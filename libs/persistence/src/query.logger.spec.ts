import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sqliteDataSourceOptions } from './sqlite-options';

describe('QueryLogger', () => {
  it('logs a failed query without its parameters', async () => {
    const lines: unknown[] = [];
    const spies = (['debug', 'log', 'warn', 'error'] as const).map((level) =>
      jest.spyOn(Logger.prototype, level).mockImplementation((...args: unknown[]) => void lines.push(args[0])),
    );
    const source = new DataSource({ ...sqliteDataSourceOptions({ database: ':memory:', entities: [] }) });
    await source.initialize();
    try {
      await source.query('CREATE TABLE person (name TEXT UNIQUE)');
      await source.query('INSERT INTO person (name) VALUES (?)', ['Jana Nováková']);
      await expect(source.query('INSERT INTO person (name) VALUES (?)', ['Jana Nováková'])).rejects.toThrow(/UNIQUE/);
    } finally {
      await source.destroy();
      spies.forEach((spy) => spy.mockRestore());
    }
    const failure = lines.find(
      (line): line is { event: string; sql: string; error: string } =>
        typeof line === 'object' && line !== null && (line as { event?: string }).event === 'query-failed',
    );
    expect(failure).toMatchObject({
      sql: 'INSERT INTO person (name) VALUES (?)',
      error: expect.stringMatching(/UNIQUE/),
    });
    expect(JSON.stringify(lines)).not.toContain('Nováková');
  });
});
