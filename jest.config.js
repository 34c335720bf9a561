// Every suite runs in a time zone far from UTC, so that a time written or read in local time fails a test.
process.env.TZ = 'Asia/Kolkata';

// Unit specs sit beside the code (src/**/*.spec.ts); end-to-end suites run the whole app on a real database
// built by the migrations (test/**/*.e2e-spec.ts): SQLite by default, MySQL with TEST_DATABASE=mysql.
const ESM_PACKAGES = [
  '@nestjs',
  'file-type',
  'strtok3',
  'token-types',
  '@tokenizer',
  'uint8array-extras',
  '@borewit',
  'load-esm',
  'jose',
  'oauth4webapi',
  // oidc-provider and the ESM-only packages it loads (got for its outgoing requests among them).
  'oidc-provider',
  'got',
  '@sindresorhus/is',
  '@szmarczak/http-timer',
  'cacheable-lookup',
  'cacheable-request',
  'form-data-encoder',
  'lowercase-keys',
  'mimic-response',
  'nanoid',
  'normalize-url',
  'p-cancelable',
  'quick-lru',
  'responselike',
  // openapi-typescript, for the generated client's drift test: its CommonJS build loads these ESM-only packages.
  'openapi-typescript',
  'change-case',
  'parse-json',
  'index-to-position',
  'supports-color',
];

const common = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': 'ts-jest',
    '^.+\\.m?js$': '<rootDir>/test/support/esm-to-cjs.transformer.js',
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', rootDir: '.', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      rootDir: '.',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
  // A global option: Jest reads it here, not in a project.
  testTimeout: 30000,
};
