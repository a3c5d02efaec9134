// The extraction processes: the same answer as decoding and clustering in this process, at the
// configured CPU priority on every thread, and a process that dies or stalls fails only the image
// it held, with an ExtractionFailedError, and is replaced.
import fs from "node:fs";
import os from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { clusterColors } from "./clusterColors.ts";
import { defaultColorExtractionSettings, type ColorExtractionSettings } from "./colorExtractionSettings.ts";
import { decodeSamples } from "./decodeSamples.ts";
import { ExtractionFailedError } from "./ExtractionFailedError.ts";
import { ExtractionProcessPool } from "./ExtractionProcessPool.ts";
import { ImageRejectedError } from "./ImageRejectedError.ts";
import { flatRegions, poster } from "./syntheticImages.ts";

const pools: ExtractionProcessPool[] = [];
const open = (settings: Partial<ColorExtractionSettings> = {}) => {
  const pool = new ExtractionProcessPool({ ...defaultColorExtractionSettings, ...settings });
  pools.push(pool);
  return pool;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Every thread of the process (Linux lists them; elsewhere the process alone). */
const threadsOf = (pid: number) => (fs.existsSync(`/proc/${pid}/task`) ? fs.readdirSync(`/proc/${pid}/task`).map(Number) : [pid]);

describe("ExtractionProcessPool", { timeout: 30_000 }, () => {
  it("answers as decoding and clustering in this process do, for more images than it has processes", async () => {
    const pool = open({ processes: 2 });
    const images = await Promise.all([flatRegions("png"), flatRegions("jpeg", 75), flatRegions("jpeg", 90)].map(async (i) => (await i).image));
    const answers = await Promise.all(images.map((image) => pool.run(image, 8)));
    const expected = await Promise.all(
      images.map(async (image) => {
        const { rgba, ...decoded } = await decodeSamples(image, defaultColorExtractionSettings);
        return { image: decoded, clustered: clusterColors(rgba, { ...defaultColorExtractionSettings, maxColors: 8 }) };
      }),
    );
    expect(answers).toEqual(expected);
    expect(pool.processIds()).toHaveLength(2);
  });

  it("runs every thread of its processes at the configured nice value, below the gateway's", async () => {
    const pool = open({ processes: 1, nice: 13 });
    await pool.run(await poster(1024, "jpeg"), 8); // libvips has started its threads
    const [pid] = pool.processIds();
    expect(os.getPriority(pid)).toBe(13);
    const threads = threadsOf(pid!);
    expect(threads.length).toBeGreaterThan(1);
    expect(threads.map((tid) => os.getPriority(tid))).toEqual(threads.map(() => 13));
    expect(os.getPriority()).toBeLessThan(13);
  });

  it("hands back an image rejection as the ImageRejectedError the process raised", async () => {
    const rejection = open({ processes: 1 }).run(Buffer.from("hello, I am a text file"), 8);
    await expect(rejection).rejects.toBeInstanceOf(ImageRejectedError);
    await expect(rejection).rejects.toMatchObject({ code: "NOT_AN_IMAGE", field: "image" });
  });

  it("fails the image a killed process held with EXTRACTION_FAILED, and reads the next image in a new process", async () => {
    const pool = open({ processes: 1 });
    const image = await poster(2048, "jpeg");
    await pool.run(image, 8);
    const [first] = pool.processIds();
    const held = pool.run(image, 8);
    process.kill(first!, "SIGKILL");
    await expect(held).rejects.toBeInstanceOf(ExtractionFailedError);
    await expect(held).rejects.toMatchObject({ code: "EXTRACTION_FAILED", field: "image", message: expect.stringContaining("exited (SIGKILL)") });
    const next = await pool.run(image, 8);
    expect(next.image).toEqual({ format: "jpeg", width: 2048, height: 2048 });
    expect(pool.processIds()).toHaveLength(1);
    expect(pool.processIds()[0]).not.toBe(first);
  });

  it("stops a process that overruns the time limit, fails its image, and reads the next one", async () => {
    const pool = open({ processes: 1, timeoutMs: 1000 });
    const { image } = await flatRegions();
    await pool.run(image, 8);
    const [stalled] = pool.processIds();
    process.kill(stalled!, "SIGSTOP");
    const started = performance.now();
    await expect(pool.run(image, 8)).rejects.toMatchObject({ code: "EXTRACTION_FAILED", message: expect.stringContaining("longer than 1000 ms") });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect((await pool.run(image, 8)).image.format).toBe("png");
    expect(alive(stalled!)).toBe(false);
  });

  it("rejects what is queued or running when it closes, ends its processes, and refuses work after", async () => {
    const pool = open({ processes: 1 });
    const image = await poster(2048, "jpeg");
    const tasks = [pool.run(image, 8), pool.run(image, 8)].map((t) => t.then(() => "read", (e: Error) => e.name));
    const pids = pool.processIds();
    await pool.close();
    expect(await Promise.all(tasks)).toEqual(["ExtractionFailedError", "ExtractionFailedError"]);
    expect(pids.filter(alive)).toEqual([]);
    await expect(pool.run(image, 8)).rejects.toThrow("color extraction is shut down");
  });

  it("refuses settings without a process or with a nice value out of 0–19", () => {
    expect(() => open({ processes: 0 })).toThrow("needs at least one process, got 0");
    expect(() => open({ nice: 20 })).toThrow("needs a nice value from 0 to 19, got 20");
  });
});
