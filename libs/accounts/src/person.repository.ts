import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { PersonEntity } from './person.entity';

/** The people of this service (person). Reads on the read connection; writes with the SerialWriter's manager. */
@Injectable()
export class PersonRepository {
  constructor(@InjectRepository(PersonEntity) private readonly people: Repository<PersonEntity>) {}

  findById(id: string, manager?: EntityManager): Promise<PersonEntity | null> {
    return (manager?.getRepository(PersonEntity) ?? this.people).findOneBy({ id });
  }

  findByUsername(username: string, manager?: EntityManager): Promise<PersonEntity | null> {
    return (manager?.getRepository(PersonEntity) ?? this.people).findOneBy({ username });
  }

  findByOidcSubject(subject: string): Promise<PersonEntity | null> {
    return this.people.findOneBy({ oidcSubject: subject });
  }

  /** Every person, by username (MAX_PEOPLE bounds the list). */
  list(): Promise<PersonEntity[]> {
    return this.people.find({ order: { username: 'ASC' } });
  }

  count(manager: EntityManager): Promise<number> {
    return manager.getRepository(PersonEntity).count();
  }

  async insert(manager: EntityManager, person: PersonEntity): Promise<void> {
    await manager.insert(PersonEntity, person);
  }

  async update(manager: EntityManager, id: string, changes: Partial<PersonEntity>): Promise<void> {
    await manager.update(PersonEntity, { id }, changes);
  }
}
