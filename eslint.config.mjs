// @ts-check
import { readdirSync } from 'node:fs';
import eslint from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/**
 * The folders of src/, lowest first. A folder imports only from the folders before it, type-only imports
 * included; the app's own files (src/*.ts: the app module, its setup, the exception filter, the entity list,
 * main) from any folder; src/cli/ from anything. So no two folders depend on each other, directly or through
 * others. A new folder must be placed here (the config refuses to load otherwise); a folder that needs one
 * placed after it either moves below it, or shows the cycle that the import would close.
 */
const LAYERS = [
  'config',
  'common',
  'database',
  'observability',
  'limits',
  'auth',
  'idempotency',
  'leads',
  'webhooks',
  'calls',
  'health',
  'seeds',
  'startup',
];
const APP_FILES = 'src/*.ts';
const CLI = 'cli';

const unplaced = readdirSync(new URL('./src', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && ![...LAYERS, CLI].includes(entry.name))
  .map((entry) => `src/${entry.name}/`);
if (unplaced.length > 0) {
  throw new Error(`eslint.config.mjs: place ${unplaced.join(', ')} in LAYERS (the folders, lowest first)`);
}

const folder = (/** @type {string} */ name) => `src/${name}/**`;

/** Each layer may not import from those above it. */
const layerZones = [...LAYERS, APP_FILES].map((layer, index, layers) => {
  const target = layer === APP_FILES ? APP_FILES : folder(layer);
  const above = [
    ...layers.slice(index + 1).map((name) => (name === APP_FILES ? APP_FILES : folder(name))),
    folder(CLI),
  ];
  return {
    target,
    from: above,
    message: `${target} may not import a folder placed after it in LAYERS (eslint.config.mjs): two folders would depend on each other.`,
  };
});

/** A module uses another through its exported service, never through its repository. */
const repositoryZones = [...LAYERS, CLI].map((name) => ({
  target: [...[...LAYERS, CLI].filter((other) => other !== name).map(folder), APP_FILES],
  from: `src/${name}/**/*.repository.ts`,
  message: `Only src/${name}/ uses its repository: go through the service its module exports.`,
}));

export default tseslint.config(
  { ignores: ['dist/**', 'coverage/**', 'node_modules/**', 'data/**', 'artifacts/**', '**/*.js', '**/*.mjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js'],
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json', '.node'] })],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/explicit-module-boundary-types': 'off',
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
      // No file imports itself back through others (type-only imports, erased at build, aside).
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { basePath: import.meta.dirname, zones: [...layerZones, ...repositoryZones] },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
);
