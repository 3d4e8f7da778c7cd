import { DomainError } from '@bureaunet/contracts';

export interface DiffLine {
  op: 'same' | 'added' | 'removed';
  text: string;
}

/** Cells of the LCS table at most: two ~2,000-line policy sets that differ throughout. */
export const MAX_DIFF_CELLS = 4_000_000;

/**
 * A line diff of two texts (longest common subsequence, after the common head and tail are set
 * aside, so a small change to a long policy set costs little). Refuses, rather than exhausting
 * memory, when the differing middle is too large.
 */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  if ((x.length + 1) * (y.length + 1) > MAX_DIFF_CELLS)
    throw new DomainError(
      'diff-too-large',
      `the versions differ over ${x.length} and ${y.length} lines: more than a line diff here compares`,
    );
  const same = (text: string): DiffLine => ({ op: 'same', text });
  return [...a.slice(0, head).map(same), ...middle(x, y), ...a.slice(a.length - tail).map(same)];
}

function middle(x: string[], y: string[]): DiffLine[] {
  const width = y.length + 1;
  // lcs[i * width + j]: length of the LCS of x[i..] and y[j..].
  const lcs = new Uint32Array((x.length + 1) * width);
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--)
      lcs[i * width + j] =
        x[i] === y[j] ? lcs[(i + 1) * width + j + 1] + 1 : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
  const out: DiffLine[] = [];
  let [i, j] = [0, 0];
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      out.push({ op: 'same', text: x[i++] });
      j++;
    } else if (lcs[(i + 1) * width + j] >= lcs[i * width + j + 1]) out.push({ op: 'removed', text: x[i++] });
    else out.push({ op: 'added', text: y[j++] });
  }
  while (i < x.length) out.push({ op: 'removed', text: x[i++] });
  while (j < y.length) out.push({ op: 'added', text: y[j++] });
  return out;
}
