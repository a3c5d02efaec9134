/**
 * Names of the test databases. Two checkouts on one machine (or CI beside a developer) pick
 * their own with MOBIUS_TEST_SLOT, so their runs never share or stop each other's servers.
 */
export function testStack() {
  const slot = Number(process.env.MOBIUS_TEST_SLOT ?? 0);
  return { databaseName: slot ? `mobius_test_${slot}` : "mobius_test", neo4jPort: 7688 + slot };
}
