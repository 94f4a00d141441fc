'use strict';
/**
 * Ask the crisis kit (AI agent), live: the template as a user has it after its go-live note (an
 * OpenAI credential whose Base URL is the OpenAI stand-in, Settings › live = true with keywords and
 * an English crisis document, get_mentions pointed at Search, the chat made public and the
 * workflow published), asked through n8n's public chat webhook.
 *
 * The OpenAI stand-in is scripted: 1st answer = a tool call to crisis_score, 2nd = a tool call to
 * crisis_playbook, 3rd = a final answer built from the tool result it was sent ("Level: <level>").
 * The crisis_score / crisis_playbook tools run this same workflow's lower half as sub-executions
 * (Mentions › Search on the sources stand-in → Crisis Score → Assess Situation → Plan Response).
 */
const assert = require('assert');
const path = require('path');
const axios = require('axios');

const TEMPLATE = path.join(__dirname, '..', '..', '..', 'workflows', 'ask-crisis-kit.workflow.json');
const QUESTION = 'How bad is it right now and what should we do?';
const LEVELS = ['calm', 'watch', 'alert', 'crisis', 'critical'];

/**
 * The answer a tool message carries: n8n sends the sub-workflow's output items as a JSON array of
 * their json; our tools answer with exactly one item.
 */
function toolJson(message) {
	const text = typeof message.content === 'string' ? message.content : JSON.stringify(message.content);
	let parsed;
	try {
		parsed = JSON.parse(text);
	} catch {
		throw new Error(`tool message is not JSON: ${text.slice(0, 300)}`);
	}
	if (!Array.isArray(parsed) || parsed.length !== 1) throw new Error(`expected one item in the tool message: ${text.slice(0, 300)}`);
	return parsed[0];
}

/** The stand-in's script for this suite (see services.openai). */
const SCRIPT = [
	{ tool: /^crisis_score$/, arguments: {} },
	{ tool: /^crisis_playbook$/, arguments: {} },
	{
		content: (body) => {
			const tools = (body.messages || []).filter((m) => m.role === 'tool');
			const score = toolJson(tools[0]);
			const plan = toolJson(tools[1]);
			const steps = (plan.nextSteps || []).slice(0, 3).map((s) => `- ${s.action} (${s.owner})`);
			return [`Level: ${score.level}.`, `Why: ${(score.reasons || []).join(' ; ')}`, 'Do now:', ...steps].join('\n');
		},
	},
];

