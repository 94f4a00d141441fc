'use strict';
/**
 * Customers at risk, live on HubSpot: the template with a HubSpot App Token credential and
 * Settings › live = true (the go-live note's steps), run from its manual trigger on the shipped
 * sample, against the HubSpot stand-in whose CRM holds one of the sample's negative authors.
 * Assertions on what HubSpot received: the contact searches, the task for the owner, the note.
 */
const assert = require('assert');
const path = require('path');

const TEMPLATE = path.join(__dirname, '..', '..', '..', 'workflows', 'customers-at-risk.workflow.json');
const CONTACT = { id: '501', properties: { firstname: 'Chloé', lastname: 'Moreau', email: 'chloe.moreau@example.com', twitterhandle: 'chloe_moreau', hubspot_owner_id: '9001' } };

module.exports = async function customersAtRiskLive(ctx) {
	const { si, n8nApi, check } = ctx;
	si.reset();
	si.hubspot.contacts = [CONTACT];
	const wf = JSON.parse(JSON.stringify(require(TEMPLATE)));
	wf.name = 'Customers at risk (live HubSpot)';
	const settings = wf.nodes.find((n) => n.name === 'Settings').parameters.assignments.assignments;
	const sw = settings.find((a) => a.name === 'live');
	assert.strictEqual(sw.value, false, 'the shipped switch is off');
	sw.value = true;
	let cred;
	await check('live customers-at-risk: a HubSpot App Token credential is created', async () => {
		cred = await n8nApi.credential('HubSpot (stand-in)', 'hubspotAppToken', { appToken: 'pat-crisis-kit-stand-in' });
	});
	if (!cred) return;
	for (const n of wf.nodes) {
		if (n.type === 'n8n-nodes-base.hubspot' || (n.type === 'n8n-nodes-base.httpRequest' && n.parameters.nodeCredentialType === 'hubspotAppToken')) {
			n.credentials = { hubspotAppToken: { id: cred.id, name: cred.name } };
		}
	}
	let execution;
	await check('live customers-at-risk: the run on the sample succeeds with Settings › live = true', async () => {
		const created = await n8nApi.workflow(wf);
		const r = await n8nApi.runFromTrigger(created.id, 'Run on the sample');
		assert.ok(r.data && r.data.executionId, `no execution id: ${JSON.stringify(r).slice(0, 300)}`);
		// Poll with retries: listing executions with their data can reset the connection on a loaded machine.
		const deadline = Date.now() + 600000;
		while (!execution) {
			try {
				[execution] = (await n8nApi.executions(created.id)).filter((e) => e.stoppedAt);
			} catch (error) {
				if (Date.now() > deadline) throw error;
			}
			if (!execution && Date.now() > deadline) throw new Error('no finished execution after 600 s');
			if (!execution) await new Promise((r) => setTimeout(r, 2000));
		}
		assert.strictEqual(execution.status, 'success', JSON.stringify(execution.data.resultData.error || {}).slice(0, 800));
	});
	if (!execution) return;
	const out = (name) => (execution.data.resultData.runData[name] || []).flatMap((r) => (r.data?.main?.[0] || []).map((i) => i.json));
	await check('live customers-at-risk: HubSpot was searched once per negative mention, by handle or e-mail', async () => {
		const searches = si.hubspot.requests.filter((r) => r.path === '/crm/v3/objects/contacts/search');
		const negative = out('Negative mentions').length;
		assert.ok(negative >= 20, `${negative} negative mentions`);
		assert.strictEqual(searches.length, negative);
		const groups = searches[0].body.filterGroups;
		assert.deepStrictEqual(groups.map((g) => g.filters[0].propertyName), ['twitterhandle', 'email']);
	});
	await check('live customers-at-risk: the matched customer\'s owner got a task and the contact a note with the mention link', async () => {
		const actions = out('Customer actions');
		assert.ok(actions.length >= 1 && actions.every((a) => a.contactId === '501' && a.ownerId === '9001'), JSON.stringify(actions).slice(0, 400));
		const tasks = si.hubspot.engagements.filter((e) => /task/i.test(e.engagement.type));
		assert.strictEqual(tasks.length, actions.length);
		// What n8n sent (the stand-in's own record keeps only id and type).
		const [sent] = si.hubspot.requests.filter((r) => r.path === '/engagements/v1/engagements');
		const body = JSON.stringify(sent.body);
		assert.deepStrictEqual(sent.body.associations.contactIds.map(String), ['501']);
		assert.ok(body.includes('9001'), `the task is not assigned to the owner 9001: ${body.slice(0, 600)}`);
		assert.ok(sent.body.metadata.subject.startsWith('Client à risque : @chloe_moreau'), sent.body.metadata.subject);
		const notes = si.hubspot.requests.filter((r) => r.path === '/crm/v3/objects/notes');
		assert.strictEqual(notes.length, actions.length);
		// Every note carries the link of one action's mention, each action's link is in a note, and
		// every note is on the contact (n8n may send the notes in another order than its items).
		const linked = notes.map((n) => actions.map((a) => a.url).find((u) => n.body.properties.hs_note_body.includes(u)));
		assert.ok(linked.every(Boolean), 'the note carries the mention link');
		assert.deepStrictEqual([...linked].sort(), actions.map((a) => a.url).sort(), 'each mention link is in one note');
		for (const n of notes) assert.strictEqual(n.body.associations[0].to.id, '501');
	});
	await check('live customers-at-risk: the authors not in HubSpot are counted in the summary', async () => {
		const [s] = out('Summary');
		assert.strictEqual(s.customers, 1);
		assert.strictEqual(s.customerMentions + s.unmatchedMentions, s.negativeMentions);
		process.stdout.write(`      ${s.negativeMentions} negative mentions, ${s.customerMentions} by the HubSpot customer, ${s.unmatchedAuthors} authors not in the CRM\n`);
	});
};
