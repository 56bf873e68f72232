/** Binds every operation of `operations` to `client`; the resource-style facade is built from these, so it has no logic of its own. */
export function bindOperations(client, operations) {
	const bound = {};
	for (const [key, operation] of Object.entries(operations)) {
		bound[key] = (...args) => operation(client, ...args);
	}
	return bound;
}
