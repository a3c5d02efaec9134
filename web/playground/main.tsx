import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import "graphiql/style.css";
import { createRoot } from "react-dom/client";
import { bearerToken } from "../shared/gatewayClient.ts";
import { exampleTabs } from "./exampleTabs.ts";

const token = await bearerToken();
const authorization: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
// The fetcher's own headers carry the token too: GraphiQL's first introspection (the docs panel)
// goes out before the headers editor is read, and without it would be refused with 401.
// Subscriptions go over graphql-ws on the same path; the headers editor's Authorization travels in connection_init.
const subscriptionUrl = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/graphql`;
const fetcher = createGraphiQLFetcher({ url: "/graphql", subscriptionUrl, headers: authorization });

/** The token's organization, so an example that names one runs as it stands. */
function organizationOf(jwt: string | null): string | null {
  try {
    const claims = JSON.parse(atob(jwt!.split(".")[1]!.replace(/-/g, "+").replace(/_/g, "/"))) as { org?: unknown };
    return typeof claims.org === "string" ? claims.org : null;
  } catch {
    return null;
  }
}
const organizationId = organizationOf(token);
const tabs = exampleTabs.map((tab) => (tab.variables && organizationId ? { ...tab, variables: JSON.stringify({ organizationId }, null, 2) } : tab));

createRoot(document.getElementById("root")!).render(
  <GraphiQL
    fetcher={fetcher}
    defaultTabs={tabs}
    defaultHeaders={JSON.stringify(authorization, null, 2)}
    isHeadersEditorEnabled
    defaultEditorToolsVisibility="headers"
  />,
);
