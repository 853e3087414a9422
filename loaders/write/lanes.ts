/**
 * Jobs on a few lanes (DuckDB connections, one query on one thread each):
 * each lane takes the first job of the list whose prerequisites are done and
 * whose exclusive group is free, runs it, and takes the next, until every
 * job has run. The list's order is the priority: put the jobs on the longest
 * chain first, so that they start as soon as they can.
 */

export interface LaneJob<C> {
  name: string;
  /** Names of jobs that must be done before this one starts. */
  after?: readonly string[];
  /** Jobs of the same group run one at a time. */
  exclusive?: string;
  run: (lane: C) => Promise<void>;
}

/** Run every job on the lanes; rejects with the first failure, once every lane has finished what it was running. */
export async function runOnLanes<C>(lanes: readonly C[], jobs: readonly LaneJob<C>[]): Promise<void> {
  const names = new Set<string>();
  for (const job of jobs) {
    if (names.has(job.name)) throw new Error(`lanes: two jobs named ${job.name}`);
    names.add(job.name);
  }
  if (lanes.length === 0 && jobs.length > 0) throw new Error("lanes: jobs but no lane to run them");
  for (const job of jobs)
    for (const before of job.after ?? []) if (!names.has(before)) throw new Error(`lanes: ${job.name} waits for ${before}, which is not a job`);
  const pending = [...jobs];
  const done = new Set<string>();
  const busy = new Set<string>();
  let running = 0;
  let failure: { error: unknown } | undefined;
  let wake: () => void = () => {};
  let changed = new Promise<void>((resolve) => (wake = resolve));
  const ready = (job: LaneJob<C>) => (job.after ?? []).every((b) => done.has(b)) && !(job.exclusive && busy.has(job.exclusive));
  const signal = () => {
    const woken = wake;
    changed = new Promise<void>((resolve) => (wake = resolve));
    woken();
  };
  const lane = async (c: C) => {
    while (!failure && pending.length > 0) {
      const at = pending.findIndex(ready);
      if (at < 0) {
        if (running === 0) {
          failure = { error: new Error(`lanes: ${pending.map((j) => j.name).join(", ")} can never start`) };
          signal();
        } else await changed;
        continue;
      }
      const [job] = pending.splice(at, 1);
      running++;
      if (job.exclusive) busy.add(job.exclusive);
      try {
        await job.run(c);
        done.add(job.name);
      } catch (error) {
        failure ??= { error };
      } finally {
        running--;
        if (job.exclusive) busy.delete(job.exclusive);
        signal();
      }
    }
  };
  await Promise.all(lanes.map(lane));
  if (failure) throw failure.error;
}
