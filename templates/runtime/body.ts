import { RequestValidationError } from "./errors.js";
import {
  collectionQuery,
  isAbsent,
  scalarToString,
  serializeQueryParam,
  type QueryStyle,
} from "./serialize.js";

/** Raw bytes a binary body may be given as. */
export type BinaryBody = Blob | ArrayBuffer | ArrayBufferView | ReadableStream<Uint8Array> | string;

/**
 * Encodes a request body for fetch; `undefined` when there is none to send. Generated code names the encoder its
 * operation needs ({@link jsonBody}, {@link formBody}…), so an application bundles only the encoders, and the checks
 * they share, of the bodies it sends.
 */
export type BodyEncoder = (
  value: unknown,
  spec: BodySpec,
  operation: BodyOperation,
) => EncodedBody | undefined;

/** The operation a body is sent with, for its checks and messages. */
export interface BodyOperation {
  readonly method: string;
  readonly path: string;
}

/** How an operation's request body is encoded; generated from the spec's requestBody. */
export interface BodySpec {
  readonly encode: BodyEncoder;
  /** The media type sent, when it is not the encoder's default; multipart leaves it to fetch, which adds the boundary. */
  readonly mediaType?: string;
  /** The params property that holds the body; `body` when omitted. */
  readonly key?: string;
  readonly required?: boolean;
  /** Per-property encoding of form and multipart bodies. */
  readonly encoding?: Readonly<
    Record<
      string,
      { readonly contentType?: string; readonly style?: QueryStyle; readonly explode?: boolean }
    >
  >;
}

/**
 * What `fetch` accepts as a body. Spelled through `RequestInit` rather than `BodyInit`, which only the DOM lib
 * declares: apps type-checked for Node alone (lib ES2022, types node) must read these declarations too.
 */
export type SendableBody = NonNullable<RequestInit["body"]>;

export interface EncodedBody {
  readonly body: SendableBody;
  /** Set unless fetch must choose it (multipart needs fetch's boundary). */
  readonly contentType: string | undefined;
  /** A stream can be sent only once: no retries, no redirects that resend it. */
  readonly replayable: boolean;
}

const BODILESS_METHODS = new Set(["GET", "HEAD"]);

/** An encoder of one kind of body, with the checks every body shares. */
function encoder(encode: (value: unknown, spec: BodySpec) => EncodedBody): BodyEncoder {
  return (value, spec, { method, path }) => {
    if (isAbsent(value)) {
      if (spec.required === true)
        throw new RequestValidationError(
          `${method} ${path}: the request body "${spec.key ?? "body"}" is required`,
        );
      return undefined;
    }
    // fetch would reject this with a TypeError that looks like a network failure; it is a mistake in the call.
    if (BODILESS_METHODS.has(method.toUpperCase()))
      throw new RequestValidationError(
        `${method} ${path}: a ${method} request cannot carry a body (fetch refuses to send one)`,
      );
    return encode(value, spec);
  };
}

// Each encoder is built by `encoder`: the annotation tells bundlers the call has no side effects, so an unused one is dropped.
/** JSON, and JSON-based media types such as `application/merge-patch+json`. */
export const jsonBody: BodyEncoder = /* @__PURE__ */ encoder((value, spec) => ({
  body: JSON.stringify(value),
  contentType: spec.mediaType ?? "application/json",
  replayable: true,
}));

export const textBody: BodyEncoder = /* @__PURE__ */ encoder((value, spec) => ({
  body: String(value),
  contentType: spec.mediaType ?? "text/plain",
  replayable: true,
}));

/** Raw bytes; a Blob's own type is kept when the spec allows any type of its range (`audio/*`). */
export const binaryBody: BodyEncoder = /* @__PURE__ */ encoder((value, spec) => {
  const type =
    spec.mediaType === undefined || spec.mediaType.includes("*")
      ? value instanceof Blob && value.type !== ""
        ? value.type
        : "application/octet-stream"
      : spec.mediaType;
  return {
    body: value as SendableBody,
    contentType: type,
    replayable: !(value instanceof ReadableStream),
  };
});

function entriesOf(value: unknown): [string, unknown][] {
  return typeof value === "object" && value !== null
    ? Object.entries(value).filter(([, inner]) => !isAbsent(inner))
    : [];
}

/** `application/x-www-form-urlencoded`: each property as a form parameter, with its encoding's style. */
export const formBody: BodyEncoder = /* @__PURE__ */ encoder((value, spec) => {
  const body = entriesOf(value)
    .flatMap(([name, inner]) =>
      serializeQueryParam(name, inner, { collection: collectionQuery, ...spec.encoding?.[name] }),
    )
    .join("&")
    .replaceAll("%20", "+");
  return {
    body,
    contentType: spec.mediaType ?? "application/x-www-form-urlencoded",
    replayable: true,
  };
});

/**
 * `multipart/form-data`: Blobs and Files as file parts, arrays as repeated parts, objects as JSON parts, the rest as
 * text; a property's `encoding.contentType` sets its part's type.
 */
export const multipartBody: BodyEncoder = /* @__PURE__ */ encoder((value, spec) => {
  const form = new FormData();
  for (const [name, inner] of entriesOf(value)) {
    const contentType = spec.encoding?.[name]?.contentType;
    for (const item of Array.isArray(inner) ? inner : [inner]) {
      if (isAbsent(item)) continue;
      if (item instanceof Blob) form.append(name, item, (item as File).name ?? "blob");
      else if (typeof item === "object" && !(item instanceof Date))
        form.append(
          name,
          new Blob([JSON.stringify(item)], { type: contentType ?? "application/json" }),
        );
      else if (contentType !== undefined && !contentType.startsWith("text/plain"))
        form.append(name, new Blob([scalarToString(item)], { type: contentType }));
      else form.append(name, scalarToString(item));
    }
  }
  // No Content-Type: fetch sets it, with the boundary it chose.
  return { body: form, contentType: undefined, replayable: true };
});
