import { describe, expect, it } from "vitest";
import { buildModel } from "./build-model.js";
import type { OpenApiDocument } from "./spec.js";

/**
 * The facade's names on operations drawn from real specs. Each row is one operation as its spec writes it, and the
 * function and facade method it must get; each spec's rows form one document, so clashes within a resource count.
 * The rule: a facade name never suggests a different operation than the one it calls.
 */
interface Row {
  readonly method: string;
  readonly path: string;
  readonly operationId?: string;
  readonly tag?: string;
  readonly fn: string;
  readonly facade: string | undefined;
}

const specs: Readonly<Record<string, readonly Row[]>> = {
  // Diga (FastAPI): ids carry the route's path and method; the route's path may differ from the document's.
  diga: [
    { method: "get", path: "/v1/phone/", operationId: "list_phones_v1_phone__get", tag: "Phones", fn: "listPhones", facade: "phones.list" },
    { method: "delete", path: "/v1/phone/{phone_id}", operationId: "release_phone_number_v1_phone__id__delete", tag: "Phones", fn: "releasePhoneNumber", facade: "phones.releaseNumber" },
    { method: "get", path: "/v1/calls/{call_id}/logs", operationId: "get_call_logs_v1_calls__call_id__logs_get", tag: "Logs", fn: "getCallLogs", facade: "logs.getCallLogs" },
    {
      method: "get",
      path: "/v1/workflows/{flow_id}/executions",
      operationId: "list_flow_executions_v1_workflows__flow_id__executions_get",
      tag: "Workflows Executions",
      fn: "listFlowExecutions",
      facade: "workflowsExecutions.listFlowExecutions",
    },
    {
      method: "get",
      path: "/v1/workflows/templates/{template_id}",
      operationId: "get_flow_template_v1_workflows_templates__template_id__get",
      tag: "Workflows Templates",
      fn: "getFlowTemplate",
      facade: "workflowsTemplates.getFlowTemplate",
    },
    {
      method: "post",
      path: "/v1/agents/{agent_id}/apply-template",
      operationId: "apply_agent_template_v1_agents__agent_id__apply_template_post",
      tag: "Agent Templates",
      fn: "applyAgentTemplate",
      facade: "agentTemplates.apply",
    },
    // Two operations that would both be `webhooks.get`: each keeps its whole name, so neither hides the other.
    { method: "get", path: "/v1/webhooks/", operationId: "get_webhooks_v1_webhooks__get", tag: "Webhooks", fn: "getWebhooks", facade: "webhooks.getWebhooks" },
    { method: "get", path: "/v1/webhooks/{webhook_id}", operationId: "get_webhook_v1_webhooks__webhook_id__get", tag: "Webhooks", fn: "getWebhook", facade: "webhooks.getWebhook" },
    { method: "post", path: "/v1/webhooks/", operationId: "create_webhook_v1_webhooks__post", tag: "Webhooks", fn: "createWebhook", facade: "webhooks.create" },
  ],
  // GitHub: `<tag>/<verb>-<object>` ids; the tag is the namespace.
  github: [
    { method: "get", path: "/repos/{owner}/{repo}", operationId: "repos/get", tag: "repos", fn: "reposGet", facade: "repos.get" },
    { method: "get", path: "/repos/{owner}/{repo}/branches/{branch}", operationId: "repos/get-branch", tag: "repos", fn: "reposGetBranch", facade: "repos.getBranch" },
    { method: "get", path: "/repos/{owner}/{repo}/issues", operationId: "issues/list-for-repo", tag: "issues", fn: "issuesListForRepo", facade: "issues.listForRepo" },
    { method: "get", path: "/repos/{owner}/{repo}/actions/runs/{run_id}", operationId: "actions/get-workflow-run", tag: "actions", fn: "actionsGetWorkflowRun", facade: "actions.getWorkflowRun" },
    { method: "get", path: "/user", operationId: "users/get-authenticated", tag: "users", fn: "usersGetAuthenticated", facade: "users.getAuthenticated" },
    { method: "get", path: "/orgs/{org}/members", operationId: "orgs/list-members", tag: "orgs", fn: "orgsListMembers", facade: "orgs.listMembers" },
  ],
  // Microsoft Graph: a dotted tag whose words are split between the namespace and the verb's object.
  graph: [
    {
      method: "delete",
      path: "/policies/authenticationStrengthPolicies/{id}",
      operationId: "policies.DeleteAuthenticationStrengthPolicies",
      tag: "policies.authenticationStrengthPolicy",
      fn: "deleteAuthenticationStrengthPolicies",
      facade: "policiesAuthenticationStrengthPolicy.deleteAuthenticationStrengthPolicies",
    },
    { method: "post", path: "/domains/{id}/promote", operationId: "domains.domain.promote", tag: "domains.Actions", fn: "domainPromote", facade: "domainsActions.domainPromote" },
  ],
  // Stripe: `<Method><Path words>` ids and no tags, so no resources: only `stripe.getCustomersCustomer`.
  stripe: [
    { method: "get", path: "/v1/customers/{customer}", operationId: "GetCustomersCustomer", fn: "getCustomersCustomer", facade: undefined },
    { method: "post", path: "/v1/customers", operationId: "PostCustomers", fn: "postCustomers", facade: undefined },
    { method: "get", path: "/v1/customers/{customer}/sources", operationId: "GetCustomersCustomerSources", fn: "getCustomersCustomerSources", facade: undefined },
  ],
  // No operationIds: names from method and path; the tag's noun is dropped only where it is the object.
  pathNamed: [
    { method: "get", path: "/accounts", tag: "accounts", fn: "getAccounts", facade: "accounts.get" },
    { method: "get", path: "/accounts/{id}", tag: "accounts", fn: "getAccountsById", facade: "accounts.getById" },
    { method: "get", path: "/users/{id}/accounts", tag: "accounts", fn: "getUsersAccountsById", facade: "accounts.getUsersAccountsById" },
    { method: "delete", path: "/users/{id}", tag: "users", fn: "deleteUsersById", facade: "users.deleteById" },
  ],
  // Non-English tags: dropped only where the function name says the same words.
  nonEnglish: [
    { method: "get", path: "/telefone", operationId: "listTelefone", tag: "Telefone", fn: "listTelefone", facade: "telefone.list" },
    { method: "get", path: "/benutzer", operationId: "listUsers", tag: "Benutzer", fn: "listUsers", facade: "benutzer.listUsers" },
    { method: "get", path: "/téléphones", operationId: "listerTéléphones", tag: "Téléphones", fn: "listerTéléphones", facade: "téléphones.lister" },
    // No case, so no word boundary between `get` and `注文`: one word, kept whole.
    { method: "get", path: "/注文", operationId: "get注文", tag: "注文", fn: "get注文", facade: "注文.get注文" },
  ],
};

function documentOf(rows: readonly Row[]): OpenApiDocument {
  const paths: Record<string, Record<string, object>> = {};
  for (const { method, path, operationId, tag } of rows) {
    paths[path] = {
      ...paths[path],
      [method]: {
        ...(operationId === undefined ? {} : { operationId }),
        ...(tag === undefined ? {} : { tags: [tag] }),
        parameters: [...path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => ({ name, in: "path", required: true, schema: { type: "string" } })),
        responses: { "200": { description: "ok" } },
      },
    };
  }
  return { openapi: "3.1.0", info: { title: "T", version: "1" }, paths } as OpenApiDocument;
}

describe("facade names from real specs", () => {
  for (const [spec, rows] of Object.entries(specs)) {
    it(`${spec}`, () => {
      const model = buildModel(documentOf(rows));
      const got = rows.map((row) => {
        const operation = model.operations.find((candidate) => candidate.path === row.path && candidate.method === row.method.toUpperCase());
        return { ...row, fn: operation?.functionName, facade: operation?.resource === undefined ? undefined : `${operation.resource.property}.${operation.resource.method}` };
      });
      expect(got).toStrictEqual(rows);
    });
  }
});
