import type { PresetName } from "./dataset/presets.ts";
import type { BenchStores } from "./benchStores.ts";

/** One line of the results table: a measured value beside its goal. */
export interface Check {
  readonly what: string;
  readonly measured: string;
  /** "—" where the issue set no goal. */
  readonly goal: string;
  /** null where there is no goal to meet. */
  readonly met: boolean | null;
}

export interface SuiteResult {
  readonly checks: Check[];
  /** The suite's raw numbers, as results.json keeps them. */
  readonly data: Record<string, unknown>;
}

export interface BenchContext {
  /** The tiny preset and a few repetitions: proves the harness runs, measures nothing. */
  readonly smoke: boolean;
  readonly stores: BenchStores;
  /** The data set each kind of suite runs on. */
  readonly presets: { readonly backfill: PresetName; readonly queries: PresetName };
  log(line: string): void;
}

export type Suite = (ctx: BenchContext) => Promise<SuiteResult>;
