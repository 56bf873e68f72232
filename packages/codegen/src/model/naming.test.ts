import { describe, expect, it } from "vitest";
import {
  assignUniqueNames,
  camelCase,
  nameFromMethodAndPath,
  operationFileName,
  operationNameCandidates,
  operationNamesCandidates,
  operationTypeName,
  resourceMethodName,
  safeIdentifier,
  schemaTypeName,
  sdkClassName,
  splitWords,
  stripFastApiSuffix,
} from "./naming.js";

describe("splitWords", () => {
  it.each([
    { given: "list_phones_v1", want: ["list", "phones", "v1"] },
    { given: "listPhonesV1", want: ["list", "Phones", "V1"] },
    { given: "HTTPServerError", want: ["HTTP", "Server", "Error"] },
    { given: "get-user by id", want: ["get", "user", "by", "id"] },
    { given: "__x__", want: ["x"] },
    { given: "créerAppel", want: ["créer", "Appel"] },
    { given: "", want: [] },
  ])("$given", ({ given, want }) => {
    expect(splitWords(given)).toStrictEqual(want);
  });
});

describe("camelCase", () => {
  it.each([
    { given: "list_phones", want: "listPhones" },
    { given: "GetUserByID", want: "getUserById" },
    { given: "2fa-verify", want: "2faVerify" },
    { given: "List Phones", want: "listPhones" },
  ])("$given → $want", ({ given, want }) => {
    expect(camelCase(given)).toBe(want);
  });
});

describe("stripFastApiSuffix", () => {
  it.each([
    { id: "list_phones_v1_phone__get", method: "get", path: "/v1/phone/", want: "list_phones" },
    { id: "get_phone_v1_phone__phone_id__get", method: "get", path: "/v1/phone/{phone_id}", want: "get_phone" },
    { id: "create_call_v1_calls_post", method: "post", path: "/v1/calls", want: "create_call" },
    // Not FastAPI's pattern: unchanged.
    { id: "listPhones", method: "get", path: "/v1/phone/", want: "listPhones" },
    // The suffix alone would leave nothing: unchanged.
    { id: "_v1_phone__get", method: "get", path: "/v1/phone/", want: "_v1_phone__get" },
    // Same suffix but for another method: unchanged.
    { id: "list_phones_v1_phone__get", method: "post", path: "/v1/phone/", want: "list_phones_v1_phone__get" },
    // Recognised by shape: the route names its parameter differently from the document, or drops a trailing slash.
    { id: "release_phone_number_v1_phone__id__delete", method: "delete", path: "/v1/phone/{phone_id}", want: "release_phone_number" },
    { id: "get_call_logs_v1_calls__call_id__logs_get", method: "get", path: "/v1/calls/{id}/logs", want: "get_call_logs" },
    { id: "list_agents_v1_agents_get", method: "get", path: "/v1/agents/", want: "list_agents" },
    { id: "list_agents_v1_agents__get", method: "get", path: "/v1/agents", want: "list_agents" },
    { id: "get_item_api_items__item_id__get", method: "get", path: "/api/items/{item-id}", want: "get_item" },
    { id: "root__get", method: "get", path: "/", want: "root" },
    // A route name ending in `_` (ElevenLabs' FastAPI spec), and the root path, which keeps its slash.
    { id: "Get_default_voice_settings__v1_voices_settings_default_get", method: "get", path: "/v1/voices/settings/default", want: "Get_default_voice_settings_" },
    { id: "delete__templates__id__delete", method: "delete", path: "/templates/{id}", want: "delete_" },
    { id: "story_get", method: "get", path: "/", want: "story_get" },
    { id: "read_user__user_id__get", method: "get", path: "/{user_id}", want: "read_user" },
    // The name keeps every word it can: the route is named after the path's own words.
    { id: "list_phone_numbers_phone_numbers__get", method: "get", path: "/phone_numbers/", want: "list_phone_numbers" },
    // Literal segments differ (another route's id, or another generator's): unchanged.
    { id: "release_phone_number_v2_phone__id__delete", method: "delete", path: "/v1/phone/{phone_id}", want: "release_phone_number_v2_phone__id__delete" },
    // GitHub's and Stripe's ids, and ids that merely end in a method word: unchanged.
    { id: "repos/get", method: "get", path: "/repos/{owner}/{repo}", want: "repos/get" },
    { id: "issues/list-for-repo", method: "get", path: "/repos/{owner}/{repo}/issues", want: "issues/list-for-repo" },
    { id: "GetCustomersCustomer", method: "get", path: "/v1/customers/{customer}", want: "GetCustomersCustomer" },
    { id: "PostCustomers", method: "post", path: "/v1/customers", want: "PostCustomers" },
    { id: "pet_get", method: "get", path: "/pet", want: "pet_get" },
    { id: "find_pets_by_status_get", method: "get", path: "/pet/findByStatus", want: "find_pets_by_status_get" },
  ])("$id ($method $path) → $want", ({ id, method, path, want }) => {
    expect(stripFastApiSuffix(id, method, path)).toBe(want);
  });
});

