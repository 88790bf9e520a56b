/**
 * Runs async jobs at most `limit` at a time, in order of the list; results in the jobs' order.
 * Used where work is CPU-heavy or runs on libuv's thread pool (scripts/search/index.ts,
 * scripts/build/precompress.ts), so that starting everything at once would only queue it elsewhere.
 * After a job fails no new job starts (a build step is failing: no point starting more
 * indexing processes); the pool rejects with the first failure once running jobs are done.
 */
export async function pool<T, R>(
  jobs: readonly T[],
  limit: number,
  run: (job: T, i: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(jobs.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < jobs.length) {
      const i = next++;
      try {
        results[i] = await run(jobs[i]!, i);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const workers = Math.max(1, Math.min(jobs.length, Math.floor(limit) || 1));
  const settled = await Promise.allSettled(Array.from({ length: workers }, worker));
  const failure = settled.find((s) => s.status === "rejected");
  if (failure) throw failure.reason;
  return results;
}
