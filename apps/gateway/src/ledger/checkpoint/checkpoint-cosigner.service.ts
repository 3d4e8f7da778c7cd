import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { Repository } from 'typeorm';
import { BUREAU_IDENTITY, BureauIdentity } from '@bureaunet/identity';
import { LedgerLogReader } from '@bureaunet/ledger/storage';
import { SerialWriter } from '@bureaunet/persistence';
import { CLOCK, Clock } from '@bureaunet/platform';
import {
  ed25519NoteSigner,
  formatAddCheckpointRequest,
  formatCheckpoint,
  formatSignedNote,
  formatVerifierKey,
  NOTE_SIGNATURE_TYPE,
  noteSignature,
  rawEd25519PublicKey,
  parseSignedNote,
  type NoteSignature,
} from '@bureaunet/witness';
import { GATEWAY_CONFIG, GatewayConfig } from '../../gateway.config';
import { CosignedCheckpointEntity } from './cosigned-checkpoint.entity';
import type { LedgerWitnessConfig } from './ledger-witnesses.config';
import { WitnessClient } from './witness.client';
import type { WitnessStanding, WitnessStandingView } from './witness-standing';

/** Its timer in the SchedulerRegistry. */
export const WITNESS_RETRY_INTERVAL = 'ledger.witness-retry';

/** A 409 moves the old size once; the spec's client retries once with the witness's size. */
const ATTEMPTS_PER_WITNESS = 2;

export interface CheckpointHead {
  treeSize: number;
  rootHash: Buffer;
}

/**
 * Turns each signed tree head into a C2SP checkpoint signed with the gateway's identity key (key
 * name = LEDGER_ORIGIN) and asks every configured witness to cosign it, from the size that witness
 * last cosigned with the consistency proof to this head. Rounds run one at a time in the background:
 * the ledger never waits for a witness, and a witness that is down is asked again every
 * LEDGER_WITNESS_RETRY_MS. Only a trail waits, for the note of its own head.
 */
