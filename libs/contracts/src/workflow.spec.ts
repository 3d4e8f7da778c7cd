import {
  diffusionBodySchema,
  documentKey,
  noticeBodySchema,
  noticeRequestBodySchema,
  workflowNoteSchema,
} from './workflow';

const draft = {
  type: 'red',
  subject: {
    familyName: 'Müller',
    givenNames: 'Jörg',
    dateOfBirth: '1980-02-29',
    nationality: 'DE',
    documentNumbers: ['C01X00T47'],
  },
  offence: 'armed robbery',
  expiry: '2031-01-01',
};

describe('workflow bodies', () => {
  it('accepts a publish request and fills defaults', () => {
    const parsed = noticeRequestBodySchema.parse({
      action: 'publish',
      notice: { ...draft, subject: { familyName: 'DOE' } },
    });
    expect(parsed).toEqual({
      action: 'publish',
      notice: { ...draft, subject: { familyName: 'DOE', givenNames: '', documentNumbers: [] } },
    });
  });

  it('names the field at fault', () => {
    const checked = noticeRequestBodySchema.safeParse({
      action: 'publish',
      notice: { ...draft, type: 'pink', expiry: '1 Jan' },
    });
    expect(checked.success).toBe(false);
    const paths = checked.success ? [] : checked.error.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['notice.type', 'notice.expiry']));
  });

  it('refuses unknown fields and a cancel without reason', () => {
    expect(noticeRequestBodySchema.safeParse({ action: 'publish', notice: { ...draft, colour: 'red' } }).success).toBe(
      false,
    );
    expect(noticeRequestBodySchema.safeParse({ action: 'cancel', number: 'A-1/2026' }).success).toBe(false);
  });

  it('a notice carries number, owner, revision', () => {
    expect(
      noticeBodySchema.safeParse({
        ...draft,
        number: 'A-1/2026',
        owner: 'DK',
        revision: 1,
        publishedAt: '2026-11-25T10:00:00.000Z',
      }).success,
    ).toBe(true);
    expect(
      noticeBodySchema.safeParse({
        ...draft,
        number: 'A-1/2026',
        owner: 'DK',
        revision: 0,
        publishedAt: '2026-11-25T10:00:00.000Z',
      }).success,
    ).toBe(false);
  });

  it('diffusions and notes', () => {
    expect(diffusionBodySchema.parse({ title: 'Stolen passport', details: 'X1' })).toEqual({
      title: 'Stolen passport',
      details: 'X1',
      documentNumbers: [],
    });
    expect(
      workflowNoteSchema.safeParse({ workflow: 'diffusion-withdrawal', diffusionId: 'x', reason: 'r' }).success,
    ).toBe(true);
    expect(workflowNoteSchema.safeParse({ text: 'hello' }).success).toBe(false);
  });
});

describe('document keys', () => {
  it('document numbers ignore spaces, dashes and case', () => {
    expect(documentKey(' x12-345 67 ')).toBe('X1234567');
  });
});
