/** Small helpers shared by the benchmarks (scripts/bench/bench.ts, scripts/bench/search.ts). */
import { spawn } from "node:child_process";

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
