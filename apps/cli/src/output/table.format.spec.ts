import { formatFields, formatTable, isoSeconds, terminalSafe } from './table.format';

describe('table format', () => {
  it('aligns columns under their headings, two spaces apart, no trailing blanks', () => {
    const table = formatTable(
      [
        { code: 'DK', state: 'receipted' },
        { code: 'SE', state: 'refused' },
      ],
      [
        { header: 'TO', value: (row) => row.code },
        { header: 'STATE', value: (row) => row.state },
      ],
    );
    expect(table).toBe('TO  STATE\nDK  receipted\nSE  refused\n');
  });

  it('counts characters, not UTF-16 units, so non-Latin text stays aligned', () => {
    const table = formatTable(
      [
        { a: 'مرحبا', b: 'x' },
        { a: '𝔸', b: 'y' },
      ],
      [
        { header: 'A', value: (row) => row.a },
        { header: 'B', value: (row) => row.b },
      ],
    );
    expect(table.split('\n')).toEqual(['A      B', 'مرحبا  x', '𝔸      y', '']);
  });

  it('neutralises terminal escapes and bidi overrides another bureau could put in a subject', () => {
    expect(terminalSafe('ok\u001b[2J\u0007\u202ehidden\r\nnext')).toBe('ok [2J  hidden  next');
  });

  it('cuts long cells with an ellipsis', () => {
    expect(terminalSafe('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('writes instants as ISO 8601 UTC to the second, and leaves what is not a date as it is', () => {
    expect(isoSeconds('2026-12-01T20:41:07.123Z')).toBe('2026-12-01 20:41:07Z');
    expect(isoSeconds('2026-12-01T21:41:07+01:00')).toBe('2026-12-01 20:41:07Z');
    expect(isoSeconds('soon')).toBe('soon');
    expect(isoSeconds(undefined)).toBe('');
  });

  it('aligns label/value fields', () => {
    expect(
      formatFields([
        ['id', '1'],
        ['status', 'accepted'],
      ]),
    ).toBe('id      1\nstatus  accepted\n');
  });
});
