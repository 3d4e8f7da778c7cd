import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DomainError, type NoticeSubject } from '@bureaunet/contracts';
import { PERSON_MATCH_THRESHOLD, preparePerson, scorePerson, type PreparedPerson } from '@bureaunet/person-match';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { In, type Repository } from 'typeorm';
import { personRef, subjectRecord } from '../person-check/sought-person';
import { SoughtPersonIndex } from '../person-check/sought-person.index';
import { NoticeRequestEntity } from '../store/notice-request.entity';
import { NoticeEntity } from '../store/notice.entity';
import { today } from '../store/notice.state';
import type { NoticeDuplicateDto } from './notice-duplicate.dto';
import { buildNoticeQuery, noticeView } from './notice-search.service';

/** Duplicates shown beside a request, best first. */
export const NOTICE_DUPLICATE_LIMIT = 20;
/** Candidates read from each source before scoring: a common name must not read the whole table. */
const CANDIDATES_PER_SOURCE = 200;

/**
 * The notices this node holds that may already be about the person a notice request names, for the
 * reviewer to weigh. Candidates come from the person index (active red, yellow and blue notices:
 * accents, transliterations, phonetics, one typo), from the name index (every type and state: a
 * cancelled or green notice about the same person matters too) and from the document numbers; each
 * is scored again on its row by the same matcher a person check uses.
 */
@Injectable()
export class NoticeDuplicateFinder {
  constructor(
    @InjectRepository(NoticeRequestEntity) private readonly requests: Repository<NoticeRequestEntity>,
    @InjectRepository(NoticeEntity) private readonly notices: Repository<NoticeEntity>,
    private readonly persons: SoughtPersonIndex,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async find(requestId: string): Promise<NoticeDuplicateDto[]> {
    const request = await this.requests.findOneBy({ id: requestId, direction: 'received' });
    if (!request)
      throw new DomainError('request-not-found', `no notice request ${requestId} was received here`, 'not-found');
    // A cancellation request names its notice: there is nothing to find.
    if (request.body.action !== 'publish') return [];
    const subject = request.body.notice.subject;
    const wanted = subjectRecord(request.id, subject);
    if (!wanted) return [];
    const query = preparePerson(wanted);
    const day = today(this.clock.now());
    const rows = await this.notices.findBy({ number: In(await this.candidates(subject, day)) });
    return rows
      .map((row) => scored(query, row))
      .filter((match): match is Scored => match !== undefined && match.score >= PERSON_MATCH_THRESHOLD)
      .sort((a, b) => b.score - a.score || (a.row.number < b.row.number ? -1 : 1))
      .slice(0, NOTICE_DUPLICATE_LIMIT)
      .map(({ row, score, reasons }) => ({ notice: noticeView(row, day), score: rounded(score), reasons }));
  }

  private async candidates(subject: NoticeSubject, day: string): Promise<string[]> {
    const numbers = new Set<string>();
    const index = await this.persons.current();
    const fuzzy = index.search({
      familyName: subject.familyName,
      ...(subject.givenNames && { givenNames: subject.givenNames }),
      ...(subject.dateOfBirth && { dateOfBirth: subject.dateOfBirth }),
    });
    for (const match of fuzzy.slice(0, CANDIDATES_PER_SOURCE)) {
      const ref = personRef(match.id);
      if (ref.source === 'notice') numbers.add(ref.reference);
    }
    const byName = buildNoticeQuery(
      this.notices.createQueryBuilder('notice'),
      { name: subject.familyName, limit: CANDIDATES_PER_SOURCE },
      day,
    );
    for (const row of await byName.getMany()) numbers.add(row.number);
    for (const document of subject.documentNumbers) {
      const byDocument = buildNoticeQuery(
        this.notices.createQueryBuilder('notice'),
        { document, limit: CANDIDATES_PER_SOURCE },
        day,
      );
      for (const row of await byDocument.getMany()) numbers.add(row.number);
    }
    return [...numbers];
  }
}

interface Scored {
  row: NoticeEntity;
  score: number;
  reasons: string[];
}

function scored(query: PreparedPerson, row: NoticeEntity): Scored | undefined {
  const record = subjectRecord(row.number, {
    familyName: row.familyName,
    givenNames: row.givenNames,
    ...(row.dateOfBirth !== null && { dateOfBirth: row.dateOfBirth }),
    ...(row.nationality !== null && { nationality: row.nationality }),
    documentNumbers: row.documentNumbers,
  });
  if (!record) return undefined;
  return { row, ...scorePerson(query, preparePerson(record)) };
}

/** Three decimals: what a reviewer reads; the ranking used the full score. */
function rounded(score: number): number {
  return Math.round(score * 1000) / 1000;
}
