// `npm run bench:readme`: the README's performance section again from bench/results.json, without
// measuring anything (after editing the renderer, say). `npm run bench` does this at its end.
import { updateReadme } from "./report/updateReadme.ts";

updateReadme();
