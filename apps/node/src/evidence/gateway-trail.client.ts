import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { DomainError } from '@bureaunet/contracts';
import { ledgerProofEntrySchema, type LedgerTrail } from '@bureaunet/evidence';
import { NODE_CONFIG, type NodeConfig } from '../node.config';
import { EvidenceHttpClient } from './evidence-http.client';
import type { GatewayTrailSource } from './evidence-sources';

/** GET /api/trail/:messageId as the gateway serves it; members the bundle does not use are let through. */
const trailAnswerSchema = z.object({
  message_id: z.string(),
  sth: z.object({ tree_size: z.number().int().nonnegative() }),
  entries: z.array(ledgerProofEntrySchema.passthrough()).max(4096),
  checkpoint: z.string().optional(),
});

/** GET /api/ledger/timestamp?tree_size=N as the gateway serves it. */
const timestampAnswerSchema = z.object({
  tree_size: z.number().int().nonnegative(),
  token: z
    .string()
    .min(1)
    .max(128 * 1024),
  tsa_ca: z
    .string()
    .min(1)
    .max(64 * 1024),
});

/** The gateway's ledger API, read with an auditor token (NODE_EVIDENCE_GATEWAY_URL and _TOKEN). */
@Injectable()
export class GatewayTrailClient implements GatewayTrailSource {
  private readonly http: EvidenceHttpClient;

  constructor(@Inject(NODE_CONFIG) config: NodeConfig) {
    this.http = new EvidenceHttpClient(
      'the gateway',
      config.evidence?.gatewayUrl,
      config.evidence?.gatewayToken,
      'NODE_EVIDENCE_GATEWAY_URL, NODE_EVIDENCE_GATEWAY_TOKEN',
    );
  }

  async trail(messageId: string): Promise<LedgerTrail> {
    const answer = trailAnswerSchema.safeParse(
      await this.http.getJson(`/api/trail/${encodeURIComponent(messageId)}`, 'entries'),
    );
    if (!answer.success || answer.data.message_id !== messageId)
      throw new DomainError(
        'evidence-source-unavailable',
        `entries: the gateway's trail of ${messageId} is not one: ${answer.error?.issues[0]?.message ?? 'another message'}`,
        'unavailable',
      );
    const { sth, entries, checkpoint } = answer.data;
    if (!checkpoint)
      throw new DomainError(
        'evidence-incomplete',
        `checkpoint: the gateway's trail of ${messageId} carries no cosigned checkpoint`,
        'conflict',
      );
    return {
      treeSize: sth.tree_size,
      entries: entries.map(({ leaf_index, leaf_input, audit_path }) => ({ leaf_index, leaf_input, audit_path })),
      checkpoint,
    };
  }

  /**
   * A TSA stamps only some heads (the latest when it answers), and a gateway may have no TSA: the
   * bundle then goes without the optional token rather than not at all.
   */
  async timestamp(treeSize: number): Promise<{ tsa_ca: string; token: string } | undefined> {
    let answer: unknown;
    try {
      answer = await this.http.getJson(`/api/ledger/timestamp?tree_size=${treeSize}`, 'timestamp');
    } catch (error) {
      if (error instanceof DomainError) return undefined;
      throw error;
    }
    const parsed = timestampAnswerSchema.safeParse(answer);
    if (!parsed.success || parsed.data.tree_size !== treeSize) return undefined;
    return { tsa_ca: parsed.data.tsa_ca, token: parsed.data.token };
  }
}
