// Unit and integration specs run in parallel; end-to-end and fault specs spawn the built
// services (npm test builds first).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];
// The ledger has two entries: the pure one (the catch-all below) and its TypeORM storage; the
// platform's stateless one leaves out its storage half.
const moduleNameMapper = {
  '^@bureaunet/ledger/storage$': '<rootDir>/libs/ledger/src/storage',
  '^@bureaunet/activity/server$': '<rootDir>/libs/activity/src/server',
  '^@bureaunet/platform/stateless$': '<rootDir>/libs/platform/src/stateless',
  '^@bureaunet/platform/launch$': '<rootDir>/libs/platform/src/launch',
  '^@bureaunet/testing/database$': '<rootDir>/libs/testing/src/database',
  // A bureau's identity and crypto (the identity library brings Nest): only the suites that forge need it.
  '^@bureaunet/testing/rogue-bureau$': '<rootDir>/libs/testing/src/rogue-bureau',
  '^@bureaunet/(accounts|activity|api-clients|contracts|crypto|directory|evidence|identity|ledger|oprf|persistence|person-match|platform|policy|timestamp|transport|travel-document|witness|testing)$':
    '<rootDir>/libs/$1/src',
};
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)s$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(jose|@noble/curves|@noble/hashes|mrz|openid-client|oauth4webapi)/)'],
  moduleNameMapper,
  globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
};
module.exports = {
  // Global options: Jest ignores these inside a project. The bound only stops a hung test.
  testTimeout: 120000,
  maxWorkers: 2,
  testSequencer: '<rootDir>/test/slow-first.sequencer.js',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    // Against a real SQLite file or a real nats-server (libs/testing).
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
    // A real Chromium (playwright-core) against the built consoles of a real network.
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'] },
    // The fault and attack matrix (npm run test:faults): real network, each test prints a FAULT line.
    { ...common, displayName: 'faults', testMatch: ['<rootDir>/test/faults/**/*.faults-spec.ts'] },
    // The documented procedures (README, docs/), their marked shell blocks run as written against `npm start`'s launcher.
    { ...common, displayName: 'docs', testMatch: ['<rootDir>/test/docs/**/*.docs-spec.ts'] },
  ],
};
