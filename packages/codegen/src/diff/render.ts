/** An SDK diff as a pull-request comment (Markdown) and as JSON for tools. Both are pure and byte-stable. */
import type { ApiDiff, Change } from "./change.js";
import { groupName } from "./classify.js";

/** Pretty JSON with a trailing newline; the changes are already in their one sorted order. */
export function renderJson(diff: ApiDiff): string {
  return `${JSON.stringify(diff, null, 2)}\n`;
}

/** A heading with the suggested bump, then breaking changes and other changes, grouped by operation or type. */
export function renderMarkdown(diff: ApiDiff): string {
  const heading = `## SDK changes: ${diff.bump === "none" ? "no version bump needed" : `suggested ${diff.bump} version bump`}`;
  if (diff.changes.length === 0) return `${heading}\n\nNo changes to the SDK surface.\n`;
  const breaking = diff.changes.filter((change) => change.breaking);
  const other = diff.changes.filter((change) => !change.breaking);
  const counts = `${count(diff.summary.total, "change")}: ${diff.summary.breaking} breaking, ${diff.summary.minor} minor, ${diff.summary.patch} patch.`;
  return [heading, counts, ...section("Breaking changes", breaking), ...section("Other changes", other)].join("\n\n") + "\n";
}

function section(title: string, changes: readonly Change[]): string[] {
  if (changes.length === 0) return [];
  return [`### ${title}`, ...groups(changes).map(([name, members]) => [`**\`${name}\`**${kindOf(members)}`, ...members.map(item)].join("\n"))];
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
