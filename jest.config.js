/**
 * One runner for everything: unit specs beside the code (`*.spec.ts`) and end-to-end specs in
 * test/ (`*.e2e-spec.ts`), which start the four apps on a fresh database and Redis prefix.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
  },
];

module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname,
  roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/test'],
  testRegex: '\\.(spec|e2e-spec)\\.ts$',
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^@karmabot/(contracts|domain|persistence|common)(/.*)?$': '<rootDir>/libs/$1/src$2',
  },
  testTimeout: 60_000,
  maxWorkers: 2,
};
