import type { ICredentialDataDecryptedObject, IExecuteFunctions, IHttpRequestOptions, INode, INodeExecutionData } from 'n8n-workflow';

export interface FakeOptions {
	/** Parameters per item index, or one set for all items. */
	parameters: Record<string, unknown> | Array<Record<string, unknown>>;
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	staticData?: Record<string, unknown>;
	nodeName?: string;
	/** Answers HTTP calls: credential name (null for a plain httpRequest) and the request options. Throw to fail. */
	http?: (credentialName: string | null, request: IHttpRequestOptions) => unknown;
	/** Decrypted credentials returned by getCredentials, by credential name. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	workflowId?: string;
}

/**
 * A fake IExecuteFunctions: enough of n8n's context for node logic tests.
 * getNodeParameter throws on a missing parameter without fallback, like n8n does.
 */
export function fakeExecuteFunctions(options: FakeOptions): IExecuteFunctions {
	const node: INode = {
		id: 'node-1',
		name: options.nodeName ?? 'Node',
		type: 'n8n-nodes-crisis-kit.test',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const items = options.items ?? [{ json: {} }];
	const staticData = options.staticData ?? {};
	const ctx = {
		getNode: () => node,
		getInputData: () => items,
		continueOnFail: () => options.continueOnFail ?? false,
		getWorkflowStaticData: () => staticData,
		getWorkflow: () => ({ id: options.workflowId ?? 'wf-self', name: 'Test workflow', active: false }),
		getCredentials: async (name: string) => {
			const found = options.credentials?.[name];
			if (!found) throw new Error(`Node does not have credentials "${name}"`);
			return found;
		},
		getNodeParameter: (name: string, i: number, fallback?: unknown) => {
			const params = Array.isArray(options.parameters) ? options.parameters[i] : options.parameters;
			if (params && Object.prototype.hasOwnProperty.call(params, name)) return params[name];
			if (fallback !== undefined) return fallback;
			throw new Error(`Could not get parameter "${name}" (item ${i})`);
		},
		helpers: {
			constructExecutionMetaData: (data: INodeExecutionData[], meta: { itemData: { item: number } }) =>
				data.map((d) => ({ ...d, pairedItem: meta.itemData })),
			returnJsonArray: (data: object[]) => data.map((json) => ({ json })),
			httpRequestWithAuthentication: async (credentialName: string, request: IHttpRequestOptions) => {
				if (!options.http) throw new Error('no HTTP handler in this fake context');
				return options.http(credentialName, request);
			},
			httpRequest: async (request: IHttpRequestOptions) => {
				if (!options.http) throw new Error('no HTTP handler in this fake context');
				return options.http(null, request);
			},
		},
	};
	return ctx as unknown as IExecuteFunctions;
}
