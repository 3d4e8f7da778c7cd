import { noticeNameMatch, noticeNameText } from './notice-name.index';

describe('the name index', () => {
  it('holds the name in NFKC, since unicode61 does not fold compatibility forms', () => {
    expect(noticeNameText({ familyName: 'ﬁlip', givenNames: 'Ｊörg' })).toBe('filip Jörg');
  });

  it.each([
    ['mul jo', '"mul"* "jo"*'],
    ['  Dupont-Lefèvre ', '"Dupont"* "Lefèvre"*'],
    ['Mu\u0308ller', '"Mu\u0308ller"*'.normalize('NFKC')],
    ['o"neil* OR NEAR(x, 2)', '"o"* "neil"* "OR"* "NEAR"* "x"* "2"*'],
    ['name:col ^mul -x +y {a b}', '"name"* "col"* "mul"* "x"* "y"* "a"* "b"*'],
  ])('matches %s as %s: each word a quoted FTS5 string with a prefix star', (name, match) => {
    expect(noticeNameMatch(name)).toBe(match);
  });

  it('has no match for a name without a letter or digit', () => {
    expect(noticeNameMatch('- "*" : ( )')).toBeUndefined();
  });
});
