import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Not, type EntityManager, type Repository } from 'typeorm';
import { PersonSessionEntity } from './person-session.entity';

/** Signed-in browsers (person_session), by the digest of their cookie. */
@Injectable()
export class PersonSessionRepository {
  constructor(@InjectRepository(PersonSessionEntity) private readonly sessions: Repository<PersonSessionEntity>) {}

  findById(id: string): Promise<PersonSessionEntity | null> {
    return this.sessions.findOneBy({ id });
  }

  /** A person's sessions, oldest first. */
  ofPerson(manager: EntityManager, personId: string): Promise<PersonSessionEntity[]> {
    return manager.getRepository(PersonSessionEntity).find({ where: { personId }, order: { createdAt: 'ASC' } });
  }

  async insert(manager: EntityManager, session: PersonSessionEntity): Promise<void> {
    await manager.insert(PersonSessionEntity, session);
  }

  async touch(manager: EntityManager, id: string, lastSeenAt: string): Promise<void> {
    await manager.update(PersonSessionEntity, { id }, { lastSeenAt });
  }

  async delete(manager: EntityManager, ids: readonly string[]): Promise<void> {
    if (ids.length > 0) await manager.delete(PersonSessionEntity, [...ids]);
  }

  /** Closes every session of a person, but the one named (a password change keeps the session that made it). */
  async deleteOfPerson(manager: EntityManager, personId: string, keep?: string): Promise<void> {
    await manager.delete(PersonSessionEntity, keep === undefined ? { personId } : { personId, id: Not(keep) });
  }
}
