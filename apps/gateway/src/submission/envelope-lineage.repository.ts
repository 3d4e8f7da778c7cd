import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { sqlStatements } from '@bureaunet/persistence';
import { EnvelopeLineageEntity } from './envelope-lineage.entity';

const COLUMNS = [
  'envelopeId',
  'sender',
  'kind',
  'restrictedTo',
  'digest',
  'deliveredTo',
  'acceptedAt',
  'handlingLevel',
  'handlingOrigin',
  'handlingOwner',
  'handlingAllowTo',
  'handlingExpiresAt',
] as const satisfies ReadonlyArray<keyof EnvelopeLineageEntity>;
// Every accepted envelope but a receipt writes one, every receipt and reply reads one: prepared SQL.
const QUOTED = COLUMNS.map((column) => `"${column}"`).join(', ');
const FIND = `SELECT ${QUOTED} FROM envelope_lineage WHERE "envelopeId" = ?`;
/** Lineage rows kept in memory, the oldest dropped first. */
const RECENT_ROWS = 1_024;
const INSERT = `INSERT INTO envelope_lineage (${QUOTED}) VALUES (${COLUMNS.map(() => '?').join(', ')})`;

@Injectable()
export class EnvelopeLineageRepository {
  private readonly recent = new Map<string, Promise<EnvelopeLineageEntity | null>>();

  constructor(
    @InjectRepository(EnvelopeLineageEntity) private readonly repository: Repository<EnvelopeLineageEntity>,
  ) {}

  /**
   * A lineage row is written once and never changed, so rows found (or being read) are kept: the
   * receipts of a broadcast (195 at once) and their gate all read the one row of the envelope they
   * answer. A miss is not kept, since the row may be committed a moment later.
   */
  find(envelopeId: string): Promise<EnvelopeLineageEntity | null> {
    const known = this.recent.get(envelopeId);
    if (known) return known;
    const read = this.read(envelopeId);
    if (this.recent.size >= RECENT_ROWS) this.recent.delete(this.recent.keys().next().value!);
    this.recent.set(envelopeId, read);
    const forget = () => this.recent.get(envelopeId) === read && this.recent.delete(envelopeId);
    read.then((row) => row ?? forget(), forget);
    return read;
  }

  private async read(envelopeId: string): Promise<EnvelopeLineageEntity | null> {
    const prepared = sqlStatements(this.repository.manager);
    return (await prepared.one<EnvelopeLineageEntity>(FIND, [envelopeId])) ?? null;
  }

  async insert(manager: EntityManager, row: EnvelopeLineageEntity): Promise<void> {
    await sqlStatements(manager).run(
      INSERT,
      COLUMNS.map((column) => row[column]),
    );
  }
}
