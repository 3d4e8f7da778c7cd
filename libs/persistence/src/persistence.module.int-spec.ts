import { Test } from '@nestjs/testing';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { PersistenceModule } from './persistence.module';
import { SerialWriter } from './serial-writer';

@Entity()
class Note {
  @PrimaryColumn() id!: string;
  @Column() text!: string;
}

describe('PersistenceModule', () => {
  it('lets readers see only committed data while a write transaction is open', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bureaunet-persistence-'));
    const module = await Test.createTestingModule({
      imports: [
        PersistenceModule.forRoot({ database: join(dir, 'db.sqlite'), entities: [Note] }),
        TypeOrmModule.forFeature([Note]),
      ],
    }).compile();
    await module.init();
    try {
      const writer = module.get(SerialWriter);
      const reader = module.get<DataSource>(getDataSourceToken());
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let inserted!: () => void;
      const insertedSignal = new Promise<void>((resolve) => (inserted = resolve));

      const write = writer.transaction(async (manager) => {
        await manager.insert(Note, { id: 'a', text: 'half-done' });
        inserted();
        await held;
      });
      await insertedSignal;
      expect(await reader.getRepository(Note).count()).toBe(0);
      release();
      await write;
      expect(await reader.getRepository(Note).findOneBy({ id: 'a' })).toMatchObject({ text: 'half-done' });
    } finally {
      await module.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
