import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { CrisisPlaybook } from '../../../nodes/CrisisPlaybook/CrisisPlaybook.node';
import { fakeExecuteFunctions } from '../../helpers/fakeExecuteFunctions';
import deleteCannot from '../../fixtures/hootsuite/messages.delete.cannotDelete.json';
import deleteOk from '../../fixtures/hootsuite/messages.delete.ok.json';
import listEmpty from '../../fixtures/hootsuite/messages.list.empty.json';
import listPage1 from '../../fixtures/hootsuite/messages.list.page1.json';
import listPage2 from '../../fixtures/hootsuite/messages.list.page2.json';
import postScheduled from '../../fixtures/hootsuite/messages.post.scheduled.json';

const node = new CrisisPlaybook();
const NOW = '2026-03-05T09:00:00.000Z';
const N8N_CRED = { crisisKitN8nApi: { baseUrl: 'http://n8n.test:5678/', apiKey: 'k' } };

interface Call {
	cred: string | null;
	method: string;
	url: string;
	qs?: IDataObject;
	body?: IDataObject;
}

/** An HTTP error as n8n's helpers throw it (NodeApiError-like: httpCode + the response). */
function httpError(status: number, data: unknown): Error {
	return Object.assign(new Error(`Request failed with status code ${status}`), { httpCode: String(status), response: { status, data } });
}

function fakeN8n(workflows: IDataObject[], opts: { unpublish404?: boolean; failIds?: string[] } = {}) {
	const calls: Call[] = [];
	const state = new Map(workflows.map((w) => [String(w.id), { ...w }]));
	const http = (cred: string | null, r: IHttpRequestOptions): unknown => {
		const url = r.url;
		calls.push({ cred, method: r.method ?? 'GET', url, qs: r.qs as IDataObject, body: r.body as IDataObject });
		const m = /\/api\/v1\/workflows(?:\/(\w+)\/(\w+))?$/.exec(url);
		if (!m) throw httpError(404, { message: 'not found' });
		if (!m[1]) {
			const tag = String(r.qs?.tags);
			const data = [...state.values()].filter((w) => (w.tags as IDataObject[]).some((t) => t.name === tag) && w.active);
			return { data, nextCursor: null };
		}
		const wf = state.get(m[1]);
		if (!wf) throw httpError(404, { message: 'Not Found' });
		if (opts.failIds?.includes(m[1])) throw httpError(409, { message: 'webhook path conflict' });
		if (opts.unpublish404 && (m[2] === 'unpublish' || m[2] === 'publish')) throw httpError(404, { message: 'Cannot POST' });
		if (m[2] === 'unpublish' || m[2] === 'deactivate') wf.active = false;
		if (m[2] === 'publish' || m[2] === 'activate') wf.active = true;
		return wf;
	};
	return { calls, state, http };
}

const wf = (id: string, tags: string[], active = true): IDataObject => ({ id, name: `wf ${id}`, active, activeVersionId: `v-${id}`, versionId: `draft-${id}`, tags: tags.map((name) => ({ name })) });

const pauseParams = (extra: Record<string, unknown> = {}) => ({
	operation: 'pausePublishing',
	incidentId: 'inc-1',
	targets: ['n8nWorkflows'],
	tag: 'crisis-kit-publishing',
	pauseOptions: { now: NOW },
	...extra,
});
const resumeParams = (extra: Record<string, unknown> = {}) => ({
	operation: 'resumePublishing',
	incidentId: 'inc-1',
	targets: ['n8nWorkflows'],
	pauseRecord: '',
	resumeOptions: { now: '2026-03-05T12:00:00.000Z' },
	...extra,
});

