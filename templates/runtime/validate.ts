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
}

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
  if (Array.isArray(value)) {
    if (rule.items === undefined) return undefined;
    for (const [index, item] of value.entries()) {
      const problem = checkValue(item, rule.items);
      if (problem !== undefined) return `item ${index} ${problem}`;
    }
    return undefined;
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return "is an invalid Date";
    return rule.format?.fromDate === undefined ? "is a Date, but must be a string" : undefined;
  }
  if (rule.enum !== undefined && !rule.enum.includes(value))
    return `must be one of ${rule.enum.map((item) => JSON.stringify(item)).join(", ")}`;
  if (typeof value === "number") return checkNumber(value, rule);
  if (rule.type === "integer" || rule.type === "number") return "must be a number";
  if (rule.type === "boolean" && typeof value !== "boolean") return "must be true or false";
  if (typeof value === "string") return checkString(value, rule);
  return undefined;
}

function checkNumber(value: number, rule: ValueRule): string | undefined {
  if (rule.type === "integer" && !Number.isInteger(value)) return "must be an integer";
  if (!Number.isFinite(value)) return "must be a finite number";
  if (rule.minimum !== undefined && value < rule.minimum) return `must be at least ${rule.minimum}`;
  if (rule.maximum !== undefined && value > rule.maximum) return `must be at most ${rule.maximum}`;
  if (rule.exclusiveMinimum !== undefined && value <= rule.exclusiveMinimum)
    return `must be greater than ${rule.exclusiveMinimum}`;
  if (rule.exclusiveMaximum !== undefined && value >= rule.exclusiveMaximum)
    return `must be less than ${rule.exclusiveMaximum}`;
  return undefined;
}

function checkString(value: string, rule: ValueRule): string | undefined {
  const { format } = rule;
  if (format !== undefined && !format.test(value)) return `must be ${format.name}`;
  const length = [...value].length;
  if (rule.minLength !== undefined && length < rule.minLength)
    return `must be at least ${rule.minLength} characters long`;
  if (rule.maxLength !== undefined && length > rule.maxLength)
    return `must be at most ${rule.maxLength} characters long`;
  if (rule.pattern !== undefined && !matches(value, rule.pattern))
    return `must match /${rule.pattern}/`;
  return undefined;
}

function matches(value: string, pattern: string): boolean {
  try {
    return new RegExp(pattern, "u").test(value);
  } catch {
    return true; // A pattern JavaScript cannot compile is the server's to check.
  }
}

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
