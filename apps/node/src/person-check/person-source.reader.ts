import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, MoreThanOrEqual, type Repository } from 'typeorm';
import { DiffusionEntity } from '../store/diffusion.entity';
import { NoticeEntity } from '../store/notice.entity';
import { withoutIndex } from '../store/plain-sql';
import { PersonSourceChangeEntity } from '../store/person-source-change.entity';
import {
  CHECKED_NOTICE_TYPES,
  diffusionPerson,
  NOTICE_PERSON_COLUMNS,
  noticePerson,
  type NoticePersonRow,
  personKey,
  type PersonSource,
  type SoughtPerson,
} from './sought-person';

export interface PersonSourceChange {
  seq: number;
  source: PersonSource;
  reference: string;
}

export interface PersonSourceRef {
  source: PersonSource;
  reference: string;
}

/** Rows read at a time, so that a rebuild never holds every notice entity at once. */
const PAGE = 5_000;
/** Bound parameters per IN (…): well under SQLite's limit. */
const IN_CHUNK = 500;

/**
 * What the person checks read of the node's tables (the read connection: committed data only): the
 * change log the triggers keep, the sought persons page by page, and the rows of some references.
 */
@Injectable()
export class PersonSourceReader {
  constructor(
    @InjectRepository(NoticeEntity) private readonly notices: Repository<NoticeEntity>,
    @InjectRepository(DiffusionEntity) private readonly diffusions: Repository<DiffusionEntity>,
    @InjectRepository(PersonSourceChangeEntity) private readonly changes: Repository<PersonSourceChangeEntity>,
  ) {}

  /** The latest change's number, 0 when there has been none. */
  async latestChange(): Promise<number> {
    const [latest] = await this.changes.find({ select: { seq: true }, order: { seq: 'DESC' }, take: 1 });
    return latest?.seq ?? 0;
  }

  /** The changes from `seq` on (inclusive: the caller learns whether `seq` itself is still kept), oldest first. */
  changesFrom(seq: number, limit: number): Promise<PersonSourceChange[]> {
    return this.changes.find({ where: { seq: MoreThanOrEqual(seq) }, order: { seq: 'ASC' }, take: limit });
  }

  /**
   * Every sought person held (sought-person.ts decides which), a page at a time in key order. The
   * unary + keeps SQLite on the primary key: through the (type, state, expiry) index it sorted
   * every matching row for each page (100k notices: 11 s instead of 2.6 s on a loaded machine). Only
   * the columns a person is made of are read (half the time of whole rows).
   */
  async *soughtPersons(today: string): AsyncGenerator<SoughtPerson[]> {
    const plus = withoutIndex(this.notices.manager);
    for (let after = ''; ;) {
      const rows: NoticePersonRow[] = await this.notices
        .createQueryBuilder('notice')
        .select(NOTICE_PERSON_COLUMNS.map((column) => `notice.${column}`))
        .where('notice.number > :after', { after })
        .andWhere(
          `${plus}notice.state = 'active' AND ${plus}notice.expiry >= :today AND ${plus}notice.type IN (:...types)`,
          {
            today,
            types: CHECKED_NOTICE_TYPES,
          },
        )
        .orderBy('notice.number', 'ASC')
        .limit(PAGE)
        .getMany();
      yield present(rows.map((row) => noticePerson(row, today)));
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1].number;
    }
    for (let after = ''; ;) {
      const rows = await this.diffusions
        .createQueryBuilder('diffusion')
        .where('diffusion.id > :after', { after })
        .andWhere(`${plus}diffusion.direction = 'received' AND ${plus}diffusion.state = 'active'`)
        .orderBy('diffusion.id', 'ASC')
        .limit(PAGE)
        .getMany();
      yield present(rows.map(diffusionPerson));
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1].id;
    }
  }

  /** The sought person each reference stands for now, by personKey; none for a row cancelled, lapsed, withdrawn or gone. */
  async soughtByRef(refs: readonly PersonSourceRef[], today: string): Promise<Map<string, SoughtPerson>> {
    const found = new Map<string, SoughtPerson>();
    const numbers = refs.filter((ref) => ref.source === 'notice').map((ref) => ref.reference);
    const ids = refs.filter((ref) => ref.source === 'diffusion').map((ref) => ref.reference);
    for (let at = 0; at < numbers.length; at += IN_CHUNK)
      for (const row of await this.notices.find({
        select: [...NOTICE_PERSON_COLUMNS],
        where: { number: In(numbers.slice(at, at + IN_CHUNK)) },
      })) {
        const person = noticePerson(row, today);
        if (person) found.set(personKey('notice', row.number), person);
      }
    for (let at = 0; at < ids.length; at += IN_CHUNK)
      for (const row of await this.diffusions.findBy({ id: In(ids.slice(at, at + IN_CHUNK)) })) {
        const person = diffusionPerson(row);
        if (person) found.set(personKey('diffusion', row.id), person);
      }
    return found;
  }
}

function present<T>(items: ReadonlyArray<T | undefined>): T[] {
  return items.filter((item): item is T => item !== undefined);
}
