import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { EVALUATOR_KEY_SUBJECT, evaluatorKeyId, evaluatorKeySchema, schemaIssues } from '@bureaunet/contracts';
import { OprfError } from '@bureaunet/oprf';
import { SerialWriter } from '@bureaunet/persistence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { BusClient, WireRequestError } from '@bureaunet/transport';
import { NODE_CONFIG, DEFAULT_EVALUATOR_TIMEOUT_MS, type NodeConfig } from '../node.config';
import { EvaluatorKeyEntity } from '../store/evaluator-key.entity';
import { evaluatorBadReply, evaluatorUnavailable } from './evaluator.errors';
import { PoprfLoader } from './poprf.loader';

export interface PinnedEvaluatorKey {
  keyId: string;
  publicKey: Uint8Array;
  pinnedAt: string;
}

const PINNED_ROW = 1;

/**
 * Trust on first use: the first key the evaluator tells this node is stored and used from then on;
 * proofs are checked against it, never against whatever key an answer names. Accepting a new key
 * is an administrator's act (not built yet: see docs/checks.md).
 */
@Injectable()
export class EvaluatorKeyPin {
  private pinned: Promise<PinnedEvaluatorKey> | undefined;

  constructor(
    private readonly bus: BusClient,
    private readonly poprf: PoprfLoader,
    private readonly writer: SerialWriter,
    @InjectRepository(EvaluatorKeyEntity) private readonly keys: Repository<EvaluatorKeyEntity>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
  ) {}

  /** The pinned key, asked for and pinned on the first call; a failed first ask is retried on the next call. */
  current(): Promise<PinnedEvaluatorKey> {
    this.pinned ??= this.load().catch((error: unknown) => {
      this.pinned = undefined;
      throw error;
    });
    return this.pinned;
  }

  private async load(): Promise<PinnedEvaluatorKey> {
    const stored = await this.keys.findOneBy({ id: PINNED_ROW });
    if (stored) return pinnedOf(stored);
    const offered = await this.ask();
    // Another process on this database may have pinned one meanwhile: the row that is there wins.
    const row = await this.writer.transaction(async (manager) => {
      const existing = await manager.findOneBy(EvaluatorKeyEntity, { id: PINNED_ROW });
      if (existing) return existing;
      const fresh: EvaluatorKeyEntity = {
        id: PINNED_ROW,
        keyId: offered.keyId,
        publicKey: offered.publicKey,
        pinnedAt: this.clock.now().toISOString(),
      };
      await manager.insert(EvaluatorKeyEntity, fresh);
      return fresh;
    });
    return pinnedOf(row);
  }

  private async ask(): Promise<{ keyId: string; publicKey: string }> {
    const timeoutMs = this.config.evaluatorTimeoutMs ?? DEFAULT_EVALUATOR_TIMEOUT_MS;
    let reply: unknown;
    try {
      reply = await this.bus.request(EVALUATOR_KEY_SUBJECT, {}, { timeoutMs });
    } catch (error) {
      if (error instanceof WireRequestError && error.code === 'unavailable')
        throw evaluatorUnavailable(`no evaluator told its key within ${timeoutMs} ms (${error.reason})`);
      if (error instanceof WireRequestError)
        throw evaluatorBadReply(`the evaluator refused its key: ${error.code}: ${error.reason}`);
      throw error;
    }
    const key = evaluatorKeySchema.safeParse(reply);
    if (!key.success) throw evaluatorBadReply(`the evaluator's key is malformed: ${schemaIssues(key.error, 'key')}`);
    const named = evaluatorKeyId(Buffer.from(key.data.publicKey, 'base64url'));
    if (named !== key.data.keyId)
      throw evaluatorBadReply(`the evaluator's key is named ${key.data.keyId}, its bytes are ${named}: not pinned`);
    await this.assertUsable(key.data.publicKey);
    return key.data;
  }

  /** A key no proof could ever be checked against is not pinned (blind checks it as RFC 9497 asks). */
  private async assertUsable(publicKey: string): Promise<void> {
    const poprf = await this.poprf.get();
    try {
      poprf.blind({
        input: new Uint8Array(0),
        info: new Uint8Array(0),
        serverPublicKey: new Uint8Array(Buffer.from(publicKey, 'base64url')),
      });
    } catch (error) {
      if (error instanceof OprfError) throw evaluatorBadReply(`the evaluator's key is unusable: ${error.message}`);
      throw error;
    }
  }
}

function pinnedOf(row: EvaluatorKeyEntity): PinnedEvaluatorKey {
  return {
    keyId: row.keyId,
    publicKey: new Uint8Array(Buffer.from(row.publicKey, 'base64url')),
    pinnedAt: row.pinnedAt,
  };
}
