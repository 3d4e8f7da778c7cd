import { DomainError } from '@bureaunet/contracts';
import { RequestValidationPipe } from '@bureaunet/platform';
import { SendMessageDto } from './outbox.dto';

const pipe = new RequestValidationPipe();
const parse = (body: unknown) => pipe.transform(body, { type: 'body', metatype: SendMessageDto }) as SendMessageDto;

/** The reason of the 400 the pipe would answer, or undefined when the body passes. */
function problem(body: unknown): string | undefined {
  try {
    parse(body);
    return undefined;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    expect(error).toMatchObject({ code: 'invalid-request', kind: 'invalid' });
    return error.message;
  }
}

const valid = { kind: 'diffusion', to: ['FR', 'DE'], meta: { priority: 'urgent' }, body: { text: 'hello' } };

describe('SendMessageDto', () => {
  it('accepts a list, "all", any JSON body and no meta', () => {
    expect(problem(valid)).toBeUndefined();
    expect(problem({ kind: 'message', to: 'all', body: 'plain text' })).toBeUndefined();
    expect(problem({ kind: 'message', to: ['XH'], body: [1, { deep: [true] }] })).toBeUndefined();
    expect(problem({ kind: 'message', to: ['XH'], body: 0 })).toBeUndefined();
  });

  it('keeps the body and meta as sent', () => {
    const body = { nested: { list: [1, 'two', { three: null }] } };
    const dto = parse({ ...valid, body });
    expect(dto.body).toBe(body);
    expect(dto.meta).toEqual({ priority: 'urgent' });
  });

  it('names kind when it is unknown, a receipt or a border-check step the node takes itself', () => {
    for (const kind of ['travel-document-record', 'hit-notification', 'hit-confirmation'])
      expect(problem({ ...valid, kind })).toMatch(/^kind: must be one of /);
    expect(problem({ ...valid, kind: 'receipt' })).toBe(
      'kind: must be one of notice-request, notice, notice-cancel, diffusion, message, operation-alert, query, query-result, request, consent-request, consent-decision',
    );
    expect(problem({ ...valid, kind: 'gossip' })).toMatch(/^kind: must be one of /);
  });

  it('names to, and the bad entry', () => {
    expect(problem({ ...valid, to: [] })).toBe('to: must name at least one bureau');
    expect(problem({ ...valid, to: 'everyone' })).toBe('to: must be "all" or an array of bureau codes');
    expect(problem({ ...valid, to: ['FR', 'fr'] })).toBe(
      'to.1: must be a bureau code (e.g. FR), group:<id> or operation:<id>',
    );
    expect(problem({ ...valid, to: ['FR', 'FR'] })).toBe('to: names FR more than once');
    expect(problem({ kind: 'message', body: 1 })).toBe('to: must be "all" or an array of bureau codes');
  });

  it('names the meta field the envelope schema refuses', () => {
    expect(problem({ ...valid, meta: { priority: 'soon' } })).toMatch(/^meta\.priority: /);
    expect(problem({ ...valid, meta: { colour: 'red' } })).toMatch(/^meta: Unrecognized key/);
    expect(
      problem({
        ...valid,
        meta: { receiptFor: { id: '019ab5e2-7c40-7a31-9f0e-3d2c1b0a9f8e', digest: 'A'.repeat(43) } },
      }),
    ).toBe("meta: Unrecognized key(s) in object: 'receiptFor'");
  });

  it('requires a body', () => {
    expect(problem({ kind: 'message', to: ['FR'] })).toBe('body: is required (any JSON value but null)');
    expect(problem({ kind: 'message', to: ['FR'], body: null })).toBe('body: is required (any JSON value but null)');
  });

  it('refuses unknown top-level properties by name', () => {
    expect(problem({ ...valid, from: 'FR' })).toBe("(root): Unrecognized key(s) in object: 'from'");
  });
});