describe("nameFromMethodAndPath", () => {
  it.each([
    { method: "get", path: "/v1/phone/", want: "getV1Phone" },
    { method: "get", path: "/users/{user_id}", want: "getUsersByUserId" },
    { method: "delete", path: "/orgs/{org}/members/{member}", want: "deleteOrgsMembersByOrgAndMember" },
    { method: "post", path: "/", want: "post" },
  ])("$method $path → $want", ({ method, path, want }) => {
    expect(nameFromMethodAndPath(method, path)).toBe(want);
  });
});

describe("operationNameCandidates", () => {
  it.each([
    { operationId: "list_phones_v1_phone__get", method: "get", path: "/v1/phone/", want: { preferred: "listPhones", fallback: "listPhonesV1PhoneGet" } },
    { operationId: undefined, method: "get", path: "/v1/phone/", want: { preferred: "getV1Phone", fallback: "getV1Phone" } },
    { operationId: "!!!", method: "get", path: "/pets", want: { preferred: "getPets", fallback: "getPets" } },
    { operationId: "pets.list", method: "get", path: "/pets", want: { preferred: "petsList", fallback: "petsList" } },
  ])("$operationId", ({ operationId, method, path, want }) => {
    expect(operationNameCandidates({ operationId, method, path })).toStrictEqual(want);
  });
});

describe("operationNamesCandidates", () => {
  const names = (...operationIds: string[]) => operationNamesCandidates(operationIds.map((operationId) => ({ operationId, method: "get", path: "/x" }))).map(({ preferred }) => preferred);

  it.each([
    { name: "a dotted id is named by its last segment when that says verb and noun", given: ["users.user.ListUser"], want: ["listUser"] },
    { name: "a lone verb keeps the segment before it", given: ["pets.list"], want: ["petsList"] },
    {
      name: "tails grow until no other operation shares them",
      given: ["me.calendars.calendar.events.event.cancel", "users.user.events.event.cancel", "users.user.messages.message.cancel", "users.ListUser"],
      want: ["calendarEventsEventCancel", "userEventsEventCancel", "messageCancel", "listUser"],
    },
    { name: "an id without dots is left to the other rules", given: ["list_pets", "getPet"], want: ["listPets", "getPet"] },
    { name: "identical dotted ids grow to the whole id (assignUniqueNames numbers them)", given: ["a.b.GetC", "a.b.GetC"], want: ["aBGetC", "aBGetC"] },
  ])("$name", ({ given, want }) => {
    expect(names(...given)).toStrictEqual(want);
  });

  it("keeps every name within 80 characters, deterministically, and long names that share a start apart", () => {
    const long = (end: string) => `${"veryLongOperationNameSegment".repeat(8)}${end}`;
    const [first, second] = names(long("One"), long("Two"));
    expect(first?.length).toBeLessThanOrEqual(80);
    expect(second?.length).toBeLessThanOrEqual(80);
    expect(first).not.toBe(second);
    expect(names(long("One"))[0]).toBe(first);
  });
});

describe("safeIdentifier", () => {
  it.each([
    { given: "delete", want: "delete_" },
    { given: "default", want: "default_" },
    { given: "2fa", want: "_2fa" },
    { given: "listPhones", want: "listPhones" },
  ])("$given → $want", ({ given, want }) => {
    expect(safeIdentifier(given)).toBe(want);
  });

  it("treats names the package exports as taken", () => {
    expect(safeIdentifier("createClient", new Set(["createClient"]))).toBe("createClient_");
  });
});

