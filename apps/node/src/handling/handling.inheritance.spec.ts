import { inheritHandling } from './handling.inheritance';

const H3 = { code: 'H3' as const, allowTo: ['FR'] };

describe('the handling a forward or reply inherits', () => {
  it('copies the strictest code of what it passes on when none is given, H3 limits included', () => {
    expect(
      inheritHandling(undefined, [
        { id: 'a', handling: { code: 'H1' } },
        { id: 'b', handling: H3 },
      ]),
    ).toEqual(H3);
    expect(inheritHandling(undefined, [{ id: 'a' }])).toBeUndefined();
    expect(inheritHandling(undefined, [{ id: 'a', handling: { code: 'H0' } }])).toBeUndefined();
    expect(inheritHandling(undefined, [])).toBeUndefined();
  });

  it('keeps an equal or stricter code given, and refuses a lower one naming both codes and the envelope', () => {
    expect(inheritHandling({ code: 'H2' }, [{ id: 'a', handling: { code: 'H1' } }])).toEqual({ code: 'H2' });
    expect(inheritHandling({ code: 'H1' }, [])).toEqual({ code: 'H1' });
    expect(() => inheritHandling({ code: 'H0' }, [{ id: 'a', handling: { code: 'H2' } }])).toThrow(
      expect.objectContaining({
        code: 'handling-lowered',
        kind: 'unprocessable',
        message: 'meta.handling H0 is lower than H2 of envelope a it passes on: a forward or reply carries at least H2',
      }),
    );
  });
});
