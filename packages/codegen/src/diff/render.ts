/** An SDK diff as a pull-request comment (Markdown) and as JSON for tools. Both are pure and byte-stable. */
import type { ApiDiff, Change } from "./change.js";
import { groupName } from "./classify.js";

/** Pretty JSON with a trailing newline; the changes are already in their one sorted order. */
export function renderJson(diff: ApiDiff): string {
  return `${JSON.stringify(diff, null, 2)}\n`;
}

/** GitHub refuses comments over 65,536 characters; past this, the rest is left to the JSON report. */
const MARKDOWN_BUDGET = 60_000;

/**
 * A heading with the suggested bump, then breaking changes and the other non-breaking ones, grouped by operation or
 * type; patch-level changes (descriptions, formats…) folded into a `<details>` block, since a big spec has hundreds.
 */
export function renderMarkdown(diff: ApiDiff, budget = MARKDOWN_BUDGET): string {
  const heading = `## SDK changes: ${diff.bump === "none" ? "no version bump needed" : `suggested ${diff.bump} version bump`}`;
  if (diff.changes.length === 0) return `${heading}\n\nNo changes to the SDK surface.\n`;
  const breaking = diff.changes.filter((change) => change.breaking);
  const minor = diff.changes.filter((change) => !change.breaking && change.severity !== "patch");
  const patch = diff.changes.filter((change) => !change.breaking && change.severity === "patch");
  const counts = `${count(diff.summary.total, "change")}: ${diff.summary.breaking} breaking, ${diff.summary.minor} minor, ${diff.summary.patch} patch.`;
  const blocks = [heading, counts];
  let used = heading.length + counts.length;
  let left = diff.changes.length;
  let full = false;
  const add = (title: string, changes: readonly Change[], fold: boolean) => {
    const kept: string[] = [];
    for (const [name, members] of groups(changes)) {
      const text = [`**\`${name}\`**${kindOf(members)}`, ...members.map(item)].join("\n");
      // Once one group does not fit, none after it is shown: what is left out is always the tail.
      full ||= used + text.length > budget;
      if (full) break;
      kept.push(text);
      used += text.length + 2;
      left -= members.length;
    }
    if (kept.length === 0) return;
    if (fold) blocks.push(`<details><summary>${title}</summary>`, ...kept, "</details>");
    else blocks.push(`### ${title}`, ...kept);
  };
  add("Breaking changes", breaking, false);
  add("Other changes", minor, false);
  add(`${count(patch.length, "patch-level change")} (descriptions, formats and the like)`, patch, true);
  if (left > 0) blocks.push(`_… and ${count(left, "more change")}, left out to fit a pull-request comment: the JSON report (\`--format json\`) lists them all._`);
  return `${blocks.join("\n\n")}\n`;
}

/** Consecutive changes about one subject; the changes arrive sorted by subject, so each subject forms one run. */
function groups(changes: readonly Change[]): [string, Change[]][] {
  const runs: [string, Change[]][] = [];
  for (const change of changes) {
    const last = runs.at(-1);
    if (last !== undefined && last[0] === groupName(change) && kindOf(last[1]) === kindOf([change])) last[1].push(change);
    else runs.push([groupName(change), [change]]);
  }
  return runs;
}

function kindOf(changes: readonly Change[]): string {
  return changes[0]?.subject.schema !== undefined ? " (type)" : "";
}

/** The message without its `name: ` prefix, which the group heading already says; minor/patch marked for review. */
function item(change: Change): string {
  const prefix = `${groupName(change)}: `;
  const text = change.message.startsWith(prefix) ? change.message.slice(prefix.length) : change.message;
  return change.breaking ? `- ${text}` : `- ${text} _(${change.severity})_`;
}

function count(n: number, word: string): string {
  return `${n} ${n === 1 ? word : `${word}s`}`;
}
