import { RequestValidationError } from "./errors.js";
import { isAbsent, scalarToString, serializeQueryParam } from "./serialize.js";

/** Raw bytes a binary body may be given as. */
export type BinaryBody = Blob | ArrayBuffer | ArrayBufferView | ReadableStream<Uint8Array> | string;

/** Turns a form or multipart body's object into what fetch sends. */
export type BodyEncoder = (value: unknown, spec: BodySpec) => BodyInit;

/** How an operation's request body is encoded; generated from the spec's requestBody. */
export interface BodySpec {
  readonly kind: "json" | "form" | "multipart" | "text" | "binary";
  /** The media type sent; `application/json` when omitted for JSON. */
  readonly mediaType?: string;
  /** The params property that holds the body; `body` when omitted. */
  readonly key?: string;
  readonly required?: boolean;
  /** Per-property encoding of form and multipart bodies. */
  readonly encoding?: Readonly<Record<string, { readonly contentType?: string; readonly style?: string; readonly explode?: boolean }>>;
  /**
   * The encoder of a form or multipart body ({@link formBody}, {@link multipartBody}). Generated code names it, so
   * an application that sends no such body does not bundle it.
   */
  readonly encode?: BodyEncoder;
}

export interface EncodedBody {
  readonly body: BodyInit;
  /** Set unless fetch must choose it (multipart needs fetch's boundary). */
  readonly contentType: string | undefined;
  /** A stream can be sent only once: no retries, no redirects that resend it. */
  readonly replayable: boolean;
}

/** Encodes a request body for fetch, as the spec's media type says. */
export function encodeBody(spec: BodySpec, value: unknown, operation: string): EncodedBody | undefined {
  if (isAbsent(value)) {
    if (spec.required === true) throw new RequestValidationError(`${operation}: the request body "${spec.key ?? "body"}" is required`);
    return undefined;
  }
  switch (spec.kind) {
    case "json":
      return { body: JSON.stringify(value), contentType: spec.mediaType ?? "application/json", replayable: true };
    case "text":
      return { body: String(value), contentType: spec.mediaType ?? "text/plain", replayable: true };
    case "form":
    case "multipart":
      if (spec.encode === undefined) throw new TypeError(`${operation}: a ${spec.kind} body needs an encoder`);
      // Multipart leaves Content-Type to fetch, which adds the boundary.
      return { body: spec.encode(value, spec), contentType: spec.kind === "form" ? "application/x-www-form-urlencoded" : undefined, replayable: true };
    case "binary": {
      const type = spec.mediaType === undefined || spec.mediaType.includes("*") ? (value instanceof Blob && value.type !== "" ? value.type : "application/octet-stream") : spec.mediaType;
      return { body: value as BodyInit, contentType: type, replayable: !(value instanceof ReadableStream) };
    }
  }
}

function entriesOf(value: unknown): [string, unknown][] {
  return typeof value === "object" && value !== null ? Object.entries(value).filter(([, inner]) => !isAbsent(inner)) : [];
}

/** `application/x-www-form-urlencoded`: each property as a form parameter, with its encoding's style. */
export function formBody(value: unknown, spec: BodySpec): string {
  return entriesOf(value)
    .flatMap(([name, inner]) => serializeQueryParam(name, inner, spec.encoding?.[name] ?? {}))
    .join("&")
    .replaceAll("%20", "+");
}

/**
 * `multipart/form-data`: Blobs and Files as file parts, arrays as repeated parts, objects as JSON parts, the rest as
 * text; a property's `encoding.contentType` sets its part's type.
 */
export function multipartBody(value: unknown, spec: BodySpec): FormData {
  const form = new FormData();
  for (const [name, inner] of entriesOf(value)) {
    const contentType = spec.encoding?.[name]?.contentType;
    for (const item of Array.isArray(inner) ? inner : [inner]) {
      if (isAbsent(item)) continue;
      if (item instanceof Blob) form.append(name, item, (item as File).name ?? "blob");
      else if (typeof item === "object" && !(item instanceof Date)) form.append(name, new Blob([JSON.stringify(item)], { type: contentType ?? "application/json" }));
      else if (contentType !== undefined && !contentType.startsWith("text/plain")) form.append(name, new Blob([scalarToString(item)], { type: contentType }));
      else form.append(name, scalarToString(item));
    }
  }
  return form;
}
