// What changed between two versions of the contract, in graphql-inspector's words and
// criticality (BREAKING / DANGEROUS / NON_BREAKING), rather than a diff of our own.
import { type Change, CriticalityLevel, diff } from "@graphql-inspector/core";
import { buildSchema } from "graphql";

export interface SchemaChanges {
  readonly breaking: readonly Change[];
  readonly dangerous: readonly Change[];
  readonly safe: readonly Change[];
}

export async function schemaChanges(before: string, after: string): Promise<SchemaChanges> {
  const changes = await diff(buildSchema(before), buildSchema(after));
  const at = (level: CriticalityLevel) => changes.filter((c) => c.criticality.level === level);
  return { breaking: at(CriticalityLevel.Breaking), dangerous: at(CriticalityLevel.Dangerous), safe: at(CriticalityLevel.NonBreaking) };
}

/** One line per change, breaking ones first, for a terminal or a CI log. */
export function describeChanges({ breaking, dangerous, safe }: SchemaChanges): string[] {
  return [
    ...breaking.map((c) => `BREAKING   ${c.path ?? ""}  ${c.message}`),
    ...dangerous.map((c) => `DANGEROUS  ${c.path ?? ""}  ${c.message}`),
    ...safe.map((c) => `safe       ${c.path ?? ""}  ${c.message}`),
  ];
}
