// One file per long-running service (dist/services/<app>.js), bundled from tsc's output in dist/apps
// (tsc keeps the decorator metadata Nest's injection reads). A service starts from one file instead
// of ~2,400: no module resolution, less to read and parse; about 30% less CPU to its ready line
// (docs/performance.md). Names are kept (TypeORM reads migration and entity class names) and
// identifiers are not mangled, so stack traces stay readable.
//
// Left outside, loaded from node_modules as before: native addons, and packages that read files
// next to themselves (Cedar's WebAssembly, swagger-ui's assets).
const EXTERNAL = [
  /^sqlite3$/,
  /^pg-native$/,
  /^@node-rs\/argon2/,
  /^@cedar-policy\/cedar-wasm/,
  /^swagger-ui-dist/,
  /\.node$/,
];

export const SERVICES = ['registry', 'gateway', 'evaluator', 'node', 'witness'];

export default SERVICES.map((app) => ({
  input: `dist/apps/${app}/src/main.js`,
  platform: 'node',
  external: (id) => EXTERNAL.some((pattern) => pattern.test(id)),
  // Nest's and TypeORM's optional packages (class-validator, kafkajs, mysql…) stay require()s that
  // throw only if reached, as they do unbundled: not worth a warning each.
  checks: { unresolvedImport: false },
  output: {
    file: `dist/services/${app}.js`,
    format: 'cjs',
    codeSplitting: false,
    keepNames: true,
    minify: { compress: true, mangle: false, codegen: { removeWhitespace: true } },
  },
}));
