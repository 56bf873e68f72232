/** The response of a request as it arrived, before its body is read. */
export interface RawResponse {
  readonly response: Response;
  readonly requestId: string | undefined;
  /** Detaches the caller's abort signal, once the body has been read or handed over. */
  readonly release: () => void;
}

/** The parsed data of a call together with the HTTP response it came from. */
export interface WithResponse<T> {
  readonly data: T;
  readonly response: Response;
  readonly requestId: string | undefined;
}

// Types only: records an operation's documented errors on its promise type, for `isApiError(error, operation)`.
declare const errorsOf: unique symbol;

// Declared on an interface merged into the class, where a symbol-named member needs no initializer to be typed.
export interface ApiPromise<T, E = unknown> {
  readonly [errorsOf]?: E;
}

/**
 * What every operation returns: a promise of the parsed body that also gives access to the HTTP response.
 * The request starts when the operation is called; the body is read only when the promise is awaited.
 */
export class ApiPromise<T, E = unknown> extends Promise<T> {
  readonly #raw: Promise<RawResponse>;
  readonly #parse: (raw: RawResponse) => Promise<T>;
  #parsed: Promise<T> | undefined;

  constructor(raw: Promise<RawResponse>, parse: (raw: RawResponse) => Promise<T>) {
    // The executor is unused: `then` delegates to the parsed body, so reading it stays lazy.
    super((resolve) => resolve(undefined as T));
    this.#raw = raw;
    this.#parse = parse;
  }

  /** Subclass instances from `then`/`catch` are plain promises. */
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  /** The raw `Response`, body unread (stream it, or read it as you like). Rejects like the call would for non-2xx. */
  asResponse(): Promise<Response> {
    // Handed over unread: from here on the caller cancels it through its body stream, not the signal.
    return this.#raw.then((raw) => {
      raw.release();
      return raw.response;
    });
  }

  /** The parsed data together with the `Response` and the request id. */
  async withResponse(): Promise<WithResponse<T>> {
    const [data, raw] = await Promise.all([this.#parsedBody(), this.#raw]);
    return { data, response: raw.response, requestId: raw.requestId };
  }

  #parsedBody(): Promise<T> {
    this.#parsed ??= this.#raw.then(this.#parse);
    return this.#parsed;
  }

  override then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#parsedBody().then(onFulfilled, onRejected);
  }

  // `catch` and `finally` are Promise's own: both call `then`, so they too read the body lazily.
}

/** The documented errors of an operation function, e.g. `ErrorOf<typeof listPhones>`. */
export type ErrorOf<TOperation> = TOperation extends (
  ...args: never[]
) => ApiPromise<unknown, infer E>
  ? E
  : never;
