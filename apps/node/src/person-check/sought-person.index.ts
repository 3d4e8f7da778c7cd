import { performance } from 'node:perf_hooks';
import { Inject, Injectable, Logger, Optional, type OnApplicationBootstrap } from '@nestjs/common';
import { PersonIndex, type PersonRecord } from '@bureaunet/person-match';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { today } from '../store/notice.state';
import { PatchedPersonIndex } from './patched-person.index';
import { PersonSourceReader } from './person-source.reader';
import { personKey } from './sought-person';

export interface SoughtPersonIndexOptions {
  /** Changes read and applied at a time. */
  batch: number;
  /** Changed keys patched in beside the base before the base is rebuilt in the background. */
  rebuildAfter: number;
}

export const SOUGHT_PERSON_INDEX_OPTIONS = Symbol('SOUGHT_PERSON_INDEX_OPTIONS');

const DEFAULT_OPTIONS: SoughtPersonIndexOptions = { batch: 1_000, rebuildAfter: 10_000 };

/**
 * The persons a check can match, in memory, current with every notice and diffusion committed
 * before the check: each check first reads the change log after the last change applied (one
 * primary-key range read, nothing when nothing changed) and patches the changed rows in. A base
 * rebuild happens at start, when the log's window has moved past what was applied, and in the
 * background once `rebuildAfter` keys were patched. No query's names are logged here.
 */
@Injectable()
export class SoughtPersonIndex implements OnApplicationBootstrap {
  private readonly logger = new Logger(SoughtPersonIndex.name);
  private readonly options: SoughtPersonIndexOptions;
  private index: PatchedPersonIndex | undefined;
  /** Refreshes run one at a time; a caller joins the one queued if it has not started yet. */
  private queue: Promise<unknown> = Promise.resolve();
  private pending: Promise<PatchedPersonIndex> | undefined;
  private rebuilding = false;

  constructor(
    private readonly reader: PersonSourceReader,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() @Inject(SOUGHT_PERSON_INDEX_OPTIONS) options: Partial<SoughtPersonIndexOptions> = {},
  ) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
  }

  onApplicationBootstrap(): void {
    // Built ahead of the first check; that check waits for it if it comes first.
    this.current().catch((error: unknown) => this.logger.error(`person index not built: ${String(error)}`));
  }

  /** The index with every change committed before this call applied. */
  current(): Promise<PatchedPersonIndex> {
    if (this.pending) return this.pending;
    const pending = this.queue.then(() => {
      this.pending = undefined;
      return this.refreshed();
    });
    this.pending = pending;
    this.queue = pending.catch(() => undefined);
    return pending;
  }

  private async refreshed(): Promise<PatchedPersonIndex> {
    for (;;) {
      const index = (this.index ??= await this.build());
      const changes = await this.reader.changesFrom(index.seq, this.options.batch + 1);
      // The triggers prune all but the latest changes: if the next one is gone, patching cannot catch up.
      if (changes.length > 0 && changes[0].seq > index.seq + 1) {
        this.logger.warn(`person index ${changes[0].seq - index.seq - 1} changes behind the change log: rebuilding`);
        this.index = undefined;
        continue;
      }
      const fresh = changes.filter((change) => change.seq > index.seq).slice(0, this.options.batch);
      if (fresh.length === 0) return index;
      const persons = await this.reader.soughtByRef(fresh, today(this.clock.now()));
      const records = new Map<string, PersonRecord | undefined>();
      for (const { source, reference } of fresh) {
        const key = personKey(source, reference);
        records.set(key, persons.get(key)?.record);
      }
      index.apply(records, fresh[fresh.length - 1].seq);
      if (index.changed > this.options.rebuildAfter) this.rebuildInBackground();
    }
  }

  private async build(): Promise<PatchedPersonIndex> {
    const started = performance.now();
    // The change number first: a row changed while the pages are read is applied again after.
    const seq = await this.reader.latestChange();
    const records: PersonRecord[] = [];
    for await (const page of this.reader.soughtPersons(today(this.clock.now())))
      for (const person of page) records.push(person.record);
    const read = performance.now();
    const index = new PatchedPersonIndex(PersonIndex.build(records), seq);
    this.logger.log(
      `person index: ${records.length} sought persons, read in ${Math.round(read - started)} ms, indexed in ${Math.round(performance.now() - read)} ms`,
    );
    return index;
  }

  private rebuildInBackground(): void {
    if (this.rebuilding) return;
    this.rebuilding = true;
    this.build()
      .then((next) => {
        // Swapped between two refreshes; the next one applies what changed since the snapshot.
        this.queue = this.queue.then(() => {
          this.index = next;
        });
      })
      .catch((error: unknown) => this.logger.error(`person index rebuild failed: ${String(error)}`))
      .finally(() => {
        this.rebuilding = false;
      });
  }
}
