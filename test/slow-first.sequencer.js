// On a fresh clone Jest has no timings and orders suites by file size, so a short spec that runs
// many `*-cases.ts` files against a network, or a fault spec, could start last and leave one worker
// busy alone at the end. Without timings this runs suites that start real networks first, the
// largest (with the case files they import) before the others; with timings Jest's own order stands.
const { readFileSync, statSync } = require('node:fs');
const { dirname, join } = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

const NETWORK_PROJECTS = new Set(['faults', 'browser', 'docs', 'e2e']);
const CASES_IMPORT = /from '(\.\/[^']+-cases)'/g;

function estimatedSize(path) {
  const source = readFileSync(path, 'utf8');
  let size = source.length;
  for (const [, relative] of source.matchAll(CASES_IMPORT)) {
    try {
      size += statSync(join(dirname(path), `${relative}.ts`)).size;
    } catch {
      // not a file next to it: counted as nothing
    }
  }
  return size;
}

class SlowFirstSequencer extends Sequencer {
  sort(tests) {
    if (tests.some((test) => this.time(test) != null)) return super.sort(tests);
    const network = (test) => NETWORK_PROJECTS.has(test.context.config.displayName?.name);
    const sizes = new Map(tests.map((test) => [test.path, estimatedSize(test.path)]));
    return [...tests].sort((a, b) => {
      if (network(a) !== network(b)) return network(a) ? -1 : 1;
      return sizes.get(b.path) - sizes.get(a.path);
    });
  }
}

module.exports = SlowFirstSequencer;
