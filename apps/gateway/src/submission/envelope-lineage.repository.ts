import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { PreparedStatements } from '@bureaunet/persistence';
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
const FIND = `SELECT ${COLUMNS.join(', ')} FROM envelope_lineage WHERE envelopeId = ?`;
const INSERT = `INSERT INTO envelope_lineage (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`;

@Injectable()
export class EnvelopeLineageRepository {
  constructor(
    @InjectRepository(EnvelopeLineageEntity) private readonly repository: Repository<EnvelopeLineageEntity>,
  ) {}

  async find(envelopeId: string): Promise<EnvelopeLineageEntity | null> {
    const prepared = PreparedStatements.of(this.repository.manager.connection);
    return (await prepared.one<EnvelopeLineageEntity>(FIND, [envelopeId])) ?? null;
  }

  async insert(manager: EntityManager, row: EnvelopeLineageEntity): Promise<void> {
    await PreparedStatements.of(manager.connection).run(
      INSERT,
      COLUMNS.map((column) => row[column]),
    );
  }
}
