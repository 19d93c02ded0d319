// @actions/workflow-parser imports its JSON schema without an import attribute, which Node refuses;
// this loader hook serves .json modules as JSON (what the package's bundler-based consumers do).
import { readFile } from "node:fs/promises";

export async function load(url, context, nextLoad) {
  if (url.startsWith("file:") && url.endsWith(".json")) {
    return { format: "json", source: await readFile(new URL(url), "utf8"), shortCircuit: true };
  }
  return nextLoad(url, context);
}
