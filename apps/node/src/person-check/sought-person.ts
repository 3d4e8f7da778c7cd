import type { NoticeType } from '@bureaunet/contracts';
import { foldName, parseBirthDate, PersonMatchError, type PersonRecord } from '@bureaunet/person-match';
import { normaliseDocumentNumber, TravelDocumentError } from '@bureaunet/travel-document';
import type { DiffusionEntity } from '../store/diffusion.entity';
import type { NoticeEntity } from '../store/notice.entity';

/**
 * The notice types whose subject is a person someone asks to find: red (wanted for arrest), yellow
 * (missing: found at a border, the owner wants to know), blue (whereabouts or identity sought). Not
 * checked: black (an unidentified body), purple (a modus operandi), orange (a threat, often not a
 * person), green (a warning about a person nobody asks to locate) and special (UN sanctions, often
 * an entity): matching them would notify owners who asked for nothing.
 */
export const CHECKED_NOTICE_TYPES: readonly NoticeType[] = ['red', 'yellow', 'blue'];

export type PersonSource = 'notice' | 'diffusion';

/** A person a check can match: the record the matcher scores and where it came from. */
export interface SoughtPerson {
  source: PersonSource;
  /** The notice number or the diffusion id. */
  reference: string;
  /** The bureau to notify of a hit: the notice's owner, the diffusion's sender. */
  owner: string;
  noticeType?: NoticeType;
  /** As the record says it; null when unknown. What a check answers, never what it logs. */
  subject: { familyName: string; givenNames: string; dateOfBirth: string | null; nationality: string | null };
  /** The record as the matcher reads it (id = personKey); the fields it would refuse are left out. */
  record: PersonRecord;
}

/** One key per source row: the id the index files it under. */
export function personKey(source: PersonSource, reference: string): string {
  return `${source}:${reference}`;
}

/** The row a key stands for (references may hold a colon; sources do not). */
export function personRef(key: string): { source: PersonSource; reference: string } {
  const at = key.indexOf(':');
  return { source: key.slice(0, at) as PersonSource, reference: key.slice(at + 1) };
}

/** The notice columns a sought person is made of: a rebuild reads only these. */
export const NOTICE_PERSON_COLUMNS = [
  'number',
  'type',
  'owner',
  'state',
  'expiry',
  'familyName',
  'givenNames',
  'dateOfBirth',
  'nationality',
  'documentNumbers',
] as const satisfies ReadonlyArray<keyof NoticeEntity>;
export type NoticePersonRow = Pick<NoticeEntity, (typeof NOTICE_PERSON_COLUMNS)[number]>;

/** An active notice of a checked type, not past its review-by date (`today`: YYYY-MM-DD); else none. */
export function noticePerson(row: NoticePersonRow, today: string): SoughtPerson | undefined {
  if (row.state !== 'active' || row.expiry < today || !CHECKED_NOTICE_TYPES.includes(row.type)) return undefined;
  return soughtPerson('notice', row.number, row.owner, row.type, {
    familyName: row.familyName,
    givenNames: row.givenNames,
    dateOfBirth: row.dateOfBirth ?? undefined,
    nationality: row.nationality ?? undefined,
    documentNumbers: row.documentNumbers,
  });
}

/**
 * An active received diffusion about a person: its body's subject with a family name. A diffusion
 * has no type saying "wanted"; its subject is the person it is about, and without one (a title and
 * details in free text, document numbers only) there is no structured person to match, so none is
 * guessed from the text. Our own sent diffusions are not checked: we would notify ourselves.
 */
export function diffusionPerson(row: DiffusionEntity): SoughtPerson | undefined {
  const subject = row.body.subject;
  if (row.direction !== 'received' || row.state !== 'active' || !subject?.familyName) return undefined;
  return soughtPerson('diffusion', row.id, row.from, undefined, {
    familyName: subject.familyName,
    givenNames: subject.givenNames ?? '',
    dateOfBirth: subject.dateOfBirth,
    nationality: subject.nationality,
    documentNumbers: subject.documentNumbers ?? [],
  });
}

/** A person as a notice or request states it: what the matcher's record is made from. */
export interface PersonSubject {
  familyName: string;
  givenNames: string;
  dateOfBirth?: string;
  nationality?: string;
  documentNumbers: readonly string[];
}

function soughtPerson(
  source: PersonSource,
  reference: string,
  owner: string,
  noticeType: NoticeType | undefined,
  subject: PersonSubject,
): SoughtPerson | undefined {
  // A name with no letter once transliterated cannot be matched (the matcher refuses it).
  if (!hasLetters(subject.familyName)) return undefined;
  const dateOfBirth =
    subject.dateOfBirth !== undefined && isBirthDate(subject.dateOfBirth) ? subject.dateOfBirth : undefined;
  return {
    source,
    reference,
    owner,
    ...(noticeType !== undefined && { noticeType }),
    subject: {
      familyName: subject.familyName,
      givenNames: subject.givenNames,
      dateOfBirth: subject.dateOfBirth ?? null,
      nationality: subject.nationality ?? null,
    },
    record: {
      id: personKey(source, reference),
      familyName: subject.familyName,
      givenNames: hasLetters(subject.givenNames) ? subject.givenNames : '',
      ...(dateOfBirth !== undefined && { dateOfBirth }),
      ...(subject.nationality !== undefined && { nationalities: [subject.nationality] }),
      documentNumbers: canonicalNumbers(subject.documentNumbers),
    },
  };
}

/**
 * The matcher's record of any notice subject, whatever its type or state (a request under review, a
 * notice it may duplicate); undefined for a family name with no letter.
 */
export function subjectRecord(key: string, subject: PersonSubject): PersonRecord | undefined {
  return soughtPerson('notice', key, '', undefined, subject)?.record;
}

/** A Latin letter is kept by the folding; only a name without one pays for the transliteration. */
function hasLetters(name: string): boolean {
  return /[A-Za-z]/.test(name) || foldName(name).length > 0;
}

/** Notices check only the YYYY-MM-DD shape: 1980-02-30 passes there and would stop the index build. */
function isBirthDate(value: string): boolean {
  try {
    parseBirthDate(value);
    return true;
  } catch (error) {
    if (error instanceof PersonMatchError) return false;
    throw error;
  }
}

/**
 * Notice and diffusion numbers are free text (up to 64 characters, any letter): those the
 * canonical form refuses (a slash, an Ö) can match no checked number, so they are left out.
 */
function canonicalNumbers(numbers: readonly string[]): string[] {
  const canonical = new Set<string>();
  for (const number of numbers) {
    try {
      canonical.add(normaliseDocumentNumber(number));
    } catch (error) {
      if (!(error instanceof TravelDocumentError)) throw error;
    }
  }
  return [...canonical];
}
