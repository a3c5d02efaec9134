import { afterEach, describe, expect, it } from "vitest";
import { ClusterPool } from "./ClusterPool.ts";
import { clusterColors, type ClusterOptions } from "./clusterColors.ts";

const options: ClusterOptions = { maxColors: 8, minCoverage: 0.01, mergeDeltaE00: 5, initialClusters: 16 };

function sample(seed: number): Uint8Array {
  const rgba = new Uint8Array(64 * 64 * 4);
  for (let i = 0; i < rgba.length; i += 4) rgba.set([(seed * 40 + (i % 512 < 256 ? 0 : 120)) % 256, 90, 200, 255], i);
  return rgba;
}

const pools: ClusterPool[] = [];
const open = (size: number) => {
  const pool = new ClusterPool(size);
  pools.push(pool);
  return pool;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe("ClusterPool", () => {
  it("answers as clusterColors does in this thread, for more tasks than it has threads", async () => {
    const pool = open(2);
    const inputs = [1, 2, 3, 4, 5].map(sample);
    const results = await Promise.all(inputs.map((rgba) => pool.run(rgba, options)));
    expect(results).toEqual(inputs.map((rgba) => clusterColors(rgba, options)));
  });

  it("leaves the caller's samples untouched (it sends a copy to the thread)", async () => {
    const rgba = sample(1);
    await open(1).run(rgba, options);
    expect(rgba.length).toBe(64 * 64 * 4);
    expect(rgba[0]).toBe(40);
  });

  it("rejects tasks still queued or running when it closes, and any task after", async () => {
    const pool = open(1);
    const running = [pool.run(sample(1), options), pool.run(sample(2), options)].map((task) =>
      task.then(
        () => "finished",
        (error: Error) => error.message,
      ),
    );
    await pool.close();
    expect(await Promise.all(running)).toEqual(Array(2).fill("the color clustering pool closed before the task finished"));
    await expect(pool.run(sample(3), options)).rejects.toThrow("the color clustering pool is closed");
  });

  it("refuses to be built without a thread", () => {
    expect(() => new ClusterPool(0)).toThrow("ClusterPool needs at least one thread, got 0");
  });
});
