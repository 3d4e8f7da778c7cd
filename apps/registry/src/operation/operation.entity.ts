import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A police operation: its coordinator alerts its participants between start and end. */
@Entity('operation')
export class OperationEntity {
  /** What envelopes name in meta.operationId. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 2 })
  coordinator!: string;

  /** JSON array of bureau codes. */
  @Column({ type: 'text' })
  participants!: string;

  @Column({ type: 'varchar', length: 30 })
  start!: string;

  @Column({ type: 'varchar', length: 30 })
  end!: string;

  @Column({ type: 'varchar', length: 30 })
  createdAt!: string;

  /** The role of whoever created it. */
  @Column({ type: 'varchar', length: 80 })
  author!: string;

  /** The rules version of its last change. */
  @Column({ type: 'integer' })
  version!: number;
}
