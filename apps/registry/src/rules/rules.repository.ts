import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DeclarationType } from '@bureaunet/contracts';
import { DeclarationEntity } from './declaration.entity';
import { PolicySetEntity } from './policy-set.entity';

/** Policy sets and declarations; every method runs on the manager of a SerialWriter transaction. */
@Injectable()
export class RulesRepository {
  policySetInForce(manager: EntityManager): Promise<PolicySetEntity | null> {
    return manager.findOne(PolicySetEntity, { where: {}, order: { version: 'DESC' } });
  }

  async insertPolicySet(manager: EntityManager, row: PolicySetEntity): Promise<void> {
    await manager.insert(PolicySetEntity, row);
  }

  declarations(manager: EntityManager): Promise<DeclarationEntity[]> {
    return manager.find(DeclarationEntity, { order: { declarer: 'ASC', counterpart: 'ASC', type: 'ASC' } });
  }

  findDeclaration(manager: EntityManager, id: string): Promise<DeclarationEntity | null> {
    return manager.findOneBy(DeclarationEntity, { id });
  }

  findSameDeclaration(
    manager: EntityManager,
    declaration: { declarer: string; counterpart: string; type: DeclarationType },
  ): Promise<DeclarationEntity | null> {
    return manager.findOneBy(DeclarationEntity, {
      declarer: declaration.declarer,
      counterpart: declaration.counterpart,
      type: declaration.type,
    });
  }

  async insertDeclaration(manager: EntityManager, row: DeclarationEntity): Promise<void> {
    await manager.insert(DeclarationEntity, row);
  }

  async deleteDeclaration(manager: EntityManager, id: string): Promise<void> {
    await manager.delete(DeclarationEntity, { id });
  }
}
