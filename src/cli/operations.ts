// The CLI's operations, as plain documents so the client preset lists them in the trusted-documents
// manifest (a production gateway accepting only known operations still runs the backfill CLI).
export const BACKFILL = /* GraphQL */ `
  mutation Backfill($dryRun: Boolean!, $entities: [String!], $batchSize: Int, $runId: ID, $maxBatches: Int, $orgs: [ID!]) {
    report: backfillGraph(dryRun: $dryRun, entities: $entities, batchSize: $batchSize, runId: $runId, maxBatches: $maxBatches, organizationIds: $orgs) {
      runId finished durationMs batches
      entities { entity created updated unchanged deferred total processed done }
    }
  }
`;

export const RECONCILE = /* GraphQL */ `
  mutation Reconcile($dryRun: Boolean!, $entities: [String!], $batchSize: Int, $runId: ID, $maxBatches: Int, $orgs: [ID!]) {
    report: reconcileGraph(dryRun: $dryRun, entities: $entities, batchSize: $batchSize, runId: $runId, maxBatches: $maxBatches, organizationIds: $orgs) {
      runId finished durationMs batches
      entities { entity label missing extra differing differingNodes differingRelationships repaired deferred postgresCount graphCount total processed done }
    }
  }
`;
