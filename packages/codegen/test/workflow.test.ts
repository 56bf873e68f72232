import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { CHROMIUM_PATH } from "./support/browser.js";
import { repoRoot } from "./support/paths.js";
import {
  actionUses,
  cliCallProblems,
  cliCalls,
  cliProblems,
  concurrencyProblems,
  githubContext,
  loadWorkflow,
  matchesPathFilter,
  parseHelp,
  permissionProblems,
  pinMismatches,
  pinProblems,
  pnpmCalls,
  runsWhen,
  scriptProblems,
  triggerProblems,
  type CliUsage,
  type ExpressionContext,
  type JobModel,
  type StepModel,
  type TriggerExpectation,
  type WorkflowModel,
} from "./support/workflow.js";

/**
 * The commit each pinned release's tag points to. They could not be checked against GitHub from where this was
 * written; bumping an action means changing the workflow and this table together.
 */
const KNOWN_PINS: Readonly<Record<string, string>> = {
  "actions/checkout@v4.2.2": "11bd71901bbe5b1630ceea73d27597364c9af683",
  "actions/setup-node@v4.4.0": "49933ea5288caeca8642d1e84afbd3f7d6820020",
  "pnpm/action-setup@v4.1.0": "a7487c7e89a18df4991f7f222e4898a00d66ddda",
  "actions/upload-artifact@v4.6.2": "ea165f8d65b6e75b540449e92b4886f43607fa02",
  "actions/github-script@v7.0.1": "60a0d83039c74a4aee543508d2ffcb1c3799cdea",
  "peter-evans/create-pull-request@v7.0.8": "271a8d0340265f705b14b6d32b9829c1cb33d45e",
};

const pullRequest = githubContext("pull_request", "refs/pull/7/merge");

/** The CLI's own `--help`, run in-process: the workflow may use only what it documents. */
async function cliUsage(): Promise<CliUsage> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(["--help"], { cwd: repoRoot, out: (line) => out.push(line), err: (line) => err.push(line) });
  expect({ code, err }).toStrictEqual({ code: 0, err: [] });
  return parseHelp(out.join("\n"));
}

