import { DomainError } from '@bureaunet/contracts';
import { diffLines } from './rules-version.diff';

const render = (before: string, after: string) =>
  diffLines(before, after).map(({ op, text }) => `${op === 'same' ? ' ' : op === 'added' ? '+' : '-'}${text}`);

describe('diffLines', () => {
  it('keeps common lines, and shows removed before added where a line changed', () => {
    expect(render('permit a;\npermit b;\nforbid c;', 'permit a;\npermit B;\nforbid c;\nforbid d;')).toEqual([
      ' permit a;',
      '-permit b;',
      '+permit B;',
      ' forbid c;',
      '+forbid d;',
    ]);
  });

  it('gives only common lines for the same text, and only changes between empty and full', () => {
    expect(render('x\ny', 'x\ny')).toEqual([' x', ' y']);
    expect(render('x', '')).toEqual(['-x', '+']);
  });

  it('finds the longest common subsequence inside the differing middle', () => {
    expect(render('a\nb\nc\nd\ne', 'a\nc\nb\nd\ne')).toEqual([' a', '-b', ' c', '+b', ' d', ' e']);
  });

  it('refuses a middle too large to compare, with a reason', () => {
    const many = (prefix: string) => Array.from({ length: 2100 }, (_, i) => `${prefix}${i}`).join('\n');
    expect(() => diffLines(many('a'), many('b'))).toThrow(DomainError);
    expect(() => diffLines(many('a'), many('b'))).toThrow(/2100 and 2100 lines/);
  });
});