module.exports = async function askCrisisKitLive(ctx) {
	const { si, n8nApi, check, CrisisReplay, EXAMPLE_DOCUMENT, server } = ctx;
	const t0 = Date.now();
	si.reset();
	const previousScript = si.openai.script;
	si.openai.script = SCRIPT;
	si.sources.serveReplay(new CrisisReplay({ end: Math.floor(Date.now() / 900000) * 900000, seed: 19 }), { now: () => Date.now() });
	try {
		let cred;
		await check('live ask-crisis-kit: an OpenAI credential whose Base URL is the OpenAI stand-in', async () => {
			cred = await n8nApi.credential('OpenAI (stand-in)', 'openAiApi', { apiKey: 'sk-crisis-kit-stand-in', url: si.openai.baseUrl(), header: false });
		});
		if (!cred) return;
		const wf = JSON.parse(JSON.stringify(require(TEMPLATE)));
		wf.name = 'Ask the crisis kit (live)';
		const node = (n) => wf.nodes.find((x) => x.name === n);
		// Step 1 of the note: the credential on the chat model.
		node('OpenAI-compatible chat model').credentials = { openAiApi: { id: cred.id, name: cred.name } };
		// Step 2: keywords and the crisis document.
		const settings = node('Settings').parameters.assignments.assignments;
		settings.find((a) => a.name === 'keywords').value = 'orvia';
		settings.find((a) => a.name === 'crisisDocument').value = JSON.stringify({ ...EXAMPLE_DOCUMENT, defaultLanguage: 'en' });
		// Step 3: the switch, get_mentions on Search, the chat public.
		const sw = settings.find((a) => a.name === 'live');
		assert.strictEqual(sw.value, false, 'the shipped switch is off');
		sw.value = true;
		const search = node('Mentions (last day)').parameters;
		node('get_mentions').parameters = { ...node('get_mentions').parameters, operation: 'search', sources: search.sources, keywords: 'orvia', timeRange: 'lastDay', returnAll: false };
		delete node('get_mentions').parameters.sampleName;
		const trigger = node('When a chat message arrives');
		trigger.parameters = { ...trigger.parameters, public: true };

		let created;
		await check('live ask-crisis-kit: the workflow is published with its public chat', async () => {
			created = await n8nApi.workflow(wf);
			const activated = await n8nApi.activate(created.id);
			const now = await n8nApi.apiGet(`/workflows/${created.id}`);
			assert.ok(now.active, `not active after activation: ${JSON.stringify(activated).slice(0, 300)}`);
		});
		if (!created) return;
		let answer;
		await check('live ask-crisis-kit: the chat webhook answers the question with the agent\'s final answer', async () => {
			// The production chat URL, as n8n builds it from the stored node (webhookId/chat).
			const stored = created.nodes.find((n) => n.name === trigger.name);
			const url = `${server.base}/webhook/${stored.webhookId ? stored.webhookId : `${created.id}/${encodeURIComponent(trigger.name.toLowerCase())}`}/chat`;
			let r;
			for (let attempt = 0; attempt < 10; attempt++) {
				r = await axios.post(url, { action: 'sendMessage', sessionId: `live-${Date.now()}`, chatInput: QUESTION }, { validateStatus: () => true, proxy: false, timeout: 300000 });
				if (r.status !== 404) break;
				await new Promise((res) => setTimeout(res, 2000));
			}
			assert.strictEqual(r.status, 200, JSON.stringify(r.data).slice(0, 600));
			answer = r.data.output;
			assert.ok(typeof answer === 'string' && answer.length > 0, JSON.stringify(r.data).slice(0, 400));
		});
		const calls = si.openai.completions();
		await check('live ask-crisis-kit: the stand-in was asked three times, each time offered the three tools', async () => {
			assert.strictEqual(calls.length, 3, `${calls.length} chat-completion request(s)`);
			for (const c of calls) {
				const offered = (c.tools || []).map((t) => t.function.name).sort();
				assert.deepStrictEqual(offered, ['crisis_playbook', 'crisis_score', 'get_mentions']);
				const score = c.tools.find((t) => t.function.name === 'crisis_score');
				assert.match(score.function.description, /level \(calm\/watch\/alert\/crisis\/critical\)/);
			}
			assert.ok(calls[0].messages.some((m) => m.role === 'user' && String(m.content).includes(QUESTION)));
			assert.ok(calls[0].messages.some((m) => m.role === 'system' && /crisis_score first/.test(String(m.content))), 'the system message');
			const request = si.openai.requests.find((r) => /chat\/completions$/.test(r.path));
			assert.strictEqual(request.headers.authorization, 'Bearer sk-crisis-kit-stand-in');
		});
		const subExecutions = [];
		await check('live ask-crisis-kit: crisis_score and crisis_playbook ran this workflow\'s lower half on the live search (two sub-executions)', async () => {
			const deadline = Date.now() + 60000;
			for (;;) {
				const all = await n8nApi.executions(created.id);
				subExecutions.splice(0, subExecutions.length, ...all.filter((e) => e.data.resultData.runData['When the agent calls a tool']));
				if (subExecutions.length >= 2 || Date.now() > deadline) break;
				await new Promise((r) => setTimeout(r, 1000));
			}
			assert.strictEqual(subExecutions.length, 2, `${subExecutions.length} sub-execution(s)`);
			for (const e of subExecutions) {
				assert.strictEqual(e.status, 'success');
				const ran = e.data.resultData.runData;
				assert.ok(ran['Mentions (last day)'] && !ran['Mentions (sample)'], 'the live search ran, not the sample');
			}
			assert.ok(si.sources.requests.length >= 2, 'the sources stand-in was searched');
		});
		const ranOut = (e, name) => (e.data.resultData.runData[name] || []).flatMap((r) => (r.data?.main || []).flat().filter(Boolean).map((i) => i.json));
		let level;
		await check('live ask-crisis-kit: the 2nd request carries the Crisis Score result our nodes computed (level, reasons, numbers)', async () => {
			const tools = calls[1].messages.filter((m) => m.role === 'tool');
			assert.strictEqual(tools.length, 1);
			assert.strictEqual(tools[0].tool_call_id, 'call_standin_0');
			const sent = toolJson(tools[0]);
			assert.ok(LEVELS.includes(sent.level), JSON.stringify(sent).slice(0, 300));
			assert.ok(Array.isArray(sent.reasons) && sent.reasons.length > 0);
			assert.ok(sent.numbers && sent.numbers.mentions > 0, JSON.stringify(sent.numbers));
			const scoreRun = subExecutions.find((e) => !e.data.resultData.runData['Plan response']);
			assert.ok(scoreRun, 'a crisis_score sub-execution that stopped before Plan Response');
			const [computed] = ranOut(scoreRun, 'Score answer');
			assert.deepStrictEqual(sent, JSON.parse(JSON.stringify(computed)));
			level = sent.level;
		});
		await check('live ask-crisis-kit: the 3rd request carries both tool results; the playbook one from Plan Response', async () => {
			const tools = calls[2].messages.filter((m) => m.role === 'tool');
			assert.deepStrictEqual(tools.map((t) => t.tool_call_id), ['call_standin_0', 'call_standin_1']);
			const plan = toolJson(tools[1]);
			assert.strictEqual(plan.level, level);
			assert.ok(plan.scenario && plan.nextSteps.length >= 1 && plan.nextSteps.every((s) => s.action && s.owner), JSON.stringify(plan).slice(0, 400));
			const planRun = subExecutions.find((e) => e.data.resultData.runData['Plan response']);
			const [computed] = ranOut(planRun, 'Playbook answer');
			assert.strictEqual(plan.scenario, computed.scenario);
			assert.deepStrictEqual(plan.nextSteps, computed.nextSteps);
		});
		await check('live ask-crisis-kit: the agent\'s final answer names the level the tool returned', () => {
			assert.ok(level, 'no level from the tool');
			assert.ok(answer.startsWith(`Level: ${level}.`), answer.slice(0, 200));
			process.stdout.write(`      agent answer: ${answer.split('\n')[0]} (${calls.length} model calls, 2 tool sub-executions)\n`);
		});
		await n8nApi.deactivate(created.id);
	} finally {
		si.openai.script = previousScript;
		process.stdout.write(`      ask-crisis-kit suite: ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
	}
};
