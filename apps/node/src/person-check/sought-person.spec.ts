import { NOTICE_TYPES, type DiffusionBody } from '@bureaunet/contracts';
import type { DiffusionEntity } from '../store/diffusion.entity';
import type { NoticeEntity } from '../store/notice.entity';
import { CHECKED_NOTICE_TYPES, diffusionPerson, noticePerson, personKey, personRef } from './sought-person';

const TODAY = '2026-11-25';

function notice(overrides: Partial<NoticeEntity> = {}): NoticeEntity {
  return {
    number: 'A-1/2026',
    type: 'red',
    owner: 'DK',
    state: 'active',
    familyName: 'Müller',
    givenNames: 'Jörg',
    dateOfBirth: '1979-03-14',
    nationality: 'DE',
    documentNumbers: ['C01-X00 T47'],
    offence: 'armed robbery',
    expiry: '2030-12-31',
    revision: 1,
    envelopeId: 'e1',
    restrictedTo: [],
    recipients: [],
    requestId: null,
    publishedAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    cancelledAt: null,
    cancelReason: null,
    ...overrides,
  };
}

function diffusion(body: Partial<DiffusionBody>, overrides: Partial<DiffusionEntity> = {}): DiffusionEntity {
  return {
    id: '0193a1b2-0000-7000-8000-000000000001',
    direction: 'received',
    from: 'FR',
    recipients: ['MR'],
    body: { title: 'Wanted', details: 'armed robbery in Lyon', documentNumbers: [], ...body },
    state: 'active',
    receivedAt: '2026-11-20T00:00:00.000Z',
    withdrawnAt: null,
    withdrawReason: null,
    reviewState: null,
    reviewedBy: null,
    reviewedAt: null,
    ...overrides,
  };
}

describe('sought persons: which notices and diffusions a person check matches', () => {
  it('checks red, yellow and blue notices; not black, green, orange, purple or special', () => {
    expect([...CHECKED_NOTICE_TYPES].sort()).toEqual(['blue', 'red', 'yellow']);
    for (const type of NOTICE_TYPES)
      expect(noticePerson(notice({ type }), TODAY) !== undefined).toBe(CHECKED_NOTICE_TYPES.includes(type));
  });

  it('maps an active notice to the record the matcher reads and the subject a check answers', () => {
    expect(noticePerson(notice(), TODAY)).toEqual({
      source: 'notice',
      reference: 'A-1/2026',
      owner: 'DK',
      noticeType: 'red',
      subject: { familyName: 'Müller', givenNames: 'Jörg', dateOfBirth: '1979-03-14', nationality: 'DE' },
      record: {
        id: 'notice:A-1/2026',
        familyName: 'Müller',
        givenNames: 'Jörg',
        dateOfBirth: '1979-03-14',
        nationalities: ['DE'],
        documentNumbers: ['C01X00T47'],
      },
    });
  });

  it('never matches a cancelled notice or one past its review-by date', () => {
    expect(noticePerson(notice({ state: 'cancelled' }), TODAY)).toBeUndefined();
    expect(noticePerson(notice({ expiry: '2026-11-24' }), TODAY)).toBeUndefined();
    expect(noticePerson(notice({ expiry: TODAY }), TODAY)).toBeDefined();
  });

  it('leaves out what the matcher would refuse, rather than the person', () => {
    const person = noticePerson(
      notice({
        dateOfBirth: '1980-02-30',
        givenNames: '–',
        nationality: null,
        documentNumbers: ['AB/12', 'ÖX1', 'x 1'],
      }),
      TODAY,
    );
    expect(person?.record).toEqual({
      id: 'notice:A-1/2026',
      familyName: 'Müller',
      givenNames: '',
      documentNumbers: ['X1'],
    });
    // The officer still sees what the record says.
    expect(person?.subject).toEqual({
      familyName: 'Müller',
      givenNames: '–',
      dateOfBirth: '1980-02-30',
      nationality: null,
    });
    // A family name with no letter in any script cannot be matched at all.
    expect(noticePerson(notice({ familyName: '???' }), TODAY)).toBeUndefined();
  });

  it('maps an active received diffusion with a subject, owned by its sender', () => {
    const person = diffusionPerson(
      diffusion({
        subject: { familyName: 'Petrov', givenNames: 'Ivan', dateOfBirth: '1975-04-03', documentNumbers: [] },
      }),
    );
    expect(person).toEqual({
      source: 'diffusion',
      reference: '0193a1b2-0000-7000-8000-000000000001',
      owner: 'FR',
      subject: { familyName: 'Petrov', givenNames: 'Ivan', dateOfBirth: '1975-04-03', nationality: null },
      record: {
        id: 'diffusion:0193a1b2-0000-7000-8000-000000000001',
        familyName: 'Petrov',
        givenNames: 'Ivan',
        dateOfBirth: '1975-04-03',
        documentNumbers: [],
      },
    });
  });

  it('invents no person: a diffusion without a subject or a family name, withdrawn, or sent from here is not checked', () => {
    expect(diffusionPerson(diffusion({}))).toBeUndefined();
    expect(diffusionPerson(diffusion({ subject: { givenNames: 'Ivan', documentNumbers: [] } }))).toBeUndefined();
    const subject = { familyName: 'Petrov', givenNames: '', documentNumbers: [] };
    expect(diffusionPerson(diffusion({ subject }, { state: 'withdrawn' }))).toBeUndefined();
    expect(diffusionPerson(diffusion({ subject }, { direction: 'sent' }))).toBeUndefined();
    expect(diffusionPerson(diffusion({ subject }))).toBeDefined();
  });

  it('keys a row by source and reference, and reads the key back', () => {
    expect(personRef(personKey('notice', 'A-1/2026'))).toEqual({ source: 'notice', reference: 'A-1/2026' });
    expect(personRef(personKey('diffusion', 'a:b'))).toEqual({ source: 'diffusion', reference: 'a:b' });
  });
});
