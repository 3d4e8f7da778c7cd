// typescript-eslint's recommended-type-checked preset, plus the house rules of STYLE.md that the
// compiler does not enforce: no promise left floating or passed where a callback is expected, and
// every case of a union handled. Formatting is Prettier's (npm run lint checks it).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'var/**',
      'coverage/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
      'apps/console/vite.config.mts',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // A leading underscore names what is destructured only to be left out.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The console's unit specs run in Node (jest): their own tsconfig adds Node and Jest types.
    files: ['apps/console/src/**/*.spec.ts'],
    languageOptions: {
      parserOptions: {
        projectService: false,
        project: './apps/console/tsconfig.spec.json',
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    // Jest's asymmetric matchers (expect.any, expect.objectContaining) are typed `any` by design.
    // (.e2e-cases.ts, .browser-cases.ts: cases a spec runs on its network.)
    files: [
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      '**/*.e2e-spec.ts',
      '**/*.e2e-cases.ts',
      '**/*.faults-spec.ts',
      '**/*.browser-spec.ts',
      '**/*.browser-cases.ts',
    ],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
