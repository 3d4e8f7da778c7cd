import { Inject, Injectable, Logger } from '@nestjs/common';
import type { PersonCheckRequest } from '@bureaunet/contracts';
import {
  PERSON_MATCH_THRESHOLD,
  preparePerson,
  scorePerson,
  type PersonMatch,
  type PersonQuery,
  type PreparedPerson,
} from '@bureaunet/person-match';
import { SerialWriter } from '@bureaunet/persistence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { HitProcedure } from '../hit/hit.procedure';
import { EnvelopeIdGenerator } from '../id/envelope-id.generator';
import { NODE_CONFIG, type NodeConfig } from '../node.config';
import { CheckLogEntity } from '../store/check-log.entity';
import { today } from '../store/notice.state';
import type { HitNotification, PersonCheckDto, PersonMatchDto } from './person-check.dto';
import { PersonSourceReader } from './person-source.reader';
import { personKey, personRef, type SoughtPerson } from './sought-person';
import { SoughtPersonIndex } from './sought-person.index';

/** Matches answered, best first. */
export const PERSON_CHECK_MATCH_LIMIT = 20;
/** Candidates confirmed against their rows at a time (a few are dropped: lapsed since the index saw them). */
const CONFIRM_CHUNK = 32;
/** A hit notification names a place; an officer who named none is reported so. */
export const PLACE_NOT_STATED = 'not stated';

/** CheckLogEntity.matched is `unknown`, which TypeORM's insert type does not accept as is. */
type InsertedCheckLog = QueryDeepPartialEntity<CheckLogEntity>;

interface ConfirmedMatch {
  person: SoughtPerson;
  score: number;
  reasons: string[];
}

interface CheckedMatch {
  source: 'notice' | 'diffusion';
  reference: string;
  score: number;
  hitId?: string;
}

/**
 * A wanted-person check, matched here against the notices and diffusions this node holds: the hub
 * and the owners learn nothing unless there is a hit. Every check leaves one check-log line (who,
 * where, when, the outcome, what matched), never the query's names, date of birth or number; a
 * hit notifies each owner once, for its best match.
 */
@Injectable()
export class PersonCheckService {
  private readonly logger = new Logger(PersonCheckService.name);

