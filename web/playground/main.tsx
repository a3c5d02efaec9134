import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import "graphiql/style.css";
import { createRoot } from "react-dom/client";
import { bearerToken } from "../shared/gatewayClient.ts";
import { exampleTabs } from "./exampleTabs.ts";

// Subscriptions go over graphql-ws on the same path; the headers editor's Authorization travels in connection_init.
const subscriptionUrl = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/graphql`;
const fetcher = createGraphiQLFetcher({ url: "/graphql", subscriptionUrl });
const token = await bearerToken();

createRoot(document.getElementById("root")!).render(
  <GraphiQL
    fetcher={fetcher}
    defaultTabs={exampleTabs}
    defaultHeaders={JSON.stringify(token ? { Authorization: `Bearer ${token}` } : {}, null, 2)}
    isHeadersEditorEnabled
    defaultEditorToolsVisibility="headers"
  />,
);