@Injectable()
export class CheckpointCosigner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(CheckpointCosigner.name);
  private readonly standings: Map<string, WitnessStanding>;
  private readonly rounds = new Map<number, Promise<string | undefined>>();
  private chain: Promise<unknown> = Promise.resolve();
  private latestHead: CheckpointHead | undefined;

  constructor(
    private readonly writer: SerialWriter,
    private readonly reader: LedgerLogReader,
    private readonly client: WitnessClient,
    @InjectRepository(CosignedCheckpointEntity) private readonly checkpoints: Repository<CosignedCheckpointEntity>,
    @Inject(BUREAU_IDENTITY) private readonly identity: BureauIdentity,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly scheduler: SchedulerRegistry,
  ) {
    this.standings = new Map(config.witnesses.map((w) => [w.name, { name: w.name, url: w.url }]));
  }

  async onApplicationBootstrap(): Promise<void> {
    const latest = await this.checkpoints.findOne({ where: {}, order: { treeSize: 'DESC' } });
    if (latest) {
      const signers = new Set(parseSignedNote(latest.note).signatures.map((s) => s.name));
      for (const standing of this.standings.values())
        if (signers.has(standing.name)) {
          // ??=: a round started by the tree-head signer may already know better.
          standing.cosignedSize ??= latest.treeSize;
          standing.knownSize ??= latest.treeSize;
        }
    }
    if (this.config.witnesses.length === 0) return;
    this.scheduler.addInterval(
      WITNESS_RETRY_INTERVAL,
      setInterval(() => this.retryLaggards(), this.config.witnessRetryMs),
    );
  }

  async onModuleDestroy(): Promise<void> {
    if (this.scheduler.doesExist('interval', WITNESS_RETRY_INTERVAL))
      this.scheduler.deleteInterval(WITNESS_RETRY_INTERVAL);
    await this.chain.catch(() => undefined);
  }

  get origin(): string {
    return this.config.ledgerOrigin;
  }

  /** The ledger's note verifier key (type 0x01, name = LEDGER_ORIGIN), for witnesses and auditors. */
  get verifierKey(): string {
    const publicKey = rawEd25519PublicKey(this.identity.signing.privateKey);
    return formatVerifierKey({ name: this.config.ledgerOrigin, type: NOTE_SIGNATURE_TYPE.ed25519, publicKey });
  }

  /** Told by the tree-head signer of every head it holds; cosigning starts in the background. */
  headSigned(head: CheckpointHead): void {
    if (this.latestHead && this.latestHead.treeSize >= head.treeSize) return;
    this.latestHead = head;
    this.roundFor(head, true).catch((error: unknown) =>
      this.logger.error(`cannot make checkpoint ${head.treeSize}: ${describe(error)}`),
    );
  }

  /** The stored note for a head, after its cosigning round if one is under way or none ran yet. */
  async checkpointFor(head: CheckpointHead): Promise<string> {
    if (!this.latestHead || head.treeSize > this.latestHead.treeSize) this.latestHead = head;
    const running = this.rounds.get(head.treeSize);
    if (running) await running.catch(() => undefined);
    const stored = await this.storedNote(head.treeSize);
    // A note of another root for this size (a rewritten ledger) is not this head's.
    if (stored !== undefined && parseSignedNote(stored).text === this.checkpointText(head)) return stored;
    return (await this.roundFor(head, false))!;
  }

  /** The latest stored note (GET /api/ledger/checkpoint). */
  async latest(): Promise<string | undefined> {
    return (await this.checkpoints.findOne({ where: {}, order: { treeSize: 'DESC' } }))?.note;
  }

  standing(): WitnessStandingView[] {
    const size = this.latestHead?.treeSize ?? 0;
    return [...this.standings.values()].map((s) => ({ ...s, behind: Math.max(0, size - (s.cosignedSize ?? 0)) }));
  }

  private async storedNote(treeSize: number): Promise<string | undefined> {
    return (await this.checkpoints.findOneBy({ treeSize }))?.note;
  }

  private retryLaggards(): void {
    const head = this.latestHead;
    if (!head || this.rounds.has(head.treeSize)) return;
    const behind = [...this.standings.values()].some((s) => s.cosignedSize !== head.treeSize);
    if (behind)
      this.roundFor(head, true).catch((error: unknown) =>
        this.logger.error(`cannot make checkpoint ${head.treeSize}: ${describe(error)}`),
      );
  }

  /** One round at a time; a background round overtaken by a newer head is skipped. */
  private roundFor(head: CheckpointHead, background: boolean): Promise<string | undefined> {
    const run = this.chain.then(() =>
      background && this.latestHead && this.latestHead.treeSize > head.treeSize ? undefined : this.round(head),
    );
    this.chain = run.catch(() => undefined);
    this.rounds.set(head.treeSize, run);
    void run
      .finally(() => {
        if (this.rounds.get(head.treeSize) === run) this.rounds.delete(head.treeSize);
      })
      .catch(() => undefined);
    return run;
  }

  private checkpointText(head: CheckpointHead): string {
    return formatCheckpoint({
      origin: this.config.ledgerOrigin,
      treeSize: head.treeSize,
      rootHash: head.rootHash,
      extensions: [],
    });
  }

  private async round(head: CheckpointHead): Promise<string> {
    const text = this.checkpointText(head);
    // The identity key of now: it may have been renewed since the last round.
    const logSignature = noteSignature(
      text,
      ed25519NoteSigner(this.config.ledgerOrigin, this.identity.signing.privateKey),
    );
    const logNote = formatSignedNote({ text, signatures: [logSignature] });
    const kept = await this.keptCosignatures(head.treeSize, text);
    const asked = this.config.witnesses.filter((w) => !kept.some((s) => s.name === w.name));
    const fresh = await Promise.all(asked.map((witness) => this.ask(witness, head, text, logNote)));
    const note = formatSignedNote({ text, signatures: [logSignature, ...kept, ...fresh.flat()] });
    await this.writer.transaction((manager) =>
      manager.save(CosignedCheckpointEntity, {
        treeSize: head.treeSize,
        note,
        updatedAt: this.clock.now().toISOString(),
      }),
    );
    return note;
  }

  /** Cosignatures of configured witnesses already stored for this very text (verified when received). */
  private async keptCosignatures(treeSize: number, text: string): Promise<NoteSignature[]> {
    const stored = await this.storedNote(treeSize);
    if (!stored) return [];
    const note = parseSignedNote(stored);
    // Another root for the same size (a rewritten ledger): its cosignatures say nothing of this one.
    if (note.text !== text) return [];
    return note.signatures.filter((s) => this.standings.has(s.name));
  }

  private async ask(
    witness: LedgerWitnessConfig,
    head: CheckpointHead,
    text: string,
    logNote: string,
  ): Promise<NoteSignature[]> {
    const standing = this.standings.get(witness.name)!;
    let oldSize = standing.knownSize ?? 0;
    try {
      for (let attempt = 0; attempt < ATTEMPTS_PER_WITNESS; attempt++) {
        if (oldSize > head.treeSize) {
          this.misbehaved(standing, `it has cosigned size ${oldSize}, larger than this ledger's ${head.treeSize}`);
          return [];
        }
        const proof = await this.reader.consistencyProof(oldSize, head.treeSize);
        const body = formatAddCheckpointRequest({ oldSize, proof, checkpoint: logNote });
        const answer = await this.client.addCheckpoint(witness, body, text, this.config.witnessTimeoutMs);
        if (answer.status === 'cosigned') {
          Object.assign(standing, { cosignedSize: head.treeSize, knownSize: head.treeSize });
          delete standing.lastError;
          delete standing.misbehaviour;
          return answer.signatures;
        }
        if (answer.status === 'conflict') {
          standing.knownSize = oldSize = answer.latestSize;
          continue;
        }
        if (answer.httpStatus === 422) {
          this.misbehaved(standing, `refused checkpoint ${head.treeSize} from size ${oldSize}: ${answer.reason}`);
          return [];
        }
        throw new Error(`refused checkpoint ${head.treeSize} (HTTP ${answer.httpStatus}): ${answer.reason}`);
      }
      throw new Error(`its size kept changing (last ${oldSize}) over ${ATTEMPTS_PER_WITNESS} attempts`);
    } catch (error) {
      standing.lastError = describe(error);
      this.logger.warn(
        `witness ${witness.name} (${witness.url}) did not cosign checkpoint ${head.treeSize}: ${standing.lastError}`,
      );
      return [];
    }
  }

  private misbehaved(standing: WitnessStanding, reason: string): void {
    standing.misbehaviour = standing.lastError = reason;
    this.logger.error(
      `witness ${standing.name} reports the ledger inconsistent with what it cosigned: ${reason}. ` +
        'The ledger history was changed or forked: treat as an incident.',
    );
  }
}

function describe(error: unknown): string {
  if (error instanceof Error)
    return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
  return String(error);
}
