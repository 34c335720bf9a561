// `npm run test:cluster`: several instances of the built service behind a real load balancer (HAProxy) on one
// MySQL database and one Redis. Not part of `npm test`: it needs all three, and takes half a minute.
const path = require('node:path');
const main = require('../../jest.config.js');

const e2e = main.projects.find((project) => project.displayName === 'e2e');

module.exports = {
  rootDir: path.resolve(__dirname, '../..'),
  projects: [
    {
      ...e2e,
      displayName: 'cluster',
      rootDir: path.resolve(__dirname, '../..'),
      testMatch: ['<rootDir>/test/cluster/**/*.cluster-spec.ts'],
      globalSetup: '<rootDir>/test/cluster/global-setup.ts',
    },
  ],
  testTimeout: 120_000,
};
