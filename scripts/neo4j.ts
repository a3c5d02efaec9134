// Runs the local Neo4j Community: `npm run neo4j -- start|stop|status [--port N] [--home DIR]`.
import path from "node:path";
import { parseArgs } from "node:util";
import {
  defaultLocalNeo4j,
  localNeo4jStatus,
  LocalNeo4jUnavailable,
  startLocalNeo4j,
  stopLocalNeo4j,
} from "../src/stack/localNeo4j.ts";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { port: { type: "string" }, home: { type: "string" } },
});
const options = {
  port: values.port ? Number(values.port) : defaultLocalNeo4j.port,
  home: values.home ? path.resolve(values.home) : defaultLocalNeo4j.home,
};

try {
  switch (positionals[0]) {
    case "start": {
      const started = await startLocalNeo4j(options);
      console.log(`neo4j ${started.startedHere ? "started" : "already running"} at ${started.uri}`);
      break;
    }
    case "stop":
      console.log((await stopLocalNeo4j(options)) ? "neo4j stopped" : "neo4j was not started by this script");
      break;
    case "status": {
      const status = await localNeo4jStatus(options);
      console.log(status.answering ? `neo4j running at ${status.uri}${status.pid ? ` (pid ${status.pid})` : ""}` : "neo4j stopped");
      process.exitCode = status.answering ? 0 : 3;
      break;
    }
    default:
      console.error("usage: npm run neo4j -- start|stop|status [--port N] [--home DIR]");
      process.exitCode = 2;
  }
} catch (error) {
  if (!(error instanceof LocalNeo4jUnavailable)) throw error;
  console.error(`neo4j: ${error.message}`);
  process.exitCode = 1;
}
