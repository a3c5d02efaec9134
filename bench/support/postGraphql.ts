// The benchmarks' GraphQL client: one POST to the gateway's /graphql, and a response with errors is
// a failed benchmark, never a fast sample.
export async function postGraphql<T = Record<string, unknown>>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors || !body.data) throw new Error(`GraphQL request failed: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  return body.data;
}
