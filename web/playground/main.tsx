import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import "graphiql/style.css";
import { createRoot } from "react-dom/client";
import { bearerToken, rememberToken, tokenClaims } from "../shared/gatewayClient.ts";
import { exampleTabs } from "./exampleTabs.ts";

const token = await bearerToken();
const authorization: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
// The fetcher's own headers carry the token too: GraphiQL's first introspection (the docs panel)
// goes out before the headers editor is read, and without it would be refused with 401.
// Subscriptions go over graphql-ws on the same path; the headers editor's Authorization travels in connection_init.
const subscriptionUrl = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/graphql`;
const fetcher = createGraphiQLFetcher({ url: "/graphql", subscriptionUrl, headers: authorization });

/** The token's organization, so an example that names one runs as it stands. */
const organizationId = tokenClaims(token).org;

/** A token pasted into the headers editor is kept for the session, so the explorer uses it too. */
function rememberEditedToken(headers: string): void {
  try {
    const parsed = JSON.parse(headers) as Record<string, unknown>;
    const pasted = Object.entries(parsed).find(([name]) => name.toLowerCase() === "authorization")?.[1];
    if (typeof pasted === "string" && pasted !== authorization.Authorization) rememberToken(pasted);
  } catch {
    // Half-typed JSON: wait for the next edit.
  }
}
const tabs = exampleTabs.map((tab) => (tab.variables && organizationId ? { ...tab, variables: JSON.stringify({ organizationId }, null, 2) } : tab));

createRoot(document.getElementById("root")!).render(
  <GraphiQL
    fetcher={fetcher}
    defaultTabs={tabs}
    defaultHeaders={JSON.stringify(authorization, null, 2)}
    isHeadersEditorEnabled
    onEditHeaders={rememberEditedToken}
    defaultEditorToolsVisibility="headers"
  />,
);
