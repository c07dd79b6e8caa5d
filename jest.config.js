/** Unit and engine tests. The end-to-end suite (real n8n server) has its own runner: npm run test:e2e. */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/', '<rootDir>/test/queue/'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
	setupFilesAfterEnv: ['<rootDir>/test/engine/setup-env.ts', '<rootDir>/test/helpers/nockPerFile.ts'],
	testTimeout: 30000,
};
