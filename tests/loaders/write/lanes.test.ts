// Jobs on lanes (write/lanes.ts): a job starts once what it waits for is done, jobs of one exclusive group never
// overlap, the list's order is the priority, a failure rejects once the running jobs end, and jobs that can never
// start are an error rather than a hang.
import { describe, expect, it } from "vitest";
import { type LaneJob, runOnLanes } from "../../../loaders/write/lanes.ts";

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

/** Jobs that log `start <name> on <lane>` and `end <name>`, each taking `ticks` timer ticks. */
function logged(log: string[], specs: Array<Omit<LaneJob<string>, "run"> & { ticks?: number; fail?: boolean }>): LaneJob<string>[] {
  return specs.map(({ ticks = 1, fail, ...job }) => ({
    ...job,
    run: async (lane) => {
      log.push(`start ${job.name} on ${lane}`);
      for (let i = 0; i < ticks; i++) await tick();
      if (fail) throw new Error(`${job.name} failed`);
      log.push(`end ${job.name}`);
    },
  }));
}

describe("write/lanes.ts runOnLanes", () => {
  it("starts a job only after what it waits for, taking ready jobs in list order", async () => {
    const log: string[] = [];
    await runOnLanes(
      ["A", "B"],
      logged(log, [
        { name: "write residue", after: ["load residue"] },
        { name: "load residue", ticks: 3 },
        { name: "load line_items" },
        { name: "batch", after: ["load line_items"] },
      ]),
    );
    // A takes the first ready job (load residue), B the next (load line_items), then batch once it is loaded
    expect(log.slice(0, 2)).toEqual(["start load residue on A", "start load line_items on B"]);
    expect(log.indexOf("start batch on B")).toBeGreaterThan(log.indexOf("end load line_items"));
    expect(log.indexOf("start write residue on A")).toBe(log.indexOf("end load residue") + 1);
    expect(log.filter((l) => l.startsWith("end"))).toHaveLength(4);
  });

  it("runs the jobs of an exclusive group one at a time, other jobs beside them", async () => {
    const log: string[] = [];
    await runOnLanes(
      ["A", "B", "C"],
      logged(log, [
        { name: "partitioned 1", exclusive: "partitioned", ticks: 2 },
        { name: "partitioned 2", exclusive: "partitioned", ticks: 2 },
        { name: "parquet 1" },
      ]),
    );
    // B cannot take partitioned 2 while partitioned 1 runs: it takes parquet 1; C waits
    expect(log.slice(0, 2)).toEqual(["start partitioned 1 on A", "start parquet 1 on B"]);
    expect(log.findIndex((l) => l.startsWith("start partitioned 2"))).toBeGreaterThan(log.indexOf("end partitioned 1"));
  });

  it("rejects with the first failure, after the running jobs end, and starts nothing more", async () => {
    const log: string[] = [];
    const run = runOnLanes(["A", "B"], logged(log, [{ name: "bad", fail: true }, { name: "slow", ticks: 5 }, { name: "never" }]));
    await expect(run).rejects.toThrow("bad failed");
    expect(log).toEqual(["start bad on A", "start slow on B", "end slow"]);
    // a lane parked waiting (for a job the failed one would have unlocked) is woken and stops too
    const parked: string[] = [];
    await expect(
      runOnLanes(
        ["A", "B"],
        logged(parked, [
          { name: "slow bad", ticks: 3, fail: true },
          { name: "after it", after: ["slow bad"] },
        ]),
      ),
    ).rejects.toThrow("slow bad failed");
    expect(parked).toEqual(["start slow bad on A"]);
  });

  it("names the jobs that can never start (waiting for one another)", async () => {
    const log: string[] = [];
    await expect(
      runOnLanes(
        ["A"],
        logged(log, [
          { name: "x", after: ["y"] },
          { name: "y", after: ["x"] },
        ]),
      ),
    ).rejects.toThrow("lanes: x, y can never start");
    await expect(runOnLanes(["A"], logged(log, [{ name: "x", after: ["missing"] }]))).rejects.toThrow("lanes: x waits for missing, which is not a job");
    expect(log).toEqual([]);
    // found once the jobs that could run have run, with another lane parked meanwhile
    await expect(
      runOnLanes(
        ["A", "B"],
        logged(log, [
          { name: "slow", ticks: 3 },
          { name: "x", after: ["y"] },
          { name: "y", after: ["x"] },
        ]),
      ),
    ).rejects.toThrow("lanes: x, y can never start");
    expect(log).toEqual(["start slow on A", "end slow"]);
  });

  it("refuses two jobs of one name, and jobs without a lane", async () => {
    const log: string[] = [];
    await expect(runOnLanes(["A"], logged(log, [{ name: "x" }, { name: "x" }]))).rejects.toThrow("lanes: two jobs named x");
    await expect(runOnLanes([], logged(log, [{ name: "x" }]))).rejects.toThrow("lanes: jobs but no lane to run them");
    await runOnLanes([], []);
    expect(log).toEqual([]);
  });
});
