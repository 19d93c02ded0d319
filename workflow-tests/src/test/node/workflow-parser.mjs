// Parses each workflow file with GitHub's own parser (npm package "@actions/workflow-parser"):
// schema validation plus conversion to its workflow template, as GitHub does before a run.
// Prints one JSON array of {file, message}, one entry per distinct error.
// Usage: node workflow-parser.mjs TOOLS_DIR FILE...
import { register } from "node:module";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

register("./json-import-hooks.mjs", import.meta.url);

const [toolsDir, ...files] = process.argv.slice(2);
const parserEntry = join(toolsDir, "node_modules", "@actions", "workflow-parser", "dist", "index.js");
const { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } = await import(pathToFileURL(parserEntry).href);

const results = [];
for (const file of files) {
  const parsed = parseWorkflow({ name: file, content: readFileSync(file, "utf8") }, new NoOperationTraceWriter());
  const messages = new Set(parsed.context.errors.getErrors().map((error) => error.message));
  if (parsed.value !== undefined) {
    const template = await convertWorkflowTemplate(parsed.context, parsed.value);
    for (const error of template.errors ?? []) {
      messages.add(error.Message ?? error.message ?? JSON.stringify(error));
    }
  }
  for (const message of messages) {
    results.push({ file, message });
  }
}
process.stdout.write(JSON.stringify(results) + "\n");
