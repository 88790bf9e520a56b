/** scripts/util/pool.ts: a bounded number of jobs at once, results in the jobs' order. */
import { expect, test } from "vitest";
import { pool } from "../../../scripts/util/pool.ts";

test("never more than `limit` jobs at once; results in job order, not finishing order", async () => {
  let running = 0;
  let most = 0;
  const delays = [30, 5, 20, 1, 10, 2, 15];
  const results = await pool(delays, 3, async (ms, i) => {
    most = Math.max(most, ++running);
    await new Promise((done) => setTimeout(done, ms));
    running--;
    return `${i}:${ms}`;
  });
  expect(most).toBe(3);
  expect(results).toEqual(delays.map((ms, i) => `${i}:${ms}`));
});

test("a failing job rejects the pool; no jobs, no results", async () => {
  await expect(
    pool([1, 2], 2, (n) => (n === 2 ? Promise.reject(new Error("job 2")) : Promise.resolve(n))),
  ).rejects.toThrow("job 2");
  expect(await pool([], 4, () => Promise.resolve(1))).toEqual([]);
});

test("after a failure no new job starts; the pool rejects once the running ones are done", async () => {
  const started: number[] = [];
  let runningDone = false;
  const failing = pool([0, 1, 2, 3, 4, 5], 2, async (n) => {
    started.push(n);
    if (n === 0) throw new Error("job 0");
    await new Promise((done) => setTimeout(done, 20));
    runningDone = true;
    return n;
  });
  await expect(failing).rejects.toThrow("job 0");
  expect(started).toEqual([0, 1]);
  expect(runningDone).toBe(true);
});

test("a limit that is not a positive number runs one job at a time", async () => {
  expect(await pool([1, 2, 3], Number.NaN, (n) => Promise.resolve(n * 2))).toEqual([2, 4, 6]);
  expect(await pool([1, 2], 0, (n) => Promise.resolve(n))).toEqual([1, 2]);
});
