// Runs one hyperparameter search (24 candidates x 5 folds of a random forest, 10,000 training
// rows) over a pool of 1 and of 2 Node worker threads, sharing the candidates out as the app's
// worker pool does (one job per candidate, each taken by the first idle worker), and prints
// { "one": [seconds..], "two": [seconds..], "identical": bool } as JSON.
// Usage: node pool.cjs <data.csv> <wasm-bindgen nodejs output dir> <repeats>
const fs = require("fs");
const path = require("path");
const { Worker, isMainThread, parentPort, workerData } = require("worker_threads");

if (!isMainThread) {
  const engine = require(path.resolve(workerData.moduleDir, "latih_wasm_bench.js"));
  const worker = new engine.BenchWorker();
  parentPort.on("message", (request) => parentPort.postMessage(worker.handle(request)));
} else {
  const [csvPath, moduleDir, repeatsArg] = process.argv.slice(2);
  const engine = require(path.resolve(moduleDir, "latih_wasm_bench.js"));
  const csv = fs.readFileSync(csvPath, "utf8");
  const [notebook, cellText, countText] = engine.search_notebook();
  const cell = Number(cellText);
  const count = Number(countText);

  function ask(worker, request) {
    return new Promise((resolve) => {
      worker.once("message", resolve);
      worker.postMessage(request);
    });
  }

  async function search(poolSize) {
    const workers = Array.from({ length: poolSize }, () =>
      new Worker(__filename, { workerData: { moduleDir } }));
    // Data goes to every worker before the search starts, as in the app.
    await Promise.all(workers.map((w) => ask(w, engine.put_data_request("bench", csv))));
    const results = new Array(count);
    let next = 0;
    const start = performance.now();
    await Promise.all(workers.map(async (worker) => {
      while (next < count) {
        const candidate = next++;
        results[candidate] = await ask(worker, engine.tune_request(notebook, cell, candidate));
      }
    }));
    const seconds = (performance.now() - start) / 1000;
    await Promise.all(workers.map((w) => w.terminate()));
    return { seconds, results: results.join("\n") };
  }

  (async () => {
    const repeats = Number(repeatsArg || 2);
    const one = [], two = [];
    let identical = true;
    for (let i = 0; i < repeats; i++) {
      const a = await search(1);
      const b = await search(2);
      one.push(a.seconds);
      two.push(b.seconds);
      identical = identical && a.results === b.results;
    }
    console.log(JSON.stringify({ one, two, identical }));
  })();
}
