export const BRAND_LIST = `query ExplorerBrands { brands(first: 100) { edges { node { id name } } } }`;

export const BRAND_GRAPH = `query ExplorerBrand($id: ID!) {
  brand(id: $id) {
    id
    name
    organizationId
    colors { hex name usage usageWeight }
    assets(first: 20) { edges { node { id prompt status complianceScore colors { hex coverage } } } }
    templates { id name sourceAssetId }
    similarBrands(minSharedColors: 1, limit: 5) { brand { id name } sharedColors sharedColorCount similarityScore }
  }
}`;

export const COLOR_BRANDS = `query ExplorerColor($hex: String!) {
  color(hex: $hex) { hex name brands { brand { id name } usage usageWeight } }
}`;

export interface BrandGraph {
  brand: {
    id: string;
    name: string;
    organizationId: string;
    colors: Array<{ hex: string; name: string | null; usage: string | null; usageWeight: number | null }>;
    assets: { edges: Array<{ node: { id: string; prompt: string; status: string; complianceScore: number | null; colors: Array<{ hex: string; coverage: number | null }> } }> };
    templates: Array<{ id: string; name: string; sourceAssetId: string | null }>;
    similarBrands: Array<{ brand: { id: string; name: string }; sharedColors: string[]; sharedColorCount: number; similarityScore: number }>;
  } | null;
}

export interface ColorBrands {
  color: { hex: string; name: string | null; brands: Array<{ brand: { id: string; name: string }; usage: string | null; usageWeight: number | null }> } | null;
}
