import { Column, Entity, PrimaryColumn } from 'typeorm';
import { INT64 } from '@bureaunet/persistence';

/**
 * The root of a perfect, aligned subtree: leaves [index * 2^level, (index + 1) * 2^level).
 * Stored once complete, for levels of STORED_NODE_MIN_LEVEL and above only; smaller subtrees are
 * recomputed from at most 255 leaf hashes. Never changes once written.
 */
@Entity('ledger_node')
export class LogNodeEntity {
  @PrimaryColumn({ type: 'integer' })
  level!: number;

  @PrimaryColumn({ name: 'node_index', type: INT64 })
  nodeIndex!: number;

  @Column({ type: 'varchar', length: 64 })
  hash!: string;
}
