import { z } from 'zod';
import { schemaIssues } from './schema-issues';

describe('schemaIssues', () => {
  const schema = z.object({ to: z.array(z.string().length(2)), meta: z.object({ priority: z.enum(['urgent']) }) });

  it('names each field under the root, at most five', () => {
    const error = schema.safeParse({ to: ['FRA', 'D', 'x', 'yyy', 'zz', 'abc', 'q'], meta: {} }).error!;
    const reason = schemaIssues(error, 'payload');
    expect(reason.split('; ')).toHaveLength(5);
    expect(reason).toMatch(/^payload\.to\.0: String must contain exactly 2 character\(s\); payload\.to\.1: /);
  });

  it('says (root) for an issue with no path and no root', () => {
    expect(schemaIssues(z.string().safeParse(1).error!)).toBe('(root): Expected string, received number');
  });
});
