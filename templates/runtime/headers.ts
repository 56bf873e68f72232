import { SdkError } from "./errors.js";

/** Sets a header, refusing values with CR or LF: they would let a value smuggle in further headers. */
export function setHeader(headers: Headers, name: string, value: string): void {
  if (/[\r\n]/.test(value))
    throw new SdkError(`header "${name}" contains a line break, which is not allowed`);
  headers.set(name, value);
}

/**
 * Headers as callers hold them: a `Headers`, `[name, value]` pairs, or a plain object where `undefined` removes a
 * header the client would otherwise send.
 */
export type HeadersOption =
  Headers | readonly (readonly [string, string])[] | Readonly<Record<string, string | undefined>>;

/** The `[name, value]` pairs of any `HeadersOption`, in their order. */
export function headerEntries(headers: HeadersOption | undefined): [string, string | undefined][] {
  if (headers === undefined) return [];
  if (headers instanceof Headers) return [...headers];
  if (Array.isArray(headers)) return headers.map(([name, value]) => [name, value]);
  return Object.entries(headers as Readonly<Record<string, string | undefined>>);
}
