// Times reading a CSV file into a table and describing it, in the engine compiled to wasm, in
// Node (V8, one thread). Usage: node ingest.cjs <file.csv> <wasm-bindgen nodejs dir> <repeats>
// Prints one JSON object: { seconds: [..], cells, memory_bytes }.
const fs = require("fs");
const path = require("path");
const [file, moduleDir, repeatsArg] = process.argv.slice(2);
const engine = require(path.resolve(moduleDir, "latih_wasm_bench.js"));
const repeats = Number(repeatsArg || 3);
const seconds = [];
let cells = 0;
for (let i = 0; i < repeats; i++) {
  // Reading the file is part of the work, as pandas.read_csv reads it.
  const start = performance.now();
  const text = fs.readFileSync(file, "utf8");
  cells = engine.ingest_describe(text);
  seconds.push((performance.now() - start) / 1000);
}
console.log(JSON.stringify({ seconds, cells, memory_bytes: engine.memory_bytes() }));
