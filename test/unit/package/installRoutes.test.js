/**
 * The install routes the docs give are the one the e2e tier follows: the manual tarball route
 * (docs/install.md), the Docker image (docs/docker/Dockerfile) and scripts/lib/n8n.js (which
 * `npm start` and the real-n8n tier use to install the packed package) run the same npm command
 * in the same folder, so a route the tests never follow cannot drift into the docs.
 */
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '../../..');
const { INSTALL_ARGS } = require(path.join(ROOT, 'scripts/lib/n8n.js'));
const command = `npm ${INSTALL_ARGS.join(' ')}`;

describe('install routes', () => {
	test('the e2e install command is the documented one (the tarball route in docs/install.md)', () => {
		const doc = fs.readFileSync(path.join(ROOT, 'docs/install.md'), 'utf8');
		expect(doc).toContain(`cd ~/.n8n/nodes && ${command} `);
	});

	test('the Docker image installs with the same command into the same folder', () => {
		const dockerfile = fs.readFileSync(path.join(ROOT, 'docs/docker/Dockerfile'), 'utf8');
		expect(dockerfile).toMatch(/cd \/home\/node\/\.n8n\/nodes/);
		expect(dockerfile.replace(/\\\n\s*&& /g, '&& ')).toContain(`${command} /tmp/crisis-kit.tgz`);
	});

	test('the README points at the install guide and names the tarball route', () => {
		const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
		expect(readme).toContain('docs/install.md');
		expect(readme).toContain(command);
	});
});
