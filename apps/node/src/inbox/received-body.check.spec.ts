import { MAX_BODY_DEPTH } from '@bureaunet/contracts';
import { checkReceivedBody, MAX_RECEIVED_BODY_BYTES } from './received-body.check';

const ID = '019ab5e2-7c40-7a31-9f0e-3d2c1b0a9f8e';

function refusal(body: unknown): { code: string; message: string } | undefined {
  try {
    checkReceivedBody(ID, body);
    return undefined;
  } catch (error) {
    return error as { code: string; message: string };
  }
}

describe('checkReceivedBody', () => {
  it('accepts an ordinary body and one exactly at the depth limit', () => {
    expect(refusal({ text: 'hello', items: [1, 2, { a: null }] })).toBeUndefined();
    expect(refusal(JSON.parse(`${'['.repeat(MAX_BODY_DEPTH)}${']'.repeat(MAX_BODY_DEPTH)}`))).toBeUndefined();
  });

  it('refuses a body nested 10,000 levels deep without overflowing the stack', () => {
    const hostile: unknown = JSON.parse(`{"body":${'['.repeat(10_000)}${']'.repeat(10_000)}}`);
    expect(refusal(hostile)).toMatchObject({
      name: 'DeliveryRefusal',
      code: 'too-deep',
      message: `envelope ${ID}: the body nests deeper than ${MAX_BODY_DEPTH} levels`,
    });
  });

  it('refuses a body larger than the envelope bound', () => {
    expect(refusal({ text: 'x'.repeat(MAX_RECEIVED_BODY_BYTES) })).toMatchObject({
      code: 'too-large',
      message: expect.stringContaining(`more than ${MAX_RECEIVED_BODY_BYTES}`),
    });
  });
});
