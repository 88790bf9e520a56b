/** scripts/pool.ts: a bounded number of jobs at once, results in the jobs' order. */
import { expect, test } from "vitest";
import { pool } from "../../scripts/pool.ts";

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
    pool([1, 2], 2, async (n) => (n === 2 ? Promise.reject(new Error("job 2")) : n)),
  ).rejects.toThrow("job 2");
  expect(await pool([], 4, async () => 1)).toEqual([]);
});
