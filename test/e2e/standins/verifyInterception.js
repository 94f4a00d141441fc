'use strict';
/**
 * Proves the proxy recipe with n8n's own code: a child process on n8n's Node runs the HTTPS agent
 * n8n 2.41.1's request helpers use (@n8n/backend-network EnvProxyHttpsAgent, built for proxy
 * 'env'), with only the environment n8n gets (si.env()). It posts to https://slack.com and asks
 * https://example.org: the first must reach the Slack stand-in with Host slack.com over TLS
 * signed by the throwaway CA, the second must be refused by the proxy.
 *
 * Asynchronous on purpose: the proxy lives in this process, so a synchronous spawn would deadlock.
 */
const { execFile } = require('child_process');
const fs = require('fs');
const path = require('path');

function childScript(agentModule) {
	return `
const { EnvProxyHttpsAgent } = require(${JSON.stringify(agentModule)});
const https = require('https');
const agent = new EnvProxyHttpsAgent();
function call(host, path, body) {
	return new Promise((resolve) => {
		const req = https.request({ host, path, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
			let d = '';
			res.on('data', (c) => (d += c));
			res.on('end', () => resolve({ status: res.statusCode, body: d }));
		});
		req.on('error', (e) => resolve({ error: e.message }));
		req.end(body);
	});
}
(async () => {
	const slack = await call('slack.com', '/api/chat.postMessage', JSON.stringify({ channel: 'C0VERIFY01', text: 'interception check' }));
	const other = await call('example.org', '/', '{}');
	process.stdout.write(JSON.stringify({ slack, other }));
})();
`;
}

/**
 * @param {object} si      startStandins() result
 * @param {object} n8n     ensureN8n() result ({ pathEnv, n8nDir })
 * @returns {Promise<string>} a one-line summary; throws when interception does not hold
 */
async function verifyInterception(si, n8n) {
	// By file path: the package's "exports" map hides dist/ from require().
	const candidates = [path.join(n8n.n8nDir, 'node_modules', '@n8n', 'backend-network'), path.join(n8n.n8nDir, 'node_modules', 'n8n', 'node_modules', '@n8n', 'backend-network')];
	const pkgDir = candidates.find((d) => fs.existsSync(path.join(d, 'package.json')));
	if (!pkgDir) throw new Error(`@n8n/backend-network not found under ${n8n.n8nDir}`);
	const agentModule = path.join(pkgDir, 'dist', 'http', 'env-proxy-https-agent.js');
	const before = si.slack.requests.length;
	const out = await new Promise((resolve, reject) =>
		execFile('node', ['-e', childScript(agentModule)], { env: { ...process.env, PATH: n8n.pathEnv, ...si.env() }, encoding: 'utf8', timeout: 30000 }, (e, stdout, stderr) =>
			e ? reject(new Error(`${e.message}\n${stderr}`)) : resolve(stdout),
		),
	);
	const r = JSON.parse(out);
	if (r.slack.status !== 200 || !/"ok":true/.test(r.slack.body)) throw new Error(`slack.com through the proxy: ${JSON.stringify(r.slack)}`);
	const got = si.slack.requests.slice(before).find((q) => q.body && q.body.channel === 'C0VERIFY01');
	if (!got || got.host !== 'slack.com') throw new Error(`the Slack stand-in did not record the call with Host slack.com (${JSON.stringify(got && got.host)})`);
	if (!r.other.error && r.other.status !== 403) throw new Error(`an unrouted host was not refused: ${JSON.stringify(r.other)}`);
	if (!si.proxy.refused.some((e) => e.host === 'example.org')) throw new Error('the proxy did not record the refused host');
	si.slack.requests.splice(si.slack.requests.indexOf(got), 1);
	return `n8n's EnvProxyHttpsAgent (${path.relative(n8n.n8nDir, agentModule)}) → CONNECT slack.com:443 → TLS (throwaway CA) → Slack stand-in; example.org refused`;
}

module.exports = { verifyInterception };
