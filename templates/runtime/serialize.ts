import type { Outgoing } from "./auth.js";
import { RequestValidationError } from "./errors.js";
import { setHeader } from "./headers.js";
import type { Format } from "./validate.js";

/**
 * Parameter serialisation as the OpenAPI specification defines it, for every style and explode combination of
 * path, query, header and cookie parameters. `undefined` and `null` mean "not sent": servers such as FastAPI reject
 * a literal `null`. Dates become ISO strings (`format: date` sends only the day).
 */

/**
 * A query style other than `form`, the default. Generated code imports the styles its operations use
 * ({@link deepObjectQuery}…), so an application bundles only those.
 */
export interface QueryStyle {
  /** Between the items of a non-exploded array or object. */
  readonly separator: string;
  /** How an object is written, when not as `form` writes it; `entries` are `[field, encoded value]`. */
  readonly object?: (key: string, entries: readonly (readonly [string, string])[]) => string[];
}

/**
 * A path style other than `simple`, the default: writes the encoded `parts` (an array's items, an object's
 * `field,value` or `field=value` pairs, or one scalar) of the parameter `name`.
 */
export type PathStyle = (
  name: string,
  parts: readonly string[],
  explode: boolean,
  object: boolean,
) => string;

/** How a scalar is written, and whether arrays and objects are exploded. */
export interface ScalarRule {
  readonly explode?: boolean;
  readonly format?: Format;
}

export interface SerializeRule extends ScalarRule {
  readonly style?: QueryStyle;
  /** `allowReserved`: {@link keepReserved}. */
  readonly allowReserved?: (encoded: string) => string;
  /**
   * How an array or object value is written: {@link collectionQuery}, generated for the parameters whose schema allows
   * one, so a client whose query values are all scalars bundles none of it.
   */
  readonly collection?: CollectionWriter;
}

/** Writes the `name=value` pairs of an array or object query value; `key` is the encoded name. */
export type CollectionWriter = (
  key: string,
  value: object,
  rule: SerializeRule,
  encode: (inner: unknown) => string,
) => string[];

export interface PathRule extends ScalarRule {
  readonly style?: PathStyle;
}

export const spaceDelimitedQuery: QueryStyle = { separator: "%20" };
export const pipeDelimitedQuery: QueryStyle = { separator: "%7C" };
export const deepObjectQuery: QueryStyle = {
  separator: ",",
  object: (key, entries) =>
    entries.map(([field, text]) => `${key}%5B${encodeURIComponent(field)}%5D=${text}`),
};

export const labelPath: PathStyle = (_, parts, explode) => `.${parts.join(explode ? "." : ",")}`;
export const matrixPath: PathStyle = (name, parts, explode, object) =>
  explode
    ? parts.map((part) => (object ? `;${part}` : `;${name}=${part}`)).join("")
    : `;${name}=${parts.join(",")}`;

type Primitive = string | number | boolean | bigint;

/** `true` for values that are not sent at all. */
export function isAbsent(value: unknown): value is null | undefined {
  return value === undefined || value === null;
}

/** A scalar as text: dates as ISO 8601, or as their format writes them (`format: date` → `2026-11-27`), the rest via `String`. */
export function scalarToString(value: unknown, format?: Format): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new TypeError("cannot send an invalid Date");
    return format?.fromDate?.(value) ?? value.toISOString();
  }
  return String(value as Primitive);
}

function entriesOf(value: object): [string, unknown][] {
  return Object.entries(value).filter(([, inner]) => !isAbsent(inner));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date)
  );
}

// RFC 3986 reserved characters that `allowReserved` lets through; `&`, `=`, `#` and `+` are still encoded because
// sending them raw would change what the server parses.
const RESERVED_KEPT = /%(3A|2F|3F|5B|5D|40|21|24|27|28|29|2A|2C|3B)/gi;

/** `allowReserved: true`: an encoded value with RFC 3986's reserved characters decoded again. */
export const keepReserved = (encoded: string): string =>
  encoded.replace(RESERVED_KEPT, (match) => decodeURIComponent(match));