describe("assignUniqueNames", () => {
  const same = (name: string) => ({ preferred: name, fallback: name });

  it("keeps unique names", () => {
    expect(assignUniqueNames([same("a"), same("b")])).toStrictEqual(["a", "b"]);
  });

  it("switches every member of a clashing group to its fallback", () => {
    expect(
      assignUniqueNames([
        { preferred: "listPhones", fallback: "listPhonesV1PhoneGet" },
        { preferred: "listPhones", fallback: "listPhonesV2PhoneGet" },
        { preferred: "getPhone", fallback: "getPhoneV1Get" },
      ]),
    ).toStrictEqual(["listPhonesV1PhoneGet", "listPhonesV2PhoneGet", "getPhone"]);
  });

  it("numbers what still clashes, first occurrence first, ignoring case", () => {
    expect(assignUniqueNames([same("getUser"), same("getuser"), same("getUser")])).toStrictEqual(["getUser", "getuser2", "getUser3"]);
  });

  it("suffixes reserved words and taken names before numbering", () => {
    expect(assignUniqueNames([same("delete"), same("createClient")], new Set(["createClient"]))).toStrictEqual(["delete_", "createClient_"]);
  });
});

describe("type names", () => {
  it.each([
    { given: ["listPhones", "Params"], want: "ListPhonesParams" },
    { given: ["delete_", "Error"], want: "DeleteError" },
    // A leading digit is only legal after the underscore, so the type name keeps it.
    { given: ["_2fa", "Response"], want: "_2faResponse" },
  ])("operationTypeName($given) → $want", ({ given: [name = "", suffix = ""], want }) => {
    expect(operationTypeName(name, suffix)).toBe(want);
  });

  it.each([
    { given: "PaginatedResponse_PhoneRegisterResponseSchema_", want: "PaginatedResponsePhoneRegisterResponseSchema" },
    { given: "pet-store.Pet", want: "PetStorePet" },
    { given: "Date", want: "DateSchema" },
    { given: "200Response", want: "Schema200Response" },
  ])("schemaTypeName($given) → $want", ({ given, want }) => {
    expect(schemaTypeName(given)).toBe(want);
  });
});

describe("operationFileName", () => {
  it.each([
    { given: "listPhones", want: "listPhones" },
    { given: "créerAppel", want: "cr_xe9erAppel" },
    { given: "列出", want: "_x5217_x51fa" },
    { given: "$delete_", want: "$delete_" },
  ])("$given → $want", ({ given, want }) => {
    expect(operationFileName(given)).toBe(want);
  });

  it("stays within 200 bytes when non-ASCII letters are spelled out", () => {
    const name = operationFileName("列".repeat(80));
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(200);
    expect(name).toBe(operationFileName("列".repeat(80)));
    expect(name).not.toBe(operationFileName(`${"列".repeat(79)}出`));
  });
});

describe("facade names", () => {
  it.each([
    { given: "Diga API", want: "Diga" },
    { given: "GitHub v3 REST API", want: "GitHub" },
    { given: "GitHub's official OpenAPI spec + Octokit extension", want: "GitHub" },
    { given: "Crediwatch's Covid APIs", want: "CrediwatchCovid" },
    { given: "Twilio - Serverless", want: "TwilioServerless" },
    { given: "Swagger Petstore - OpenAPI 3.0", want: "SwaggerPetstore30" },
    { given: "API", want: "Api" },
    { given: "3D Printing API", want: "Api3DPrinting" },
  ])("sdkClassName($given) → $want", ({ given, want }) => {
    expect(sdkClassName(given)).toBe(want);
  });

  it.each([
    { fn: "listPhones", tag: "Phones", want: "list" },
    { fn: "getPhone", tag: "Phones", want: "get" },
    { fn: "getPhoneNumber", tag: "Phones", want: "getNumber" },
    { fn: "listPhoneNumbers", tag: "Phone Numbers", want: "list" },
    { fn: "createCategory", tag: "categories", want: "create" },
    { fn: "searchAddresses", tag: "Address", want: "search" },
    { fn: "phones", tag: "Phones", want: "phones" },
    { fn: "phonesConstructor", tag: "Phones", want: "phonesConstructor" },
  ])("resourceMethodName($fn, $tag) → $want", ({ fn, tag, want }) => {
    expect(resourceMethodName(fn, tag)).toBe(want);
  });
});
