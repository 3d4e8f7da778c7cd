import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { DomainError } from '@bureaunet/contracts';
import { queryInteger } from './query-integer.schema';
import { RequestValidationPipe } from './request-validation.pipe';

class PageDto extends createZodDto(z.object({ limit: queryInteger(1, 10), name: z.string().min(2) }).strict()) {}

describe('RequestValidationPipe', () => {
  const pipe = new RequestValidationPipe();
  const parse = (value: unknown) => pipe.transform(value, { type: 'query', metatype: PageDto });

  it('returns the parsed value, query strings coerced', () => {
    expect(parse({ limit: '3', name: 'ab' })).toEqual({ limit: 3, name: 'ab' });
  });

  it('refuses with invalid-request naming every field at fault and its problem', () => {
    let thrown: unknown;
    try {
      parse({ limit: '11', name: 'a', extra: 1 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({ code: 'invalid-request', kind: 'invalid' });
    expect((thrown as Error).message).toBe(
      "limit: must be at most 10; name: String must contain at least 2 character(s); (root): Unrecognized key(s) in object: 'extra'",
    );
  });

  it('leaves a parameter without a zod DTO alone', () => {
    expect(pipe.transform('raw', { type: 'body', metatype: String })).toBe('raw');
  });
});
