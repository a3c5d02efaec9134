/** Ready-to-run operations, one tab each, so a first visit shows what the gateway answers. */
export const exampleTabs = [
  {
    query: /* GraphQL */ `# A brand's Postgres fields and its graph relationships, in one query.
query BrandWithSimilarBrands {
  brands(first: 5) {
    edges {
      node {
        id
        name
        colors { hex name usage usageWeight }
        similarBrands(minSharedColors: 2, limit: 3) {
          brand { id name }
          sharedColors
          similarityScore
        }
      }
    }
  }
}`,
  },
  {
    query: /* GraphQL */ `# Colors that pair well with a color in approved assets.
query ColorPairings {
  color(hex: "#0057b8") {
    hex
    name
    brands { brand { name } usage usageWeight }
    pairings(minSamples: 1, limit: 5) { color { hex name } pairingCount avgComplianceScore }
  }
}`,
  },
  {
    query: /* GraphQL */ `# Creates a brand; its palette reaches the graph through the sync.
mutation CreateBrand($organizationId: ID!) {
  createBrand(input: {
    organizationId: $organizationId
    name: "Playground brand"
    colors: [
      { hex: "#0057B8", name: "Midnight Blue", usage: "primary", usageWeight: 0.6 }
      { hex: "fff", name: "White", usage: "background", usageWeight: 0.3 }
    ]
  }) { id name colors { hex usageWeight } }
}`,
    variables: `{ "organizationId": "paste an organization id" }`,
  },
  {
    query: /* GraphQL */ `# The generated graph API: your organization's brands, their palettes and counts, filtered and
# sorted in Neo4j, and back to each brand's Postgres fields. (Backfill and reconcile are the platform
# operator's: npm run token -- --platform-operator)
query GraphBrands {
  graphBrands(limit: 5, sort: [{ name: ASC }]) {
    brandId
    name
    brand { industry feedbackCount }
    colorsConnection { totalCount edges { properties { name usageWeight } node { hex } } }
    assetsConnection { totalCount aggregate { node { complianceScore { average } } } }
  }
}`,
  },
  {
    query: /* GraphQL */ `# Live: every change of your organization once the graph has it (run it, then change something).
subscription LiveChanges {
  graphChanged {
    eventId
    entity
    id
    operation
    relationships
  }
}`,
  },
];
