import { Logger } from '@nestjs/common';
import { DomainError } from '@bureaunet/contracts';
import type { BusClient } from '@bureaunet/transport';
import type { MessagePreviewDto } from './message-preview.dto';
import type { MessagePreviewService } from './message-preview.service';
import { SEND_DRY_RUN_TIMEOUT_MS, SendDryRun } from './send-dry-run';

const allowed = (recipient: string) => ({ recipient, allowed: true });
const refused = (recipient: string) => ({
  recipient,
  allowed: false,
  code: 'policy-denied' as const,
  rule: 'role-kinds',
  reason: 'only the hub publishes notices',
});

function dryRunAnswering(answer: MessagePreviewDto | DomainError) {
  const preview = jest.fn((_request: unknown, _timeoutMs?: number) =>
    answer instanceof DomainError ? Promise.reject(answer) : Promise.resolve(answer),
  );
  return {
    dryRun: new SendDryRun({ preview } as unknown as MessagePreviewService, { isUp: true } as BusClient),
    preview,
  };
}

describe('SendDryRun', () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  it('asks the gateway with the short bound and returns the refusals foreseen when some recipients pass', async () => {
    const { dryRun, preview } = dryRunAnswering({ version: 3, recipients: [allowed('FR'), refused('DK')] });
    await expect(dryRun.foresee({ kind: 'message', to: ['FR', 'DK'], meta: { priority: 'urgent' } })).resolves.toEqual([
      refused('DK'),
    ]);
    expect(preview).toHaveBeenCalledWith(
      { kind: 'message', recipients: ['FR', 'DK'], meta: { priority: 'urgent' } },
      SEND_DRY_RUN_TIMEOUT_MS,
    );
  });

  it('refuses the send (422) when every recipient would be refused, naming each one and its rule', async () => {
    const { dryRun } = dryRunAnswering({ version: 3, recipients: [refused('FR'), refused('DK')] });
    const error = await dryRun.foresee({ kind: 'notice', to: ['FR', 'DK'], meta: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'send-refused',
      kind: 'unprocessable',
      message:
        'every recipient would be refused by the rules in force: ' +
        'FR: policy-denied by rule role-kinds (only the hub publishes notices); ' +
        'DK: policy-denied by rule role-kinds (only the hub publishes notices)',
    });
  });

  it('accepts the send as before when the gateway does not answer in time', async () => {
    const { dryRun } = dryRunAnswering(new DomainError('preview-unavailable', 'timeout', 'unavailable'));
    await expect(dryRun.foresee({ kind: 'message', to: ['FR'], meta: {} })).resolves.toEqual([]);
  });

  it('does not wait for a dry-run while the bus is down', async () => {
    const preview = jest.fn();
    const dryRun = new SendDryRun({ preview } as unknown as MessagePreviewService, { isUp: false } as BusClient);
    await expect(dryRun.foresee({ kind: 'message', to: ['FR'], meta: {} })).resolves.toEqual([]);
    expect(preview).not.toHaveBeenCalled();
  });
});
