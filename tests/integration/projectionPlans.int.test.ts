// The projector's statements keep the plan Neo4j first made for them (`CYPHER replan=skip`,
// projectionCypher.ts). That is safe only if no plan depends on the graph's counts: planned afresh
// on this worker's small graph, where a scan or a seek of a shared index costs least, every
// statement must still find its nodes by unique key and walk from nodes it holds. The one scan
// allowed is of the transaction-local PairsRecount label, which holds only the projection's own marks.
import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAIRS_MARK } from "../../src/projector/colorPairCounts.ts";
import { projectionStatements } from "../../src/projector/projectionCypher.ts";
import { EMPTY_BATCHES } from "../../src/projector/warmProjectionCypher.ts";
import { workerStack } from "../support/workerStack.ts";

interface PlanNode {
  readonly operatorType: string;
  readonly arguments: Record<string, unknown>;
  readonly children: PlanNode[];
}

let driver: Driver;
beforeAll(() => {
  driver = neo4j.driver(workerStack().neo4jUri, neo4j.auth.basic("neo4j", process.env.TEST_NEO4J_PASSWORD ?? ""));
});
afterAll(() => driver.close());

async function freshPlan(text: string): Promise<PlanNode> {
  const { summary } = await driver.executeQuery(`CYPHER replan=force EXPLAIN ${text}`, EMPTY_BATCHES, { database: "neo4j" });
  return summary.plan as unknown as PlanNode;
}

function operators(node: PlanNode): PlanNode[] {
  return [node, ...node.children.flatMap(operators)];
}

/** How an operator reaches the store: a scan or seek (named with its details), or null when it reads from rows it was given. */
function access(node: PlanNode): string | null {
  const type = node.operatorType.replace(/@.*$/, "");
  return /Scan|Seek/.test(type) ? `${type} ${String(node.arguments["Details"] ?? "")}` : null;
}

const byUniqueKey = (step: string) => /^(Node|(Directed|Undirected)Relationship)UniqueIndexSeek/.test(step);
const ofOwnMarks = (step: string) => step.startsWith("NodeByLabelScan") && step.endsWith(`:${PAIRS_MARK}`);

describe("the projector's statements, planned on a small graph", () => {
  it.each(Object.keys(projectionStatements))("%s reads by unique key or from nodes it holds", async (name) => {
    const plan = await freshPlan(projectionStatements[name as keyof typeof projectionStatements]);
    const steps = operators(plan).map(access).filter((step) => step !== null);
    expect(steps.filter((step) => !byUniqueKey(step) && !ofOwnMarks(step))).toEqual([]);
  });
});
