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
			displayName: 'workflows',
			testEnvironment: 'node',
			roots: ['<rootDir>/test'],
			testMatch: ['<rootDir>/test/workflows/**/*.test.[jt]s'],
			transform: { '^.+\\.ts$': tsJest },
		},
	],
};
