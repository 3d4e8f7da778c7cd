import { Injectable } from '@nestjs/common';
import type { EnvelopePayload } from '@bureaunet/contracts';
import type { PreparedRules } from '@bureaunet/policy';
import { SubmissionRateLimiter } from '../policy/submission-rate.limiter';
import { EnvelopeLineageRepository } from './envelope-lineage.repository';
import { EnvelopeReceiptRepository } from './envelope-receipt.repository';
import { checkReceipt, type ReceiptCheck } from './receipt.check';

/**
 * Admits a receipt. A valid one is bounded by the deliveries it answers (one per recipient and
 * envelope), so it does not draw on the sender's message allowance; an invalid one does, so a
 * flood of them ends in 'rate-limited' like any other. A duplicate is a no-op, never counted.
 */
@Injectable()
export class ReceiptGate {
  constructor(
    private readonly lineage: EnvelopeLineageRepository,
    private readonly receipts: EnvelopeReceiptRepository,
    private readonly limiter: SubmissionRateLimiter,
  ) {}

  async admit(payload: EnvelopePayload, rules: PreparedRules): Promise<ReceiptCheck> {
    const reference = payload.meta.receiptFor;
    const row = reference ? await this.lineage.find(reference.id) : null;
    const named = row
      ? { sender: row.sender, digest: row.digest, deliveredTo: JSON.parse(row.deliveredTo) as string[] }
      : undefined;
    const receiptedBy = reference ? await this.receipts.receiptOf(reference.id, payload.from) : undefined;
    const check = checkReceipt(payload, named, receiptedBy);
    if (check.status !== 'refused') return check;
    const admitted = await this.limiter.admit(payload.from, 1, rules);
    return admitted.allowed ? check : { status: 'refused', refusal: admitted.refusal };
  }
}
