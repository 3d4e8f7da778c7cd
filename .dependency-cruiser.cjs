// The nevers of the architecture (docs/architecture.md), checked by `npm run lint`.
// Not anchored at the start: a worktree whose node_modules is a symlink resolves to its real path.
const FRAMEWORK = '(^|/)node_modules/(@nestjs|@nats-io|typeorm|sqlite3|nestjs-)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'apps-are-islands',
      comment: 'An app never imports another app: what they share lives in libs/.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/([^/]+)/', pathNot: '^apps/$1/' },
    },
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'pure-libs-stay-pure',
      comment:
        'contracts, crypto, evidence, oprf, person-match, policy, timestamp, travel-document, witness, the HTTP clients and the pure halves of ledger and activity run without Nest, NATS or TypeORM.',
      severity: 'error',
      from: {
        path: '^libs/(api-clients|contracts|crypto|evidence|oprf|person-match|policy|timestamp|travel-document|witness)/|^libs/ledger/src/(canonical-json|log|merkle)/|^libs/activity/src/[^/]+$',
      },
      to: { path: FRAMEWORK },
    },
    {
      name: 'auditor-trusts-no-storage',
      comment:
        'The auditor trusts no storage: nothing it loads, nor the pure ledger and evidence entries, reaches TypeORM, SQLite, Nest or NATS, even through other modules.',
      severity: 'error',
      from: { path: '^apps/auditor/|^libs/ledger/src/index\\.ts$|^libs/evidence/src/index\\.ts$' },
      to: { path: FRAMEWORK, reachable: true },
    },
    {
      name: 'evaluator-holds-no-index',
      comment:
        'The evaluator holds the POPRF key: whoever holds an index too can enumerate it offline (docs/checks.md). Nothing it loads reaches TypeORM, SQLite or libs/persistence, even through other modules.',
      severity: 'error',
      from: { path: '^apps/evaluator/' },
      to: {
        path: ['(^|/)node_modules/(typeorm|sqlite3|better-sqlite3|pg|@nestjs/typeorm)/', '^libs/persistence/'],
        reachable: true,
      },
    },
    {
      name: 'no-folder-cycles',
      comment: 'Folders of an app form layers: no two folders import each other, even through others.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^apps/[^/]+/src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.(spec|int-spec|e2e-spec|faults-spec)\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
