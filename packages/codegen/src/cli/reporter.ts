/**
 * How the CLI talks: results on stdout, problems on stderr, colour only on a terminal that wants it, progress only
 * where it can be redrawn, and `--quiet` / `--verbose` deciding how much is said.
 */
export interface Io {
  readonly cwd: string;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** Whether stderr is an interactive terminal (progress is drawn there, never into logs or pipes). */
  readonly interactive?: boolean;
  /** The environment, for `NO_COLOR` / `FORCE_COLOR`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Redraws the current stderr line (progress); absent where lines cannot be redrawn. */
  readonly status?: (text: string) => void;
}

export type Verbosity = "quiet" | "normal" | "verbose";

export interface Reporter {
  /** A result line (the summary); dropped with `--quiet`. */
  info(line: string): void;
  /** Detail for `--verbose` only (per-stage timings, files written). */
  detail(line: string): void;
  /** Always shown, on stderr. */
  error(line: string): void;
  /** On stderr, unless `--quiet`: something the user should know that did not stop the run. */
  warn(line: string): void;
  /** `operations 120/1000`, redrawn in place on an interactive terminal; nothing elsewhere. */
  progress(label: string, done: number, total: number): void;
  readonly paint: Paint;
}

export interface Paint {
  readonly red: (text: string) => string;
  readonly green: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly bold: (text: string) => string;
}

/** https://no-color.org: any non-empty `NO_COLOR` turns colour off; `FORCE_COLOR` turns it on even in pipes. */
function wantsColor(io: Pick<Io, "env" | "interactive">): boolean {
  const env = io.env ?? {};
  if ((env["NO_COLOR"] ?? "") !== "") return false;
  if (env["FORCE_COLOR"] !== undefined && env["FORCE_COLOR"] !== "0") return true;
  return io.interactive === true && env["TERM"] !== "dumb";
}

function paintWith(color: boolean): Paint {
  const sgr = (open: number, close: number) => (text: string) => (color ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return { red: sgr(31, 39), green: sgr(32, 39), yellow: sgr(33, 39), dim: sgr(2, 22), bold: sgr(1, 22) };
}

export function createReporter(io: Io, verbosity: Verbosity): Reporter {
  const paint = paintWith(wantsColor(io));
  let lastDrawn = 0;
  return {
    paint,
    info: (line) => {
      if (verbosity !== "quiet") io.out(line);
    },
    detail: (line) => {
      if (verbosity === "verbose") io.out(line);
    },
    error: (line) => io.err(line),
    warn: (line) => {
      if (verbosity !== "quiet") io.err(line);
    },
    progress: (label, done, total) => {
      if (verbosity === "quiet" || io.interactive !== true || io.status === undefined) return;
      // Redrawing costs a write; ten times a second is plenty for a person to watch.
      const now = Date.now();
      if (done !== total && now - lastDrawn < 100) return;
      lastDrawn = now;
      io.status(done === total ? "" : `${label} ${done}/${total}`);
    },
  };
}

/** The process's own streams. */
export function processIo(): Io {
  const interactive = process.stderr.isTTY === true;
  return {
    cwd: process.cwd(),
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    interactive,
    env: process.env,
    ...(interactive ? { status: (text: string) => process.stderr.write(`\r\u001b[2K${text}`) } : {}),
  };
}
