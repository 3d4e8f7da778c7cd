import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DiffusionBody } from '@bureaunet/contracts';

/** A diffusion received here (on the hub: the compliance copy) or sent from here. */
@Entity('diffusion')
@Index(['state', 'receivedAt'])
export class DiffusionEntity {
  /** The diffusion envelope id. */
  @PrimaryColumn('varchar')
  id!: string;

  @Column('varchar')
  direction!: 'received' | 'sent';

  @Column('varchar', { name: 'sender' })
  from!: string;

  /** The envelope's addressees ("all" kept as ["all"]). */
  @Column('simple-json')
  recipients!: string[];

  @Column('simple-json')
  body!: DiffusionBody;

  @Column('varchar')
  state!: 'active' | 'withdrawn';

  @Column('varchar')
  receivedAt!: string;

  @Column('varchar', { nullable: true })
  withdrawnAt!: string | null;

  @Column('text', { nullable: true })
  withdrawReason!: string | null;
}
