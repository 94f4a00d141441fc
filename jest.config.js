// JavaScript on purpose: `n8n-node lint` lints every *.ts file under strict community rules.
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json', diagnostics: { warnOnly: false } }];

module.exports = {
	projects: [
		{
			displayName: 'unit',
			testEnvironment: 'node',
			roots: ['<rootDir>/test'],
			testMatch: ['<rootDir>/test/unit/**/*.test.[jt]s'],
			transform: { '^.+\\.ts$': tsJest },
		},
		{
			// Fuzzing tier (issue 15): seeded, deterministic; CK_FUZZ_CASES sets the cases per target.
			displayName: 'fuzz',
			testEnvironment: 'node',
			roots: ['<rootDir>/test'],
			testMatch: ['<rootDir>/test/fuzz/**/*.fuzz.test.js'],
			transform: { '^.+\\.ts$': tsJest },
		},
		{
			displayName: 'workflows',
			testEnvironment: 'node',
			roots: ['<rootDir>/test'],
			testMatch: ['<rootDir>/test/workflows/**/*.test.[jt]s'],
			transform: { '^.+\\.ts$': tsJest },
		},
	],
};
