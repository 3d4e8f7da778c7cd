import { Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import { SignInLinkEntity } from './sign-in-link.entity';

/** One-time sign-in links (sign_in_link), by the digest of their token. Only written and spent in transactions. */
@Injectable()
export class SignInLinkRepository {
  /** Replaces the person's earlier links: one live link per person at most. */
  async replace(manager: EntityManager, link: SignInLinkEntity): Promise<void> {
    await manager.delete(SignInLinkEntity, { personId: link.personId });
    await manager.insert(SignInLinkEntity, link);
  }

  /** Marks the link used, once: the row when this call spent it, undefined when unknown or already used. */
  async spend(manager: EntityManager, digest: string, at: string): Promise<SignInLinkEntity | undefined> {
    const link = await manager.findOneBy(SignInLinkEntity, { digest, usedAt: IsNull() });
    if (!link) return undefined;
    await manager.update(SignInLinkEntity, { digest }, { usedAt: at });
    return link;
  }
}
