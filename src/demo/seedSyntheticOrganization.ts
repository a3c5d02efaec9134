// A synthetic organization of many similar brands, for measuring (the batching test, the
// benchmark) rather than showing; written through the stores like any other data.
import type { GatewayDeps } from "../gateway/gatewayDeps.ts";
import { assetStore } from "../stores/assetStore.ts";
import { brandStore } from "../stores/brandStore.ts";
import { inTransaction } from "../stores/inTransaction.ts";
import { organizationStore } from "../stores/organizationStore.ts";

export interface SyntheticShape {
  readonly brands: number;
  readonly colorsPerBrand: number;
  readonly assetsPerBrand: number;
  /** Brands written at once; keep below the pool size. */
  readonly concurrency?: number;
}

/** A deterministic color for slot i of brand b: neighbouring brands share most of their palette. */
const hexOf = (b: number, i: number) => `#${((b + i * 7919) * 2654435761 % 0xffffff).toString(16).padStart(6, "0").toUpperCase()}`;

export async function seedSyntheticOrganization(deps: Pick<GatewayDeps, "sql" | "sync">, name: string, shape: SyntheticShape) {
  const organization = await inTransaction(deps, (tx) => organizationStore.create(tx, { name }));
  const seedBrand = async (b: number) => {
    const colors = Array.from({ length: shape.colorsPerBrand }, (_, i) => ({
      hex: hexOf(b % 5, i),
      name: null,
      usage: i === 0 ? "primary" : "accent",
      usageWeight: Math.round((1 - i / shape.colorsPerBrand) * 100) / 100,
      context: null,
    }));
    const brand = await inTransaction(deps, (tx) =>
      brandStore.create(tx, { organizationId: organization.id, name: `${name} brand ${b + 1}`, learningActive: b % 2 === 0, colors }),
    );
    for (let a = 0; a < shape.assetsPerBrand; a++) {
      await inTransaction(deps, (tx) =>
        assetStore.create(tx, {
          brandId: brand.id,
          prompt: `${brand.name} asset ${a + 1}`,
          imageUrl: null,
          complianceScore: ((a * 37) % 100) / 100,
          status: "generated",
          colors: colors.slice(0, 3).map((c, i) => ({ hex: c.hex, coverage: [0.5, 0.3, 0.2][i] ?? null })),
        }),
      );
    }
  };
  const concurrency = shape.concurrency ?? 4;
  for (let start = 0; start < shape.brands; start += concurrency) {
    const batch = Array.from({ length: Math.min(concurrency, shape.brands - start) }, (_, i) => start + i);
    await Promise.all(batch.map(seedBrand));
  }
  return organization;
}
