import { RequestValidationError } from "./errors.js";

/**
 * Parameter serialisation as the OpenAPI specification defines it, for every style and explode combination of
 * path, query, header and cookie parameters. `undefined` and `null` mean "not sent": servers such as FastAPI reject
 * a literal `null`. Dates become ISO strings (`format: date` sends only the day).
 */

export interface SerializeRule {
  readonly style?: string;
  readonly explode?: boolean;
  readonly allowReserved?: boolean;
  readonly format?: string;
}

type Primitive = string | number | boolean | bigint;

/** `true` for values that are not sent at all. */
export function isAbsent(value: unknown): value is null | undefined {
  return value === undefined || value === null;
}

/** A scalar as text: dates as ISO 8601 (`format: date` → `2026-11-27`), everything else via `String`. */
export function scalarToString(value: unknown, format?: string): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new TypeError("cannot send an invalid Date");
    return format === "date" ? value.toISOString().slice(0, 10) : value.toISOString();
  }
  return String(value as Primitive);
}

function entriesOf(value: object): [string, unknown][] {
  return Object.entries(value).filter(([, inner]) => !isAbsent(inner));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

// RFC 3986 reserved characters that `allowReserved` lets through; `&`, `=`, `#` and `+` are still encoded because
// sending them raw would change what the server parses.
const RESERVED_KEPT = /%(3A|2F|3F|5B|5D|40|21|24|27|28|29|2A|2C|3B)/gi;

function encodeValue(text: string, allowReserved: boolean | undefined): string {
  const encoded = encodeURIComponent(text);
  return allowReserved === true ? encoded.replace(RESERVED_KEPT, (match) => decodeURIComponent(match)) : encoded;
}

/** The `name=value` pairs of one query parameter, already percent-encoded, in the order they are sent. */
export function serializeQueryParam(name: string, value: unknown, rule: SerializeRule = {}): string[] {
  if (isAbsent(value)) return [];
  const style = rule.style ?? "form";
  const explode = rule.explode ?? style === "form";
  const key = encodeURIComponent(name);
  const encode = (inner: unknown) => encodeValue(scalarToString(inner, rule.format), rule.allowReserved);

  const separator = style === "spaceDelimited" ? "%20" : style === "pipeDelimited" ? "%7C" : ",";
  if (Array.isArray(value)) {
    const items = value.filter((item) => !isAbsent(item));
    if (items.length === 0) return [];
    if (explode) return items.map((item) => `${key}=${encode(item)}`);
    return [`${key}=${items.map(encode).join(separator)}`];
  }
  if (isPlainObject(value)) {
    const entries = entriesOf(value);
    if (style === "deepObject") {
      return entries.map(([field, inner]) => `${key}%5B${encodeURIComponent(field)}%5D=${encode(inner)}`);
    }
    if (explode) return entries.map(([field, inner]) => `${encodeURIComponent(field)}=${encode(inner)}`);
    return [`${key}=${entries.flatMap(([field, inner]) => [encodeURIComponent(field), encode(inner)]).join(separator)}`];
  }
  return [`${key}=${encode(value)}`];
}

/** One path segment's replacement for `{name}`, encoded so a `/` in a value cannot change the path. */
export function serializePathParam(name: string, value: unknown, rule: SerializeRule = {}): string {
  if (isAbsent(value)) throw new RequestValidationError(`path parameter "${name}" is required`);
  const style = rule.style ?? "simple";
  const explode = rule.explode ?? false;
  const encode = (inner: unknown) => encodeURIComponent(scalarToString(inner, rule.format));

  if (Array.isArray(value)) {
    const items = value.map(encode);
    if (style === "label") return `.${items.join(explode ? "." : ",")}`;
    if (style === "matrix") return explode ? items.map((item) => `;${name}=${item}`).join("") : `;${name}=${items.join(",")}`;
    return items.join(",");
  }
  if (isPlainObject(value)) {
    const entries = entriesOf(value);
    const pairs = explode
      ? entries.map(([field, inner]) => `${encodeURIComponent(field)}=${encode(inner)}`)
      : entries.flatMap(([field, inner]) => [encodeURIComponent(field), encode(inner)]);
    if (style === "label") return `.${pairs.join(explode ? "." : ",")}`;
    if (style === "matrix") return explode ? pairs.map((pair) => `;${pair}`).join("") : `;${name}=${pairs.join(",")}`;
    return pairs.join(",");
  }
  const text = encode(value);
  if (style === "label") return `.${text}`;
  if (style === "matrix") return `;${name}=${text}`;
  return text;
}

/** A header or cookie value (`simple` style; `form` for cookies): arrays and objects comma-separated. */
export function serializeSimpleValue(value: unknown, rule: SerializeRule = {}): string | undefined {
  if (isAbsent(value)) return undefined;
  const explode = rule.explode ?? false;
  if (Array.isArray(value)) return value.filter((item) => !isAbsent(item)).map((item) => scalarToString(item, rule.format)).join(",");
  if (isPlainObject(value)) {
    return entriesOf(value)
      .map(([field, inner]) => (explode ? `${field}=${scalarToString(inner, rule.format)}` : `${field},${scalarToString(inner, rule.format)}`))
      .join(",");
  }
  return scalarToString(value, rule.format);
}

/** Replaces each `{name}` in a path template; every name must have a value. */
export function buildPath(template: string, values: Readonly<Record<string, unknown>>, rules: Readonly<Record<string, SerializeRule>> = {}): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => serializePathParam(name, values[name], rules[name]));
}