function job(workflow: WorkflowModel, id: string): JobModel {
  const found = workflow.jobs.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no job ${id}`);
  return found;
}

function step(from: JobModel, matches: (step: StepModel) => boolean): StepModel {
  const found = from.steps.find(matches);
  if (found === undefined) throw new Error(`no such step in job ${from.id}`);
  return found;
}

const runs = (text: string) => (candidate: StepModel) => candidate.run?.includes(text) === true;
const usesAction = (action: string) => (candidate: StepModel) => candidate.uses?.startsWith(`${action}@`) === true;

describe("the codegen workflow", () => {
  let workflow: WorkflowModel;
  let scripts: Record<string, string>;
  let usage: CliUsage;
  let triggers: TriggerExpectation;

  beforeAll(async () => {
    workflow = loadWorkflow(await readFile(join(repoRoot, ".github", "workflows", "codegen.yml"), "utf8"));
    scripts = (JSON.parse(await readFile(join(repoRoot, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
    usage = await cliUsage();
    const config = JSON.parse(await readFile(join(repoRoot, "codegen.config.json"), "utf8")) as { clients: { input: string; output: string }[] };
    triggers = {
      events: ["push", "pull_request", "workflow_dispatch"],
      filteredEvents: ["push", "pull_request"],
      mustTrigger: [
        ...config.clients.flatMap((client) => [client.input, `${client.output}/package.json`]),
        "fixtures/external-refs/paths/pets.yaml",
        "fixtures/external-refs/common/responses.json",
        "codegen.config.json",
        "packages/codegen/src/cli/main.ts",
        "templates/runtime/body.ts",
        "package.json",
        "pnpm-lock.yaml",
        ".github/workflows/codegen.yml",
      ],
      mustNotTrigger: ["README.md", "scripts/demo.ts", ".github/workflows/other.yml"],
    };
  });

  it("has the jobs check, sdk-diff and regenerate", () => {
    expect(workflow.jobs.map((candidate) => candidate.id)).toStrictEqual(["check", "sdk-diff", "regenerate"]);
  });

  it("runs on push and pull_request when a spec, the generator or the client changes, and by hand", () => {
    for (const file of triggers.mustTrigger) expect(existsSync(join(repoRoot, file)), file).toBe(true);
    expect(triggerProblems(workflow, triggers)).toStrictEqual([]);
  });

  it("pins every action to a full commit SHA, with the release it is in a comment", () => {
    expect(actionUses(workflow).length).toBeGreaterThan(10);
    expect(pinProblems(workflow)).toStrictEqual([]);
    expect(pinMismatches(workflow, KNOWN_PINS)).toStrictEqual([]);
  });

  it("keeps the token read-only except in the two jobs that write", () => {
    expect(permissionProblems(workflow)).toStrictEqual([]);
    expect({
      top: workflow.permissions,
      ...Object.fromEntries(workflow.jobs.map((candidate) => [candidate.id, candidate.permissions])),
    }).toStrictEqual({
      top: { contents: "read" },
      check: undefined,
      "sdk-diff": { contents: "read", "pull-requests": "write" },
      regenerate: { contents: "write", "pull-requests": "write" },
    });
  });

  it("has one run per workflow and ref, cancelling superseded pull-request runs", () => {
    expect(concurrencyProblems(workflow, pullRequest)).toStrictEqual([]);
  });

  it("runs only pnpm scripts that the root package.json defines, and they only scripts it defines", () => {
    expect(scriptProblems(workflow, scripts)).toStrictEqual([]);
    const called = new Set(workflow.jobs.flatMap((candidate) => candidate.steps.flatMap((s) => (s.run === undefined ? [] : pnpmCalls(s.run)))));
    expect([...called].sort()).toStrictEqual(["build", "generate", "generate:check", "install", "test"]);
    // The scripts those scripts run, transitively (`test` runs lint, format:check, build, typecheck and generate:check).
    const seen = new Set<string>();
    const visit = (name: string) => {
      if (seen.has(name) || scripts[name] === undefined) return;
      seen.add(name);
      for (const inner of pnpmCalls(scripts[name])) {
        expect(Object.hasOwn(scripts, inner), `pnpm ${inner} (in the ${name} script)`).toBe(true);
        visit(inner);
      }
    };
    for (const name of called) visit(name);
    expect([...seen].sort()).toStrictEqual(["build", "format:check", "generate", "generate:check", "lint", "test", "typecheck"]);
  });

  it("calls diga-codegen only with commands and options that its --help documents", () => {
    expect(cliProblems(workflow, usage)).toStrictEqual([]);
    const calls = workflow.jobs.flatMap((candidate) => candidate.steps.flatMap((s) => (s.run === undefined ? [] : cliCalls(s.run))));
    expect(calls.map((args) => `${args[0]} ${args.filter((arg) => arg.startsWith("--")).join(" ")}`)).toStrictEqual(["diff --format", "diff --format"]);
    // And so do the scripts the workflow runs through pnpm.
    for (const name of ["generate", "generate:check"]) {
      const inScript = cliCalls(scripts[name] ?? "");
      expect(inScript.length, name).toBe(1);
      expect(
        inScript.flatMap((args) => cliCallProblems(args, usage)),
        name,
      ).toStrictEqual([]);
    }
  });

  it.each([
    { event: "push to the default branch", context: githubContext("push", "refs/heads/main"), want: { check: true, "sdk-diff": false, regenerate: true } },
    { event: "push to another branch", context: githubContext("push", "refs/heads/feature"), want: { check: true, "sdk-diff": false, regenerate: false } },
    { event: "push of a tag named like the default branch", context: githubContext("push", "refs/tags/main"), want: { check: true, "sdk-diff": false, regenerate: false } },
    { event: "pull request", context: pullRequest, want: { check: true, "sdk-diff": true, regenerate: false } },
    { event: "pull request from a fork", context: githubContext("pull_request", "refs/pull/7/merge", { fork: true }), want: { check: true, "sdk-diff": true, regenerate: false } },
    { event: "manual run", context: githubContext("workflow_dispatch", "refs/heads/feature"), want: { check: true, "sdk-diff": false, regenerate: true } },
  ])("on a $event, runs the right jobs", ({ context, want }) => {
    expect(Object.fromEntries(workflow.jobs.map((candidate) => [candidate.id, runsWhen(candidate.if, context)]))).toStrictEqual(want);
  });

  it("check: provides Chromium where the browser test looks for it", () => {
    expect(step(job(workflow, "check"), runs("sudo ln -s")).run).toContain(CHROMIUM_PATH);
  });

  it("check: summarises a drifted client, then runs the tests all the same", () => {
    const check = job(workflow, "check");
    const drift = step(check, runs("pnpm generate:check"));
    const test = step(check, runs("pnpm test"));
    expect(drift.run).toContain("GITHUB_STEP_SUMMARY");
    expect(check.steps.indexOf(drift)).toBeLessThan(check.steps.indexOf(test));
    const afterDrift: ExpressionContext = { ...pullRequest, steps: { build: { outcome: "success" } } };
    const afterFailedBuild: ExpressionContext = { ...pullRequest, steps: { build: { outcome: "failure" } } };
    expect([runsWhen(test.if, afterDrift), runsWhen(test.if, afterFailedBuild)]).toStrictEqual([true, false]);
  });

  it("sdk-diff: diffs against the base branch's spec, uploads both reports and comments only where the token can", () => {
    const diff = job(workflow, "sdk-diff");
    expect(step(diff, usesAction("actions/checkout")).with["fetch-depth"]).toBe(0);
    const base = step(diff, runs("git show"));
    expect(base.with).toStrictEqual({});
    expect(base.run).toContain('git show "origin/$BASE_REF:$SPEC"');
    expect(base.run).toContain('if git cat-file -e "origin/$BASE_REF:$SPEC"'); // a spec new in the PR has no base version
    expect(
      String(step(diff, usesAction("actions/upload-artifact")).with["path"])
        .trim()
        .split("\n"),
    ).toStrictEqual(["sdk-diff.md", "sdk-diff.json"]);
    const comment = step(diff, usesAction("actions/github-script"));
    expect([runsWhen(comment.if, pullRequest), runsWhen(comment.if, githubContext("pull_request", "refs/pull/7/merge", { fork: true }))]).toStrictEqual([true, false]);
  });

  it("regenerate: opens a pull request from codegen/regenerate only when generating changed files", () => {
    const regenerate = job(workflow, "regenerate");
    const open = step(regenerate, usesAction("peter-evans/create-pull-request"));
    expect(open.with["branch"]).toBe("codegen/regenerate");
    expect(String(open.with["commit-message"])).toMatch(/^Regenerate the client from its spec\n\n/);
    const changed = (value: string): ExpressionContext => ({ steps: { changes: { outputs: { changed: value } } } });
    expect([runsWhen(open.if, changed("true")), runsWhen(open.if, changed("false"))]).toStrictEqual([true, false]);
    expect(step(regenerate, runs("git status --porcelain")).id).toBe("changes");
  });
});

describe("the workflow checks", () => {
  const broken = loadWorkflow(`name: broken
on: push
permissions: write-all
jobs:
  build:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020
      - uses: actions/github-script@0000000000000000000000000000000000000000 # v7.0.1
      - run: npx -y pnpm@12.4.2 install --frozen-lockfile && pnpm run no-such-script
      - run: node packages/codegen/bin/diga-codegen.js generate --fail-on-breaking --colour
      - run: diga-codegen diff old.yaml
`);
  let usage: CliUsage;
  beforeAll(async () => {
    usage = await cliUsage();
  });

  it("find what is wrong with a broken workflow", () => {
    expect({
      pins: pinProblems(broken),
      mismatches: pinMismatches(broken, KNOWN_PINS),
      triggers: triggerProblems(broken, { events: ["push", "pull_request"], filteredEvents: ["push"], mustTrigger: ["codegen.config.json"], mustNotTrigger: [] }),
      permissions: permissionProblems(broken),
      concurrency: concurrencyProblems(broken, pullRequest),
      scripts: scriptProblems(broken, { build: "tsc" }),
      cli: cliProblems(broken, usage),
      runsOnPullRequests: runsWhen(broken.jobs[0]?.if, pullRequest),
    }).toStrictEqual({
      pins: [
        "job build, step 1: actions/checkout@v4 is not pinned to a full 40-character commit SHA",
        'job build, step 2: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020 has no "# vX.Y.Z" comment naming its release',
      ],
      mismatches: ["job build, step 3: actions/github-script@v7.0.1 is 60a0d83039c74a4aee543508d2ffcb1c3799cdea, not 0000000000000000000000000000000000000000"],
      triggers: ["does not run on pull_request", "push has no paths filter"],
      permissions: [
        'top-level permissions are not read-only: "write-all"',
        "job build writes (actions/github-script@0000000000000000000000000000000000000000) but declares no write permission of its own",
      ],
      concurrency: ["no concurrency group (or only a bare string, which never cancels)"],
      scripts: ["job build, step 4: pnpm no-such-script: no such script in package.json"],
      cli: [
        "job build, step 5: diga-codegen generate --fail-on-breaking --colour: --colour is not an option --help documents",
        "job build, step 5: diga-codegen generate --fail-on-breaking --colour: --fail-on-breaking is not an option of generate",
        "job build, step 6: diga-codegen diff old.yaml: diff takes 2 arguments, not 1",
      ],
      runsOnPullRequests: true,
    });
  });

  it.each([
    { given: "pnpm test", want: ["test"] },
    { given: "npx -y pnpm@12.4.2 install --frozen-lockfile", want: ["install"] },
    { given: "pnpm --filter @diga/codegen run build:watch # not pnpm nope", want: ["build:watch"] },
    { given: 'if ! pnpm generate:check 2> "$log"; then echo "pnpm is here"; fi', want: ["generate:check"] },
    { given: "cd x && pnpm build \\\n  && pnpm exec tsc", want: ["build", "exec"] },
    { given: "uses pnpm/action-setup", want: [] },
  ])("pnpm calls in $given", ({ given, want }) => {
    expect(pnpmCalls(given)).toStrictEqual(want);
  });

  it.each([
    { given: 'node packages/codegen/bin/diga-codegen.js diff "$RUNNER_TEMP/a b.yaml" "$SPEC" --format json > out.json', want: [["diff", "$RUNNER_TEMP/a b.yaml", "$SPEC", "--format", "json"]] },
    { given: "diga-codegen generate --check 2>&1 | tee log", want: [["generate", "--check"]] },
    { given: "echo 'diga-codegen generate --bogus'", want: [] },
  ])("diga-codegen calls in $given", ({ given, want }) => {
    expect(cliCalls(given)).toStrictEqual(want);
  });

  it.each([
    { given: "fixtures/a/openapi.yaml", patterns: ["fixtures/**/*.yaml"], want: true },
    { given: "fixtures/openapi.yaml", patterns: ["fixtures/**/*.yaml"], want: true },
    { given: "fixtures/a/expected/src/index.ts", patterns: ["fixtures/**/*.yaml"], want: false },
    { given: "packages/codegen/src/x.ts", patterns: ["packages/*/src/*.ts"], want: true },
    { given: "packages/codegen/src/a/x.ts", patterns: ["packages/*/src/*.ts"], want: false },
    { given: "packages/codegen/README.md", patterns: ["packages/**", "!**/*.md"], want: false },
  ])("path filter $patterns on $given", ({ given, patterns, want }) => {
    expect(matchesPathFilter(given, patterns)).toBe(want);
  });
});