  constructor(
    private readonly index: SoughtPersonIndex,
    private readonly reader: PersonSourceReader,
    private readonly hits: HitProcedure,
    private readonly writer: SerialWriter,
    private readonly ids: EnvelopeIdGenerator,
    @Inject(NODE_CONFIG) private readonly config: Pick<NodeConfig, 'code'>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async check(request: PersonCheckRequest, actor: string): Promise<PersonCheckDto> {
    const query = personQuery(request);
    // Refuses a name with no letter once transliterated (400 name-empty) before anything else.
    const prepared = preparePerson(query);
    const checkId = this.ids.next();
    const now = this.clock.now();
    const checkedAt = now.toISOString();
    const candidates = (await this.index.current()).search(query);
    const confirmed = await this.confirm(prepared, candidates, today(now));
    const outcome = confirmed.length > 0 ? 'hit' : 'no-hit';
    const logged: CheckedMatch[] = confirmed.map(({ person, score }) => ({
      source: person.source,
      reference: person.reference,
      score: rounded(score),
    }));
    const line: CheckLogEntity = {
      id: checkId,
      kind: 'person',
      checkedAt,
      actor,
      place: request.place ?? null,
      outcome,
      issuingCountry: null,
      matched: outcome === 'hit' ? logged : null,
      hitId: null,
    };
    // Logged before anyone is notified: a check is on record even if a notification hangs.
    await this.writer.transaction((manager) => manager.insert(CheckLogEntity, line as InsertedCheckLog));
    const matches = confirmed.map(matchView);
    if (outcome === 'no-hit') return { checkId, checkedAt, outcome, matches };

    await this.notifyOwners(matches, { checkId, checkedAt, place: request.place ?? PLACE_NOT_STATED });
    const notified = new Map(matches.filter((match) => match.hitId).map((match) => [match.reference, match.hitId!]));
    if (notified.size > 0)
      await this.writer.transaction((manager) =>
        manager.update(
          CheckLogEntity,
          { id: checkId },
          {
            matched: logged.map((entry) =>
              notified.has(entry.reference) ? { ...entry, hitId: notified.get(entry.reference) } : entry,
            ),
            hitId: matches.find((match) => match.hitId)?.hitId ?? null,
          },
        ),
      );
    return { checkId, checkedAt, outcome, matches };
  }

  /**
   * The best candidates that are still sought now (not cancelled, lapsed or withdrawn since the
   * index saw them), scored again on the row as it is, so that score, reasons and subject agree.
   */
  private async confirm(query: PreparedPerson, candidates: PersonMatch[], day: string): Promise<ConfirmedMatch[]> {
    const confirmed: ConfirmedMatch[] = [];
    for (let at = 0; at < candidates.length && confirmed.length < PERSON_CHECK_MATCH_LIMIT; at += CONFIRM_CHUNK) {
      const chunk = candidates.slice(at, at + CONFIRM_CHUNK);
      const persons = await this.reader.soughtByRef(
        chunk.map((candidate) => personRef(candidate.id)),
        day,
      );
      for (const candidate of chunk) {
        const person = persons.get(candidate.id);
        if (!person) continue;
        const { score, reasons } = scorePerson(query, preparePerson(person.record));
        if (score >= PERSON_MATCH_THRESHOLD) confirmed.push({ person, score, reasons });
      }
    }
    return confirmed
      .sort((a, b) => b.score - a.score || compareKeys(a.person, b.person))
      .slice(0, PERSON_CHECK_MATCH_LIMIT);
  }

  /** Each owner's best match starts a hit procedure there; a failure to start it still answers the hit. */
  private async notifyOwners(
    matches: PersonMatchDto[],
    check: { checkId: string; checkedAt: string; place: string },
  ): Promise<void> {
    const best = new Map<string, PersonMatchDto>();
    for (const match of matches) if (!best.has(match.owner)) best.set(match.owner, match);
    await Promise.all(
      [...best.values()].map(async (match) => {
        if (match.owner === this.config.code) return notified(match, 'own-record');
        try {
          const started = await this.hits.notify({
            ...check,
            owner: match.owner,
            hit: { kind: 'person', reference: match.reference, score: match.score, reasons: match.reasons },
          });
          notified(match, 'sent', started.hitId, started.answerBy);
        } catch (error) {
          // The reference and owner only: the officer's query never reaches a log line.
          this.logger.warn(
            `check ${check.checkId}: hit on ${match.source} ${match.reference} not notified to ${match.owner}: ${String(error)}`,
          );
          notified(match, 'failed');
        }
      }),
    );
  }
}

function personQuery(request: PersonCheckRequest): PersonQuery {
  return {
    familyName: request.familyName,
    ...(request.givenNames !== undefined && { givenNames: request.givenNames }),
    ...(request.dateOfBirth !== undefined && { dateOfBirth: request.dateOfBirth }),
    ...(request.nationality !== undefined && { nationality: request.nationality }),
    ...(request.documentNumber !== undefined && { documentNumber: request.documentNumber }),
  };
}

function matchView({ person, score, reasons }: ConfirmedMatch): PersonMatchDto {
  return {
    source: person.source,
    reference: person.reference,
    owner: person.owner,
    ...(person.noticeType !== undefined && { noticeType: person.noticeType }),
    score: rounded(score),
    reasons,
    subject: { ...person.subject },
  };
}

function notified(
  match: PersonMatchDto,
  notification: HitNotification,
  hitId: string | null = null,
  answerBy: string | null = null,
): void {
  Object.assign(match, notification === 'own-record' ? { notification } : { notification, hitId, answerBy });
}

/** Three decimals: what an officer reads; the ranking used the full score. */
function rounded(score: number): number {
  return Math.round(score * 1000) / 1000;
}

function compareKeys(a: SoughtPerson, b: SoughtPerson): number {
  const [left, right] = [personKey(a.source, a.reference), personKey(b.source, b.reference)];
  return left < right ? -1 : left > right ? 1 : 0;
}
