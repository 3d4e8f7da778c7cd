/**
 * How deep a message body may nest. A body is data an officer reads, never a tree hundreds of
 * levels deep; the bound keeps every later JSON.stringify (SQLite's simple-json column, the HTTP
 * answer) far from the call stack's limit. Shared by the sender's API and the recipient's inbox.
 */
export const MAX_BODY_DEPTH = 64;

/**
 * Whether `value` nests deeper than `maxDepth`: a scalar is depth 0, [] and {} are depth 1, each
 * container inside another adds 1. Iterative, so a hostile 100,000-level value cannot overflow the
 * stack, and it stops at the first path that goes too deep.
 */
export function jsonDepthExceeds(value: unknown, maxDepth: number): boolean {
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    const depth = next.depth + 1;
    if (depth > maxDepth) return true;
    const children = Array.isArray(next.value) ? (next.value as unknown[]) : Object.values(next.value);
    for (const child of children) {
      if (typeof child === 'object' && child !== null) pending.push({ value: child, depth });
    }
  }
  return false;
}
