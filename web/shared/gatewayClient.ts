// How the browser pages talk to the gateway: POST /graphql with the bearer token, if any.
// In development the gateway hands out a token for the demo organization at /dev/token, so the
// pages work with no setup; elsewhere the token comes from the page's token field.

const TOKEN_KEY = "mobius.token";

export async function bearerToken(): Promise<string | null> {
  const saved = localStorage.getItem(TOKEN_KEY);
  if (saved) return saved;
  const res = await fetch("/dev/token");
  if (!res.ok) return null;
  const { token } = (await res.json()) as { token: string | null };
  return token;
}

export function rememberToken(token: string): void {
  localStorage.setItem(TOKEN_KEY, token);
}

export async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const token = await bearerToken();
  const res = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  if (!body.data) throw new Error(body.errors?.map((e) => `${e.extensions?.code ?? "ERROR"}: ${e.message}`).join("; ") ?? res.statusText);
  return body.data;
}
