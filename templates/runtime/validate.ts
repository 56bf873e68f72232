import { RequestValidationError } from "./errors.js";

/** What the spec allows for one parameter value, as far as a client can check before sending. */
export interface ValueRule {
  readonly required?: boolean;
  readonly type?: "integer" | "number" | "boolean" | "string" | "array" | "object";
  readonly format?: Format;
  readonly enum?: readonly unknown[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly items?: ValueRule;
  /**
   * The checks of the rarer rules this rule has ({@link eachItem}, {@link exclusiveBounds}, {@link lengthBounds},
   * {@link patternMatch}): generated code names them, so an application bundles only the checks its spec needs.
   */
  readonly checks?: readonly ValueCheck[];
}

/** Why a value that passed type, format and range breaks one more of its rule's constraints, or `undefined`. */
export type ValueCheck = (value: unknown, rule: ValueRule) => string | undefined;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^(\d{4})-(\d\d)-(\d\d)$/;
const DATE_TIME =
  /^(\d{4})-(\d\d)-(\d\d)[Tt ]([01]\d|2[0-3]):([0-5]\d):([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** A real day of the calendar: `2025-02-30` matches the pattern but is not one. */
function isCalendarDate(match: RegExpExecArray | null): boolean {
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return (
    month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
  );
}

/**
 * A string format the runtime checks. Generated code imports the formats its operations use ({@link uuidFormat}…),
 * so an application bundles only those checks.
 */
export interface Format {
  /** What a value must be, for messages: "a UUID". */
  readonly name: string;
  readonly test: (value: string) => boolean;
  /** How a `Date` is sent, for the formats that take one; other formats refuse a `Date`. */
  readonly fromDate?: (date: Date) => string;
}

export const uuidFormat: Format = { name: "a UUID", test: (value) => UUID.test(value) };

/** `format: date` sends only the day of a `Date`. */
export const dateFormat: Format = {
  name: "a date (YYYY-MM-DD)",
  test: (value) => isCalendarDate(DATE.exec(value)),
  fromDate: (date) => date.toISOString().slice(0, 10),
};

export const dateTimeFormat: Format = {
  name: "an RFC 3339 date-time",
  test: (value) => isCalendarDate(DATE_TIME.exec(value)),
  fromDate: (date) => date.toISOString(),
};

/** Why `value` breaks `rule`, or `undefined` when it does not. `null`/`undefined` are "not sent" and always pass. */
export function checkValue(value: unknown, rule: ValueRule): string | undefined {
  if (value === undefined || value === null) return undefined;
  const { type, format, minimum, maximum } = rule;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return "is an invalid Date";
    return format?.fromDate === undefined ? "is a Date, but must be a string" : undefined;
  }
  if (rule.enum !== undefined && !rule.enum.includes(value))
    return `must be one of ${rule.enum.map((item) => JSON.stringify(item)).join(", ")}`;
  if (typeof value === "number") {
    if (type === "integer" && !Number.isInteger(value)) return "must be an integer";
    if (!Number.isFinite(value)) return "must be a finite number";
    if (value < (minimum ?? value)) return `must be at least ${minimum}`;
    if (value > (maximum ?? value)) return `must be at most ${maximum}`;
  } else if (type === "integer" || type === "number") return "must be a number";
  if (type === "boolean" && typeof value !== "boolean") return "must be true or false";
  if (typeof value === "string" && format !== undefined && !format.test(value))
    return `must be ${format.name}`;
  for (const check of rule.checks ?? []) {
    const problem = check(value, rule);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/** `items`: each item of an array against the items' rule. */
export const eachItem: ValueCheck = (value, { items }) => {
  for (const [index, item] of Array.isArray(value) && items !== undefined ? value.entries() : []) {
    const problem = checkValue(item, items as ValueRule);
    if (problem !== undefined) return `item ${index} ${problem}`;
  }
  return undefined;
};

/** `exclusiveMinimum` and `exclusiveMaximum`. */
export const exclusiveBounds: ValueCheck = (
  value,
  { exclusiveMinimum: above, exclusiveMaximum: below },
) =>
  typeof value !== "number"
    ? undefined
    : value <= (above ?? -Infinity)
      ? `must be greater than ${above}`
      : value >= (below ?? Infinity)
        ? `must be less than ${below}`
        : undefined;

/** `minLength` and `maxLength`, in characters (a surrogate pair is one). */
export const lengthBounds: ValueCheck = (value, { minLength, maxLength }) => {
  const length = typeof value === "string" ? [...value].length : undefined;
  return length === undefined
    ? undefined
    : length < (minLength ?? 0)
      ? `must be at least ${minLength} characters long`
      : length > (maxLength ?? Infinity)
        ? `must be at most ${maxLength} characters long`
        : undefined;
};

/** `pattern`; one JavaScript cannot compile is the server's to check. */
export const patternMatch: ValueCheck = (value, { pattern = "" }) => {
  try {
    if (typeof value === "string" && !new RegExp(pattern, "u").test(value))
      return `must match /${pattern}/`;
  } catch {
    // Not a JavaScript pattern.
  }
  return undefined;
};

/** Throws one {@link RequestValidationError} naming every parameter that breaks its rule, its value and the rule. */
export function validateValues(
  operation: string,
  ...groups: readonly (readonly [
    Readonly<Record<string, unknown>>,
    Readonly<Record<string, ValueRule>>,
  ])[]
): void {
  const problems = groups.flatMap(([values, rules]) => problemsOf(values, rules));
  if (problems.length > 0) throw new RequestValidationError(`${operation}: ${problems.join("; ")}`);
}

function problemsOf(
  values: Readonly<Record<string, unknown>>,
  rules: Readonly<Record<string, ValueRule>>,
): string[] {
  const problems: string[] = [];
  for (const [name, rule] of Object.entries(rules)) {
    const value = values[name];
    if (value === undefined || value === null) {
      if (rule.required === true) problems.push(`"${name}" is required`);
      continue;
    }
    const problem = checkValue(value, rule);
    if (problem !== undefined) problems.push(`"${name}" is ${describe(value)}, but ${problem}`);
  }
  return problems;
}

function describe(value: unknown): string {
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? "an invalid Date" : value.toISOString();
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
