import { describe, expect, it } from "vitest";
import {
  checkValue,
  dateFormat,
  dateTimeFormat,
  eachItem,
  exclusiveBounds,
  lengthBounds,
  patternMatch,
  uuidFormat,
  type ValueRule,
} from "./validate.js";

describe("checkValue", () => {
  it.each<{ value: unknown; rule: ValueRule; want: string | undefined }>([
    { value: 5, rule: { type: "integer", minimum: 1, maximum: 100 }, want: undefined },
    { value: 0, rule: { type: "integer", minimum: 1 }, want: "must be at least 1" },
    { value: 101, rule: { type: "integer", maximum: 100 }, want: "must be at most 100" },
    { value: 1.5, rule: { type: "integer" }, want: "must be an integer" },
    { value: Number.NaN, rule: { type: "number" }, want: "must be a finite number" },
    { value: "10", rule: { type: "integer" }, want: "must be a number" },
    {
      value: 1,
      rule: { exclusiveMinimum: 1, checks: [exclusiveBounds] },
      want: "must be greater than 1",
    },
    {
      value: 10,
      rule: { exclusiveMaximum: 10, checks: [exclusiveBounds] },
      want: "must be less than 10",
    },
    { value: "asc", rule: { enum: ["asc", "desc"] }, want: undefined },
    { value: "ASC", rule: { enum: ["asc", "desc"] }, want: 'must be one of "asc", "desc"' },
    {
      value: "3fa85f64-5717-4562-b3fc-2c963f66afa6",
      rule: { format: uuidFormat },
      want: undefined,
    },
    { value: "3fa85f64", rule: { format: uuidFormat }, want: "must be a UUID" },
    { value: "2025-01-31T09:30:00Z", rule: { format: dateTimeFormat }, want: undefined },
    { value: "2025-01-31T09:30:00.123+01:00", rule: { format: dateTimeFormat }, want: undefined },
    {
      value: "2025-01-31",
      rule: { format: dateTimeFormat },
      want: "must be an RFC 3339 date-time",
    },
    {
      value: "2025-02-30T00:00:00Z",
      rule: { format: dateTimeFormat },
      want: "must be an RFC 3339 date-time",
    },
    { value: "2024-02-29T23:59:60Z", rule: { format: dateTimeFormat }, want: undefined },
    {
      value: "2025-01-31T24:00:00Z",
      rule: { format: dateTimeFormat },
      want: "must be an RFC 3339 date-time",
    },
    { value: "2025-02-29", rule: { format: dateFormat }, want: "must be a date (YYYY-MM-DD)" },
    {
      value: "2025-13-01T00:00:00Z",
      rule: { format: dateTimeFormat },
      want: "must be an RFC 3339 date-time",
    },
    { value: "2025-01-31", rule: { format: dateFormat }, want: undefined },
    { value: new Date(0), rule: { format: dateTimeFormat }, want: undefined },
    { value: new Date(Number.NaN), rule: { format: dateTimeFormat }, want: "is an invalid Date" },
    { value: new Date(0), rule: {}, want: "is a Date, but must be a string" },
    {
      value: "ab",
      rule: { minLength: 3, checks: [lengthBounds] },
      want: "must be at least 3 characters long",
    },
    { value: "😀😀", rule: { maxLength: 2, checks: [lengthBounds] }, want: undefined },
    { value: "abc", rule: { pattern: "^[a-z]+$", checks: [patternMatch] }, want: undefined },
    {
      value: "ABC",
      rule: { pattern: "^[a-z]+$", checks: [patternMatch] },
      want: "must match /^[a-z]+$/",
    },
    { value: "x", rule: { pattern: "(?<unclosed", checks: [patternMatch] }, want: undefined },
    {
      value: [1, 2, 200],
      rule: { items: { maximum: 100 }, checks: [eachItem] },
      want: "item 2 must be at most 100",
    },
    { value: ["a", "b"], rule: { checks: [eachItem] }, want: undefined },
    { value: null, rule: { type: "integer" }, want: undefined },
    { value: true, rule: { type: "boolean" }, want: undefined },
    { value: "yes", rule: { type: "boolean" }, want: "must be true or false" },
  ])("$value with $rule → $want", ({ value, rule, want }) => {
    expect(checkValue(value, rule)).toBe(want);
  });
});