/** The `name=value` pairs of one query parameter, already percent-encoded, in the order they are sent. */
export function serializeQueryParam(
  name: string,
  value: unknown,
  rule: SerializeRule = {},
): string[] {
  if (isAbsent(value)) return [];
  const key = encodeURIComponent(name);
  const encode = (inner: unknown) => {
    const encoded = encodeURIComponent(scalarToString(inner, rule.format));
    return rule.allowReserved?.(encoded) ?? encoded;
  };
  return typeof value === "object" && !(value instanceof Date) && rule.collection !== undefined
    ? rule.collection(key, value, rule, encode)
    : [`${key}=${encode(value)}`];
}

/** Arrays and objects in the query, in every style (`form` unless the rule names another) and explode setting. */
export const collectionQuery: CollectionWriter = (key, value, { style, explode }, encode) => {
  const exploded = explode ?? style === undefined;
  const separator = style?.separator ?? ",";
  if (Array.isArray(value)) {
    const items = value.filter((item) => !isAbsent(item));
    if (items.length === 0) return [];
    if (exploded) return items.map((item) => `${key}=${encode(item)}`);
    return [`${key}=${items.map(encode).join(separator)}`];
  }
  const entries = entriesOf(value).map(([field, inner]) => [field, encode(inner)] as const);
  if (style?.object !== undefined) return style.object(key, entries);
  if (exploded) return entries.map(([field, text]) => `${encodeURIComponent(field)}=${text}`);
  return [
    `${key}=${entries.flatMap(([field, text]) => [encodeURIComponent(field), text]).join(separator)}`,
  ];
};

/** One path segment's replacement for `{name}`, encoded so a `/` in a value cannot change the path. */
export function serializePathParam(name: string, value: unknown, rule: PathRule = {}): string {
  if (isAbsent(value)) throw new RequestValidationError(`path parameter "${name}" is required`);
  const explode = rule.explode ?? false;
  const encode = (inner: unknown) => encodeURIComponent(scalarToString(inner, rule.format));
  const object = isPlainObject(value);
  const parts = Array.isArray(value)
    ? value.map(encode)
    : object
      ? entriesOf(value).map(
          ([field, inner]) => `${encodeURIComponent(field)}${explode ? "=" : ","}${encode(inner)}`,
        )
      : [encode(value)];
  return rule.style === undefined ? parts.join(",") : rule.style(name, parts, explode, object);
}

/** A header or cookie value (`simple` style; `form` for cookies): arrays and objects comma-separated. */
export function serializeSimpleValue(value: unknown, rule: ScalarRule = {}): string | undefined {
  if (isAbsent(value)) return undefined;
  const explode = rule.explode ?? false;
  if (Array.isArray(value))
    return value
      .filter((item) => !isAbsent(item))
      .map((item) => scalarToString(item, rule.format))
      .join(",");
  if (isPlainObject(value)) {
    return entriesOf(value)
      .map(([field, inner]) =>
        explode
          ? `${field}=${scalarToString(inner, rule.format)}`
          : `${field},${scalarToString(inner, rule.format)}`,
      )
      .join(",");
  }
  return scalarToString(value, rule.format);
}

/**
 * Where a header or cookie parameter goes (`in`; a query parameter says `"query"`). Generated code names
 * {@link headerParam} or {@link cookieParam}, so a client whose parameters are all in the query bundles neither.
 */
export type ParamLocation = (
  outgoing: Outgoing,
  name: string,
  value: unknown,
  rule: ScalarRule,
) => void;

export const headerParam: ParamLocation = (outgoing, name, value, rule) => {
  const text = serializeSimpleValue(value, rule);
  if (text !== undefined) setHeader(outgoing.headers, name, text);
};

export const cookieParam: ParamLocation = (outgoing, name, value, rule) => {
  const text = serializeSimpleValue(value, rule);
  if (text !== undefined)
    outgoing.cookies.push(`${encodeURIComponent(name)}=${encodeURIComponent(text)}`);
};

/** Replaces each `{name}` in a path template; every name must have a value. */
export function buildPath(
  template: string,
  values: Readonly<Record<string, unknown>>,
  rules: Readonly<Record<string, PathRule>> = {},
): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) =>
    serializePathParam(name, values[name], rules[name]),
  );
}
