// One file per long-running service, bundled from tsc's output in dist/apps (tsc keeps the decorator
// metadata Nest's injection reads): dist/services/<app>.bundle.js, started by dist/services/<app>.js
// with a V8 code cache (libs/platform/src/bundle.start.ts). A service starts from one file instead of
// ~2,400, with what an earlier start compiled: less than half the CPU to its ready line
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

const SERVICES = ['registry', 'gateway', 'evaluator', 'node', 'witness'];

/** dist/services/<app>.js: what operators, the compose file and the tests start. */
function startFile(app) {
  return {
    name: 'bureaunet-start-file',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: `${app}.js`,
        source: [
          `'use strict';`,
          `// Written by npm run build (services.rolldown.config.mjs): runs ${app}.bundle.js with a V8 code cache.`,
          `require('../libs/platform/src/bundle.start.js').startBundle(require('node:path').join(__dirname, '${app}.bundle.js'));`,
          '',
        ].join('\n'),
      });
    },
  };
}

export default SERVICES.map((app) => ({
  input: { [app]: `dist/apps/${app}/src/main.js` },
  platform: 'node',
  external: (id) => EXTERNAL.some((pattern) => pattern.test(id)),
  // Nest's and TypeORM's optional packages (class-validator, kafkajs, mysql…) stay require()s that
  // throw only if reached, as they do unbundled: not worth a warning each.
  checks: { unresolvedImport: false },
  plugins: [startFile(app)],
  output: {
    dir: 'dist/services',
    entryFileNames: '[name].bundle.js',
    format: 'cjs',
    codeSplitting: false,
    keepNames: true,
    minify: { compress: true, mangle: false, codegen: { removeWhitespace: true } },
  },
}));
