import { setHeader } from "./headers.js";
/**
* Sends the first alternative of `security` whose credentials the client has. Operations whose spec asks for no
* security get none, even when the client holds a token.
*/
export async function applyCredentials(settings, security, outgoing) {
	const alternative = security.find((names) => names.every((name) => settings.credentials[name] !== undefined));
	for (const name of alternative ?? []) {
		const credential = settings.credentials[name];
		if (credential === undefined) continue;
		const value = typeof credential.source === "function" ? await credential.source() : credential.source;
		if (value !== undefined && value !== null) credential.scheme(value, outgoing);
	}
}
/** `Authorization: Bearer <token>`. */
export function bearerAuth(value, { headers }) {
	setHeader(headers, "authorization", `Bearer ${String(value)}`);
}
/** HTTP basic authentication from a {@link BasicCredentials} pair. */
export function basicAuth(value, { headers }) {
	const { username, password } = value;
	setHeader(headers, "authorization", `Basic ${base64(`${username}:${password}`)}`);
}
/** An API key in a header (dropped on a redirect to another origin), a query parameter or a cookie. */
export function apiKeyAuth(location, name) {
	return (value, { headers, query, cookies, sensitive }) => {
		const text = String(value);
		if (location === "header") {
			setHeader(headers, name, text);
			sensitive.push(name);
		} else (location === "query" ? query : cookies).push(`${encodeURIComponent(name)}=${encodeURIComponent(text)}`);
	};
}
function base64(text) {
	let binary = "";
	for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
	return btoa(binary);
}
