/** Small helpers shared by the benchmarks (scripts/bench/bench.ts, scripts/bench/search.ts). */
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Runs a command to completion, its output hidden unless `show`; rejects on a non-zero exit. */
export function run(cmd: string, args: string[], cwd: string, show = false): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, {
      cwd,
      stdio: ["ignore", show ? "inherit" : "ignore", "inherit"],
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" },
    });
    child.on("error", fail);
    child.on("exit", (code) =>
      code === 0 ? done() : fail(new Error(`${cmd} ${args.join(" ")} exited with ${code}`)),
    );
  });
}

/** The p-quantile (0–1) of `values`, nearest rank. */
export function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
}

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;
export const ms = (x: number): string => `${Math.round(x)} ms`;
export const seconds = (x: number): string => `${(x / 1000).toFixed(1)} s`;

/** What one part of a benchmark measured: its report lines, and whether its budgets held. */
export interface Part {
  lines: string[];
  ok: boolean;
}

/**
 * A benchmark's report, part by part. A part that fails is reported as such and the others' figures
 * are still printed; `write` saves the report under .tmp/ and sets a failing exit code if any part
 * failed or missed a budget.
 */
export function benchReport(heading: string) {
  const out: string[] = [];
  let ok = true;
  return {
    part: async (title: string, measure: () => Promise<Part>): Promise<void> => {
      try {
        const r = await measure();
        out.push(`${heading} ${title}`, "", ...r.lines, "");
        ok &&= r.ok;
      } catch (error) {
        out.push(`${heading} ${title}`, "", `FAILED: ${(error as Error).message}`, "");
        ok = false;
      }
    },
    write: (root: string, file: string): void => {
      const report = out.join("\n");
      mkdirSync(join(root, ".tmp"), { recursive: true });
      writeFileSync(join(root, ".tmp", file), report);
      console.log(`\n${report}\n(also written to .tmp/${file})`);
      if (!ok) process.exitCode = 1;
    },
  };
}
