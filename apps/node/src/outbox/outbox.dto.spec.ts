import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { SendMessageDto } from './outbox.dto';

const pipe = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true });

async function problems(body: unknown): Promise<string[]> {
  try {
    await pipe.transform(body, { type: 'body', metatype: SendMessageDto });
    return [];
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    return (error.getResponse() as { message: string[] }).message;
  }
}

const valid = { kind: 'diffusion', to: ['FR', 'DE'], meta: { priority: 'urgent' }, body: { text: 'hello' } };

describe('SendMessageDto', () => {
  it('accepts a list, "all", any JSON body and no meta', async () => {
    expect(await problems(valid)).toEqual([]);
    expect(await problems({ kind: 'message', to: 'all', body: 'plain text' })).toEqual([]);
    expect(await problems({ kind: 'message', to: ['XH'], body: [1, { deep: [true] }] })).toEqual([]);
    expect(await problems({ kind: 'message', to: ['XH'], body: 0 })).toEqual([]);
  });

  it('keeps the body and meta as sent', async () => {
    const body = { nested: { list: [1, 'two', { three: null }] } };
    const dto = (await pipe.transform(
      { ...valid, body },
      { type: 'body', metatype: SendMessageDto },
    )) as SendMessageDto;
    expect(dto.body).toEqual(body);
    expect(dto.meta).toEqual({ priority: 'urgent' });
  });

  it('names kind when it is unknown or a receipt', async () => {
    expect((await problems({ ...valid, kind: 'receipt' })).join()).toMatch(/^kind must be one of the following values/);
    expect((await problems({ ...valid, kind: 'gossip' })).join()).toMatch(/^kind must be one of/);
  });

  it('names to, and the bad entry', async () => {
    expect(await problems({ ...valid, to: [] })).toEqual(['to must name at least one bureau']);
    expect(await problems({ ...valid, to: 'everyone' })).toEqual(['to must be "all" or an array of bureau codes']);
    expect(await problems({ ...valid, to: ['FR', 'fr'] })).toEqual([
      'to[1] must be a two-letter upper-case bureau code, got "fr"',
    ]);
    expect(await problems({ ...valid, to: ['FR', 'FR'] })).toEqual(['to names FR more than once']);
    expect(await problems({ kind: 'message', body: 1 })).toEqual(['to must be "all" or an array of bureau codes']);
  });

  it('names the meta field the envelope schema refuses', async () => {
    expect(await problems({ ...valid, meta: { priority: 'soon' } })).toEqual([
      expect.stringMatching(/^meta\.priority: /),
    ]);
    expect(await problems({ ...valid, meta: { colour: 'red' } })).toEqual([
      expect.stringMatching(/^meta: Unrecognized key/),
    ]);
    expect(
      await problems({
        ...valid,
        meta: { receiptFor: { id: '019ab5e2-7c40-7a31-9f0e-3d2c1b0a9f8e', digest: 'A'.repeat(43) } },
      }),
    ).toEqual(['meta.receiptFor: is set by the node on receipts only']);
  });

  it('requires a body', async () => {
    expect(await problems({ kind: 'message', to: ['FR'] })).toEqual(['body is required (any JSON value but null)']);
    expect(await problems({ kind: 'message', to: ['FR'], body: null })).toEqual([
      'body is required (any JSON value but null)',
    ]);
  });

  it('refuses unknown top-level properties by name', async () => {
    expect(await problems({ ...valid, from: 'FR' })).toEqual(['property from should not exist']);
  });
});
