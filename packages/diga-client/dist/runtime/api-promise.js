/**
* What every operation returns: a promise of the parsed body that also gives access to the HTTP response.
* The request starts when the operation is called; the body is read only when the promise is awaited.
*/
export class ApiPromise extends Promise {
	#raw;
	#parse;
	#parsed;
	constructor(raw, parse) {
		// The executor is unused: `then` delegates to the parsed body, so reading it stays lazy.
		super((resolve) => resolve(undefined));
		this.#raw = raw;
		this.#parse = parse;
	}
	/** Subclass instances from `then`/`catch` are plain promises. */
	static get [Symbol.species]() {
		return Promise;
	}
	/** The raw `Response`, body unread (stream it, or read it as you like). Rejects like the call would for non-2xx. */
	asResponse() {
		// Handed over unread: from here on the caller cancels it through its body stream, not the signal.
		return this.#raw.then((raw) => {
			raw.release();
			return raw.response;
		});
	}
	/** The parsed data together with the `Response` and the request id. */
	async withResponse() {
		const [data, raw] = await Promise.all([this.#parsedBody(), this.#raw]);
		return {
			data,
			response: raw.response,
			requestId: raw.requestId
		};
	}
	#parsedBody() {
		this.#parsed ??= this.#raw.then(this.#parse);
		return this.#parsed;
	}
	then(onFulfilled, onRejected) {
		return this.#parsedBody().then(onFulfilled, onRejected);
	}
	catch(onRejected) {
		return this.#parsedBody().catch(onRejected);
	}
	finally(onFinally) {
		return this.#parsedBody().finally(onFinally);
	}
}
