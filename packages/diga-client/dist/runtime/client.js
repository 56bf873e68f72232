import { SdkError } from "./errors.js";
const internals = new WeakMap();
/**
* A configured client: pass it to any operation function. Create it with the generated `createClient`.
* It shows only its base URL when printed, logged or serialised; credentials stay inside.
*/
export class Client {
	baseUrl;
	constructor(baseUrl, settings) {
		this.baseUrl = baseUrl;
		internals.set(this, settings);
		Object.freeze(this);
	}
	toString() {
		return `Client(${this.baseUrl})`;
	}
	toJSON() {
		return { baseUrl: this.baseUrl };
	}
}
/**
* `options.baseUrl`, or the spec's server with its `{variables}` filled from `options.serverVariables` and the
* defaults. A relative server URL resolves against the page in a browser.
*/
function resolveBaseUrl(options, defaults) {
	if (options.baseUrl !== undefined) return options.baseUrl;
	if (defaults.baseUrl === undefined) return undefined;
	const variables = {
		...defaults.serverVariables,
		...options.serverVariables
	};
	const url = defaults.baseUrl.replace(/\{([^}]+)\}/g, (match, name) => variables[name] ?? match);
	const page = globalThis.location?.href;
	return /^https?:\/\//i.test(url) || page === undefined ? url : new URL(url, page).href;
}
export function internalsOf(client) {
	const found = internals.get(client);
	if (found === undefined) throw new SdkError("not a client: create one with createClient()");
	return found;
}
/** Builds a {@link Client} from the caller's options and the spec's defaults. Called by the generated `createClient`. */
export function createRuntimeClient(options, defaults) {
	const baseUrl = resolveBaseUrl(options, defaults);
	if (baseUrl === undefined) throw new SdkError("no base URL: the API description names no server, so pass `baseUrl` to createClient");
	if (!/^https?:\/\//i.test(baseUrl)) {
		throw new SdkError(`the base URL must be absolute (https://…), got ${JSON.stringify(baseUrl)}: pass \`baseUrl\` to createClient`);
	}
	const credentials = {};
	for (const name of Object.keys(defaults.credentials)) {
		const scheme = defaults.credentials[name];
		if (scheme !== undefined && options[name] !== undefined) credentials[name] = {
			scheme,
			source: options[name]
		};
	}
	return new Client(baseUrl.replace(/\/+$/, ""), {
		fetch: options.fetch,
		headers: { ...options.headers },
		timeout: options.timeout ?? 6e4,
		maxRetries: options.maxRetries ?? 2,
		validate: options.validate ?? true,
		userAgent: options.userAgent ?? defaults.userAgent,
		hooks: options.hooks ?? {},
		credentials
	});
}
