// A brand's palette leads to each color's graph Color in one query, and on to its pairings and the
// brands using it, for every role of the brand's organization; another organization never reaches it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES } from "../../src/auth/access.ts";
import { startTenants, type Tenants } from "../support/tenants.ts";

const PALETTE_WALK = `query Walk($id: ID!) {
  brand(id: $id) {
    id
    colors {
      hex
      color { hex brands { brand { id } } pairings(minSamples: 1, limit: 10) { color { hex } pairingCount } }
    }
  }
}`;

describe("BrandColor.color", () => {
  let tenants: Tenants;
  beforeAll(async () => {
    tenants = await startTenants();
  });
  afterAll(async () => tenants?.close());

  for (const role of ROLES) {
    it(`leads a ${role} from each palette color to its Color, its pairings and only its own organization's brands`, async () => {
      const { data, errors } = await tenants.gateway.graphql(PALETTE_WALK, { id: tenants.own.brand.id }, await tenants.as(role));
      expect(errors).toBeUndefined();
      const colors = data.brand.colors as Array<{ hex: string; color: { hex: string; brands: Array<{ brand: { id: string } }>; pairings: Array<{ color: { hex: string }; pairingCount: number }> } }>;
      expect(colors.map((c) => c.hex).sort()).toEqual(tenants.sharedHexes);
      for (const { hex, color } of colors) {
        expect(color.hex).toBe(hex);
        expect(color.brands.map((o) => o.brand.id)).toEqual([tenants.own.brand.id]);
        // Both organizations' approved assets use all three colors: each pairs with the other two, twice.
        expect(color.pairings.filter((p) => tenants.sharedHexes.includes(p.color.hex)).map((p) => [p.color.hex, p.pairingCount]).sort()).toEqual(
          tenants.sharedHexes.filter((other) => other !== hex).map((other) => [other, 2]),
        );
      }
    });

    it(`gives a ${role} of another organization no way to the brand's palette colors`, async () => {
      const { data, errors } = await tenants.gateway.graphql(PALETTE_WALK, { id: tenants.own.brand.id }, await tenants.as(role, tenants.foreign.organizationId));
      expect(errors).toBeUndefined();
      expect(data.brand).toBeNull();
    });
  }
});