describe('Crisis Playbook › Pause / Resume Publishing: n8n workflows', () => {
	it('unpublishes exactly the tagged published workflows (never itself), keeps the record, and resumes the live versions', async () => {
		const api = fakeN8n([wf('a', ['crisis-kit-publishing']), wf('b', ['crisis-kit-publishing', 'x']), wf('self', ['crisis-kit-publishing']), wf('u', [])]);
		const staticData: Record<string, unknown> = {};
		const ctx = fakeExecuteFunctions({ parameters: pauseParams(), http: api.http, credentials: N8N_CRED, staticData, workflowId: 'self' });
		const [[paused]] = await node.execute.call(ctx);
		expect(paused.json).toMatchObject({ status: 'paused', pausedCount: 2, couldNotPause: [] });
		expect((paused.json.paused as IDataObject[]).map((p) => p.id)).toEqual(['a', 'b']);
		expect(paused.pairedItem).toEqual({ item: 0 });
		expect(api.state.get('u')?.active).toBe(true);
		expect(api.state.get('self')?.active).toBe(true);
		expect(api.calls[0]).toMatchObject({ cred: 'crisisKitN8nApi', method: 'GET', url: 'http://n8n.test:5678/api/v1/workflows', qs: { tags: 'crisis-kit-publishing', active: 'true', limit: 250 } });
		expect(api.calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual([
			'http://n8n.test:5678/api/v1/workflows/a/unpublish',
			'http://n8n.test:5678/api/v1/workflows/b/unpublish',
		]);
		const record = paused.json.pauseRecord as IDataObject;
		expect(record).toMatchObject({ incidentId: 'inc-1', pausedAt: NOW, n8n: { tag: 'crisis-kit-publishing' } });
		expect((staticData.crisisKitPauses as IDataObject)['inc-1']).toEqual(record);

		// Second pause: a no-op.
		const again = await node.execute.call(fakeExecuteFunctions({ parameters: pauseParams(), http: api.http, credentials: N8N_CRED, staticData }));
		expect(again[0][0].json).toMatchObject({ status: 'alreadyPaused', pausedCount: 0 });
		expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(2);

		// Resume from static data: publish with the saved version.
		const [[resumed]] = await node.execute.call(fakeExecuteFunctions({ parameters: resumeParams(), http: api.http, credentials: N8N_CRED, staticData }));
		expect(resumed.json).toMatchObject({ status: 'resumed', resumedCount: 2, remainingRecord: null });
		expect(api.calls.filter((c) => c.url.endsWith('/publish')).map((c) => [c.url.split('/').slice(-2)[0], c.body])).toEqual([
			['a', { versionId: 'v-a' }],
			['b', { versionId: 'v-b' }],
		]);
		expect(api.state.get('a')?.active).toBe(true);
		expect((staticData.crisisKitPauses as IDataObject)['inc-1']).toBeUndefined();

		// Resume again: nothing was paused.
		await expect(node.execute.call(fakeExecuteFunctions({ parameters: resumeParams(), http: api.http, credentials: N8N_CRED, staticData }))).rejects.toThrow(
			'Nothing was paused for incident "inc-1"',
		);
	});

	it('falls back to /deactivate and /activate on n8n before 2.33, and resumes from a record given as input', async () => {
		const api = fakeN8n([wf('a', ['crisis-kit-publishing'])], { unpublish404: true });
		const [[paused]] = await node.execute.call(fakeExecuteFunctions({ parameters: pauseParams(), http: api.http, credentials: N8N_CRED }));
		expect(api.calls.map((c) => c.url.split('/').pop())).toEqual(['workflows', 'unpublish', 'deactivate']);
		const record = paused.json.pauseRecord as IDataObject;
		const [[resumed]] = await node.execute.call(
			fakeExecuteFunctions({ parameters: resumeParams({ pauseRecord: JSON.stringify(record) }), http: api.http, credentials: N8N_CRED, staticData: {} }),
		);
		expect(resumed.json.status).toBe('resumed');
		expect(api.calls.map((c) => c.url.split('/').pop()).slice(-2)).toEqual(['publish', 'activate']);
	});

	it('reports what could not be paused and why, and keeps it out of the record', async () => {
		const api = fakeN8n([wf('a', ['crisis-kit-publishing']), wf('b', ['crisis-kit-publishing'])], { failIds: ['b'] });
		const [[out]] = await node.execute.call(fakeExecuteFunctions({ parameters: pauseParams(), http: api.http, credentials: N8N_CRED }));
		expect(out.json.status).toBe('partial');
		expect(out.json.couldNotPause).toEqual([{ target: 'n8nWorkflows', id: 'b', name: 'wf b', reason: expect.stringMatching(/unpublish failed \(409\)/) }]);
		expect(((out.json.pauseRecord as IDataObject).n8n as IDataObject).workflows).toHaveLength(1);
		expect((out.json.summary as string[])[1]).toMatch(/^Not paused: n8nWorkflows wf b \(b\)/);
	});

	it('refuses a bad key with a NodeApiError, and a record of another incident', async () => {
		const http = () => {
			throw httpError(401, { message: 'unauthorized' });
		};
		await expect(node.execute.call(fakeExecuteFunctions({ parameters: pauseParams(), http, credentials: N8N_CRED }))).rejects.toThrow('The n8n API refused the key (401)');
		const record = { incidentId: 'other', pausedAt: NOW, targets: ['n8nWorkflows'] };
		await expect(node.execute.call(fakeExecuteFunctions({ parameters: resumeParams({ pauseRecord: record }), http, credentials: N8N_CRED }))).rejects.toThrow(
			'The pause record is for incident "other", not "inc-1"',
		);
	});

	it('emits error items with Continue On Fail', async () => {
		const items = [{ json: {} }, { json: {} }];
		const ctx = fakeExecuteFunctions({ parameters: [resumeParams({ incidentId: 'x' }), resumeParams({ incidentId: 'y' })], items, continueOnFail: true, http: () => ({}), credentials: N8N_CRED });
		const [out] = await node.execute.call(ctx);
		expect(out).toEqual([
			{ json: { error: 'Nothing was paused for incident "x"', errorDescription: expect.stringMatching(/pauseRecord/) }, pairedItem: { item: 0 } },
			{ json: { error: 'Nothing was paused for incident "y"', errorDescription: expect.stringMatching(/pauseRecord/) }, pairedItem: { item: 1 } },
		]);
	});
});

describe('Crisis Playbook › Pause / Resume Publishing: Hootsuite (replayed shapes)', () => {
	function fakeHootsuite(deleteAnswer: (id: string) => unknown) {
		const calls: Call[] = [];
		let created = 0;
		const http = (cred: string | null, r: IHttpRequestOptions): unknown => {
			calls.push({ cred, method: r.method ?? 'GET', url: r.url, body: r.body as IDataObject });
			if (r.method === 'GET') {
				const cursor = /cursor=([^&]+)/.exec(r.url);
				if (!r.url.includes('state=SCHEDULED') || !r.url.includes('startTime=2026-03-05T09%3A00%3A00Z')) return listEmpty;
				return cursor ? listPage2 : listPage1;
			}
			if (r.method === 'DELETE') return deleteAnswer(r.url.split('/').pop() as string);
			created++;
			const answer = JSON.parse(JSON.stringify(postScheduled)) as { data: IDataObject[] };
			answer.data[0].id = `new-${created}`;
			return answer;
		};
		return { calls, http };
	}

	it('lists scheduled messages in 4-week windows, keeps full copies, deletes them, and flags the one due within a minute', async () => {
		const api = fakeHootsuite(() => deleteOk);
		const staticData: Record<string, unknown> = {};
		const params = pauseParams({ targets: ['hootsuite'], socialProfileIds: '120732387, 120732388', lookAheadDays: 56, includePendingApproval: false });
		const [[out]] = await node.execute.call(fakeExecuteFunctions({ parameters: params, http: api.http, staticData }));
		const gets = api.calls.filter((c) => c.method === 'GET').map((c) => c.url);
		expect(gets[0]).toBe(
			'https://platform.hootsuite.com/v1/messages?startTime=2026-03-05T09%3A00%3A00Z&endTime=2026-04-02T09%3A00%3A00Z&state=SCHEDULED&socialProfileIds=120732387&socialProfileIds=120732388&limit=100',
		);
		expect(gets[1]).toContain('cursor=1772712000000%3A4950336491%3A0');
		expect(gets[2]).toContain('startTime=2026-04-02T09%3A00%3A00Z&endTime=2026-04-30T09%3A00%3A00Z');
		expect(api.calls.every((c) => c.cred === 'hootsuiteOAuth2Api')).toBe(true);
		expect(api.calls.filter((c) => c.method === 'DELETE').map((c) => c.url.split('/').pop())).toEqual(['4950336490', '4950336491', '4950336492']);
		expect(out.json).toMatchObject({ status: 'paused', pausedCount: 3 });
		expect(out.json.mayStillGoOut).toEqual([expect.objectContaining({ id: '4950336490', reason: expect.stringMatching(/due within a minute/) })]);
		const copies = ((out.json.pauseRecord as IDataObject).hootsuite as IDataObject).messages as IDataObject[];
		expect(copies[1]).toEqual(listPage1.data[1]);

		// Resume 2 hours later: the 09:00:30 message is past due → returned for review; the others re-created at their time.
		const [[resumed]] = await node.execute.call(
			fakeExecuteFunctions({ parameters: resumeParams({ targets: ['hootsuite'], resumeOptions: { now: '2026-03-05T11:00:00.000Z' } }), http: api.http, staticData }),
		);
		const posts = api.calls.filter((c) => c.method === 'POST');
		expect(posts.map((c) => c.body)).toEqual([
			{ socialProfileIds: ['120732387'], scheduledSendTime: '2026-03-05T12:00:00Z', text: 'Tips: how to set up instant transfers', tags: ['tips'], mediaUrls: [{ url: 'https://ow.ly/abc' }] },
			{ socialProfileIds: ['120732388'], scheduledSendTime: '2026-03-06T08:00:00Z', text: 'Webinar on Thursday: budgeting for freelancers' },
		]);
		expect(resumed.json).toMatchObject({ status: 'resumed', resumedCount: 2 });
		expect((resumed.json.resumed as IDataObject[]).map((r) => r.newId)).toEqual(['new-1', 'new-2']);
		expect(resumed.json.needsReview).toEqual([expect.objectContaining({ id: '4950336490', copy: listPage1.data[0] })]);
	});

	it('spreads past-due messages out from now instead of a backlog burst, when asked', async () => {
		const api = fakeHootsuite(() => deleteOk);
		const staticData: Record<string, unknown> = {};
		await node.execute.call(fakeExecuteFunctions({ parameters: pauseParams({ targets: ['hootsuite'], lookAheadDays: 7 }), http: api.http, staticData }));
		await node.execute.call(
			fakeExecuteFunctions({
				parameters: resumeParams({ targets: ['hootsuite'], resumeOptions: { now: '2026-03-06T09:00:00.000Z', pastDue: 'spread', spacingMinutes: 30, minLeadMinutes: 10 } }),
				http: api.http,
				staticData,
			}),
		);
		expect(api.calls.filter((c) => c.method === 'POST').map((c) => c.body?.scheduledSendTime)).toEqual(['2026-03-06T09:10:00Z', '2026-03-06T09:40:00Z', '2026-03-06T10:10:00Z']);
	});

	it('reports messages Hootsuite refuses to delete (40003) as not paused and still going out', async () => {
		const api = fakeHootsuite((id) => {
			if (id === '4950336491') throw httpError(400, deleteCannot);
			return deleteOk;
		});
		const [[out]] = await node.execute.call(fakeExecuteFunctions({ parameters: pauseParams({ targets: ['hootsuite'], lookAheadDays: 7 }), http: api.http }));
		expect(out.json.status).toBe('partial');
		expect(out.json.couldNotPause).toEqual([expect.objectContaining({ id: '4950336491', reason: 'Hootsuite says it cannot be deleted in its current state (40003)' })]);
		expect((out.json.mayStillGoOut as IDataObject[]).map((m) => m.id)).toEqual(['4950336490', '4950336491']);
	});
});

describe('Crisis Playbook › Pause / Resume Publishing: scheduler webhook', () => {
	it('posts pause and resume to the URL, with the header credential when chosen', async () => {
		const calls: Call[] = [];
		const http = (cred: string | null, r: IHttpRequestOptions) => {
			calls.push({ cred, method: r.method ?? 'GET', url: r.url, body: r.body as IDataObject });
			return { statusCode: 200, body: { paused: 4 } };
		};
		const staticData: Record<string, unknown> = {};
		const params = { webhookUrl: 'https://scheduler.test/hooks/crisis', webhookAuthentication: 'headerAuth', targets: ['webhook'] };
		const [[out]] = await node.execute.call(fakeExecuteFunctions({ parameters: pauseParams(params), http, staticData }));
		expect(out.json).toMatchObject({ status: 'paused', paused: [{ target: 'webhook', response: { paused: 4 } }] });
		await node.execute.call(fakeExecuteFunctions({ parameters: resumeParams(params), http, staticData }));
		expect(calls).toEqual([
			{ cred: 'crisisKitWebhookApi', method: 'POST', url: 'https://scheduler.test/hooks/crisis', body: { action: 'pause', incidentId: 'inc-1', at: NOW } },
			{ cred: 'crisisKitWebhookApi', method: 'POST', url: 'https://scheduler.test/hooks/crisis', body: { action: 'resume', incidentId: 'inc-1', at: '2026-03-05T12:00:00.000Z', pausedAt: NOW } },
		]);
	});

	it('without authentication uses a plain request; a failing scheduler is reported, and no record is kept', async () => {
		const calls: Array<string | null> = [];
		const http = (cred: string | null) => {
			calls.push(cred);
			throw httpError(503, 'down');
		};
		const staticData: Record<string, unknown> = {};
		const [[out]] = await node.execute.call(
			fakeExecuteFunctions({ parameters: pauseParams({ targets: ['webhook'], webhookUrl: 'https://scheduler.test/x', webhookAuthentication: 'none' }), http, staticData }),
		);
		expect(calls).toEqual([null]);
		expect(out.json).toMatchObject({ status: 'failed', pauseRecord: null, couldNotPause: [expect.objectContaining({ reason: expect.stringMatching(/503/) })] });
		expect(out.json.mayStillGoOut).toEqual([expect.objectContaining({ reason: 'the scheduler was not told to pause' })]);
		expect(staticData.crisisKitPauses).toBeUndefined();
	});
});
