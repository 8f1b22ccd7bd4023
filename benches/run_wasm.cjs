// Times the engine's models, compiled to wasm, in Node (V8, one thread).
// Usage: node run_wasm.cjs <data.json> <wasm-bindgen nodejs output dir> <repeats>
// Prints one JSON object: { model: { seconds: [..], accuracy } }.
const fs = require("fs");
const path = require("path");
const [dataPath, moduleDir, repeatsArg] = process.argv.slice(2);
const engine = require(path.resolve(moduleDir, "latih_wasm_bench.js"));
const data = JSON.parse(fs.readFileSync(dataPath, "utf8"));
const repeats = Number(repeatsArg || 3);
const xTrain = Float64Array.from(data.x_train.flat());
const yTrain = Uint32Array.from(data.y_train);
const xTest = Float64Array.from(data.x_test.flat());
const yTest = Uint32Array.from(data.y_test);
const cols = data.x_train[0].length;
const classes = Math.max(...data.y_train) + 1;
const results = {};
for (const model of data.models) {
  const seconds = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    engine.fit(model, xTrain, yTrain, cols, classes);
    seconds.push((performance.now() - start) / 1000);
  }
  const accuracy = engine.fit_accuracy(model, xTrain, yTrain, xTest, yTest, cols, classes);
  results[model] = { seconds, accuracy };
}
console.log(JSON.stringify(results));
