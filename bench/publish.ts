// `npm run bench:readme`: docs/performance.md and the README's summary again from bench/results.json,
// without measuring anything (after editing a renderer, say). `npm run bench` does this at its end.
import { publishResults } from "./report/publishResults.ts";

publishResults();
