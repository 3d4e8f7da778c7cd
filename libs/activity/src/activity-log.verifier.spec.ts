import { CompactRange } from '@bureaunet/ledger';
// The naive RFC 6962 recursion the ledger's own specs check against.
import { referenceRoot } from '../../ledger/src/merkle/merkle-tree.reference';
import { activityLeafHash, encodeActivityEntry, type ActivityEntry } from './activity-entry';
import { activityExportLine, parseActivityExport, type ActivityExportLine } from './activity-export.line';
import { anchoredHeadOf } from './activity-anchor.head';
import { verifyActivityExport } from './activity-log.verifier';

const lines: ActivityExportLine[] = Array.from({ length: 7 }, (_, seq) => ({
  seq,
  entry: {
    at: new Date(Date.UTC(2026, 11, 1, 10, seq)).toISOString(),
    actor: seq % 2 === 0 ? 'person:ana' : 'role:officer',
    role: 'officer',
    action: 'message.open',
    target: `message-${seq}`,
    outcome: 'done',
  } satisfies ActivityEntry,
}));

function anchorOf(size: number) {
  const range = CompactRange.fromLeafHashes(lines.slice(0, size).map((line) => activityLeafHash(line.entry)));
  return { treeSize: size, rootHash: range.root() };
}

describe('verifyActivityExport', () => {
  it('accepts an export whose first entries give the anchored root, entries after it included', () => {
    const text = lines.map(activityExportLine).join('');
    expect(verifyActivityExport(parseActivityExport(text), anchorOf(5))).toMatchObject({ intact: true, treeSize: 5 });
    expect(verifyActivityExport(lines, anchorOf(7))).toMatchObject({ intact: true });
  });

  it('agrees with the naive reference tree', () => {
    const reference = referenceRoot(lines.map((line) => encodeActivityEntry(line.entry)));
    expect(anchorOf(7).rootHash.equals(reference)).toBe(true);
  });

  it('says a changed, removed or reordered entry was rewritten', () => {
    const changed = lines.map((line) =>
      line.seq === 2 ? { ...line, entry: { ...line.entry, purpose: 'later' } } : line,
    );
    expect(verifyActivityExport(changed, anchorOf(7))).toMatchObject({
      intact: false,
      reason: expect.stringMatching(/rewritten/),
    });
    const removed = lines.filter((line) => line.seq !== 3);
    expect(verifyActivityExport(removed, anchorOf(7))).toMatchObject({
      intact: false,
      reason: 'entry 3 is missing (the export goes on at 4)',
    });
    const swapped = [lines[1], lines[0], ...lines.slice(2)].map((line, seq) => ({ ...line, seq }));
    expect(verifyActivityExport(swapped, anchorOf(7)).intact).toBe(false);
    expect(verifyActivityExport(lines.slice(0, 4), anchorOf(7))).toMatchObject({
      intact: false,
      reason: expect.stringMatching(/holds 4 entries/),
    });
  });

  it('refuses a malformed export line with its number', () => {
    expect(() => parseActivityExport(`${activityExportLine(lines[0])}{"seq":1}\n`)).toThrow(/export line 2/);
    expect(() => parseActivityExport('not json\n')).toThrow(expect.objectContaining({ code: 'bad-activity-export' }));
  });

  it('reads the anchored head from the ledger entry the gateway wrote', () => {
    const { rootHash } = anchorOf(7);
    const head = anchoredHeadOf(
      { type: 'activity-anchor', at: 'x', code: 'FR', treeSize: 7, rootHash: rootHash.toString('base64') },
      12,
    );
    expect(head).toEqual({ code: 'FR', treeSize: 7, rootHash, leafIndex: 12 });
    const registry = {
      type: 'activity-head',
      at: 'x',
      details: { treeSize: 7, rootHash: rootHash.toString('base64') },
    };
    expect(anchoredHeadOf(registry)).toMatchObject({ code: 'registry', treeSize: 7, rootHash });
    expect(() => anchoredHeadOf({ type: 'delivery' })).toThrow(/not an activity anchor/);
  });
});
