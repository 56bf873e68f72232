import { describe, expect, it } from "vitest";
import { createApiError } from "./errors.js";

describe("ApiError message", () => {
  const rows: { given: unknown; want: string }[] = [
    {
      given: { error_code: "INVALID", message: "Cannot specify both" },
      want: "422 INVALID: Cannot specify both",
    },
    {
      given: {
        error: {
          type: "invalid_request_error",
          code: "resource_missing",
          message: "No such customer: 'cus_1'",
        },
      },
      want: "422 resource_missing: No such customer: 'cus_1'",
    },
    {
      given: { error: { message: "The model does not exist", type: "invalid_request_error" } },
      want: "422 invalid_request_error: The model does not exist",
    },
    {
      given: {
        type: "https://example.com/probs/out-of-credit",
        title: "You do not have enough credit.",
        detail: "Your balance is 30.",
      },
      want: "422 You do not have enough credit.: Your balance is 30.",
    },
    { given: { type: "about:blank", title: "Not Found", status: 404 }, want: "422 Not Found" },
    {
      given: {
        detail: [
          {
            loc: ["query", "limit"],
            msg: "Input should be less than or equal to 100",
            type: "less_than_equal",
          },
        ],
      },
      want: "422 query.limit: Input should be less than or equal to 100",
    },
    { given: { detail: "Not found." }, want: "422 Not found." },
    {
      given: { errors: [{ message: "Field 'x' is unknown" }, { message: "second" }] },
      want: "422 Field 'x' is unknown",
    },
    {
      given: {
        errors: [{ status: "422", title: "Invalid Attribute", detail: "must be a string" }],
      },
      want: "422 Invalid Attribute: must be a string",
    },
    {
      given: { error: "invalid_grant", error_description: "Token expired" },
      want: "422 Token expired",
    },
    { given: { error: "Not found" }, want: "422 Not found" },
    {
      given: { message: "Bad credentials", documentation_url: "https://docs.github.com/rest" },
      want: "422 Bad credentials",
    },
    { given: "<html>Bad gateway</html>", want: "422 <html>Bad gateway</html>" },
    { given: {}, want: "422 status code (no body)" },
    { given: undefined, want: "422 status code (no body)" },
    {
      given: { error: { nested: { deeper: { deepest: { message: "too deep" } } } } },
      want: "422 status code (no body)",
    },
  ];
  it.each(rows)("$want", ({ given, want }) => {
    expect(createApiError(422, new Headers(), given, undefined, true).message).toBe(want);
  });

  it("starts with the operation and ends with the request id", () => {
    expect(
      createApiError(
        404,
        new Headers(),
        { error: { message: "No such phone" } },
        "req_1",
        true,
        "GET /v1/phone/{id}",
      ).message,
    ).toBe("GET /v1/phone/{id}: 404 No such phone (request id req_1)");
  });
});
