// Latih's predictor: the pipeline trained in a Latih notebook, as data (RECIPE), and the few
// lines that predict a new row with it. No framework, no network. It repeats, step for step,
// the engine's Recipe::predict (crates/engine/src/export/recipe.rs), so its numbers are the
// notebook's. As a module: import { predict, recipe } from "./predictor.mjs".

const RECIPE = /*RECIPE*/;

export const recipe = RECIPE;

/** A failure to predict: `key` names the message (the page's words), with its details. */
export class PredictError extends Error {
  constructor(key, details) {
    super(key + " " + JSON.stringify(details));
    this.key = key;
    this.details = details;
  }
}

// A number as either language writes it: 22.5 or 22,5 (as the notebook's predict cell reads).
function readNumber(text) {
  const t = text.includes(".") ? text : text.replaceAll(",", ".");
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return null;
  const x = Number(t);
  return Number.isFinite(x) ? x : null;
}

// A number as Rust writes it (the engine turns numbers into categories so): never in
// exponent form, "-0" for negative zero.
function numberText(x) {
  if (Object.is(x, -0)) return "-0";
  const s = String(x);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, lead, rest = "", exp] = m;
  const digits = lead + rest;
  const point = 1 + Number(exp);
  if (point <= 0) return sign + "0." + "0".repeat(-point) + digits;
  if (point >= digits.length) return sign + digits + "0".repeat(point - digits.length);
  return sign + digits.slice(0, point) + "." + digits.slice(point);
}

// Rust's f64::round_ties_even, negative zero included (-0.3 rounds to -0, whose text is "-0").
function roundTiesEven(x) {
  const f = Math.floor(x);
  const d = x - f;
  const r = d < 0.5 ? f : d > 0.5 ? f + 1 : f % 2 === 0 ? f : f + 1;
  return r === 0 && (x < 0 || Object.is(x, -0)) ? -0 : r;
}

const TRUE_WORDS = ["true", "t", "yes", "y", "ya", "benar", "1", "1.0"];
const FALSE_WORDS = ["false", "f", "no", "n", "tidak", "salah", "0", "0.0"];

// Each fitted step as it changes one row: { column: {number} | {category} }.
function applyStep(step, row) {
  const cell = row.get(step.column);
  const number = (change) => {
    if (cell && "number" in cell) cell.number = change(cell.number);
  };
  switch (step.op) {
    case "fill_number":
      return number((x) => (Number.isNaN(x) ? step.value : x));
    case "fill_category":
      if (cell && "category" in cell && cell.category === null) cell.category = step.value;
      return;
    case "categories":
      if (cell && "number" in cell) {
        row.set(step.column, { category: Number.isNaN(cell.number) ? null : numberText(cell.number) });
      }
      return;
    case "numbers": {
      if (!cell) return;
      let x;
      if ("number" in cell) x = cell.number;
      else {
        const s = cell.category === null ? null : cell.category.trim();
        x = s === null ? NaN : rustNumber(s);
      }
      row.set(step.column, { number: step.round ? roundTiesEven(x) : x });
      return;
    }
    case "truths": {
      if (!cell) return;
      let word = "number" in cell ? (Number.isNaN(cell.number) ? null : numberText(cell.number)) : cell.category;
      word = word === null ? null : word.trim().toLowerCase();
      const truth = TRUE_WORDS.includes(word) ? "True" : FALSE_WORDS.includes(word) ? "False" : null;
      row.set(step.column, { category: word === null ? null : truth });
      return;
    }
    case "scale":
      return number((x) => {
        if (step.kind === "min_max") {
          const scale = 1 / step.scale;
          return x * scale + (0 - step.center * scale);
        }
        return (x - step.center) / step.scale;
      });
    case "ordinal": {
      if (!cell) return;
      let code = NaN;
      if ("category" in cell && cell.category !== null) code = step.categories.indexOf(cell.category);
      row.set(step.column, { number: code });
      return;
    }
    case "clip":
      // As Rust's f64::clamp, which keeps a negative zero that Math.max would make positive.
      return number((x) => (x < step.low ? step.low : x > step.high ? step.high : x));
    case "log":
      if (cell && "number" in cell && cell.number <= -1) {
        throw new PredictError("log-domain", { column: step.column, value: cell.number });
      }
      return number(Math.log1p);
    case "bin": {
      const inner = step.edges.slice(1, -1);
      return number((x) => (Number.isNaN(x) ? x : inner.filter((edge) => edge <= x).length));
    }
    case "rename":
      if (cell) {
        row.delete(step.column);
        row.set(step.to, cell);
      }
      return;
    case "drop":
      step.columns.forEach((c) => row.delete(c));
      return;
    default:
      throw new PredictError("unknown-step", { op: step.op });
  }
}

// Rust's str::parse::<f64> for a trimmed text, finite only (what Cast to number reads).
function rustNumber(s) {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return NaN;
  const x = Number(s);
  return Number.isFinite(x) ? x : NaN;
}

function leafOf(tree, x) {
  let at = 0;
  for (let step = 0; step < tree.feature.length; step++) {
    const feature = tree.feature[at];
    if (feature === undefined) return [];
    if (feature < 0) return tree.leaf[at];
    const value = x[feature] ?? NaN;
    at = value <= tree.threshold[at] ? tree.left[at] : tree.right[at];
  }
  return [];
}

// The hidden layers' activations, as the engine computes them.
const HIDDEN = {
  relu: (v) => 0.5 * (v + Math.abs(v)),
  tanh: Math.tanh,
  logistic: (v) => sigmoid(v),
};

function sigmoid(z) {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

function softmax(z) {
  const max = z.reduce((m, v) => Math.max(m, v), -Infinity);
  const exps = z.map((v) => Math.exp(v - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

function outputs(model, x) {
  let scores;
  if (model.kind === "trees") {
    scores = model.start.slice();
    for (const tree of model.trees) {
      const leaf = leafOf(tree, x);
      for (let i = 0; i < leaf.length && tree.first + i < scores.length; i++) {
        scores[tree.first + i] += leaf[i];
      }
    }
    scores = scores.map((s) => s / model.divide);
  } else if (model.kind === "network") {
    let values = model.center.length === 0 ? x : x.map((v, j) => (v - model.center[j]) / model.scale[j]);
    model.layers.forEach((layer, at) => {
      const input = values;
      values = layer.coef.map((w, t) => {
        let sum = 0;
        for (let j = 0; j < input.length; j++) sum += input[j] * w[j];
        return layer.intercept[t] + sum;
      });
      if (model.hidden !== null && at + 1 < model.layers.length) values = values.map(HIDDEN[model.hidden]);
    });
    scores = values;
  } else if (model.kind === "naive_bayes") {
    // Each class's joint log likelihood, then log-sum-exp (as the engine).
    const gaussian = model.likelihood.likelihood === "gaussian";
    const joint = model.classes.map((c) => {
      if (c === null) return -Infinity;
      let evidence = 0;
      for (let j = 0; j < x.length; j++) {
        evidence += gaussian
          ? -0.5 * Math.log(2 * Math.PI * c.b[j]) - (0.5 * ((x[j] - c.a[j]) * (x[j] - c.a[j]))) / c.b[j]
          : x[j] > model.likelihood.binarize ? c.a[j] : c.b[j];
      }
      return c.log_prior + evidence;
    });
    const top = joint.reduce((m, v) => Math.max(m, v), -Infinity);
    const norm = top + Math.log(joint.reduce((s, j) => s + Math.exp(j - top), 0));
    return joint.map((j) => Math.exp(j - norm));
  } else if (model.kind === "neighbours") {
    // The k nearest training rows (a tie keeps the earlier row), as the engine.
    const distances = model.rows.map((row, t) => {
      let d2 = 0;
      for (let j = 0; j < x.length; j++) d2 += (x[j] - row[j]) * (x[j] - row[j]);
      return [d2, t];
    });
    distances.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const nearest = distances.slice(0, model.k);
    const exact = nearest.some(([d2]) => d2 === 0);
    const weight = (d2) => (!model.by_distance ? 1 : exact ? (d2 === 0 ? 1 : 0) : 1 / Math.sqrt(d2));
    if (model.classes === 0) {
      let total = 0;
      let sum = 0;
      for (const [d2] of nearest) total += weight(d2);
      for (const [d2, t] of nearest) sum += weight(d2) * model.targets[t];
      return [sum / total];
    }
    const votes = new Array(model.classes).fill(0);
    for (const [d2, t] of nearest) votes[model.targets[t]] += weight(d2);
    const total = votes.reduce((a, b) => a + b, 0);
    return votes.map((v) => v / total);
  } else if (model.kind === "support_vectors") {
    // The kernel against each support vector, each machine's decision, then (for more than
    // two classes) the one-vs-one votes with their confidences, as the engine.
    const z = model.center.length === 0 ? x : x.map((v, j) => (v - model.center[j]) / model.scale[j]);
    const kernel = model.vectors.map((v) => {
      let sum = 0;
      for (let j = 0; j < z.length; j++) sum += model.gamma === null ? v[j] * z[j] : (v[j] - z[j]) * (v[j] - z[j]);
      return model.gamma === null ? sum : Math.exp(-model.gamma * sum);
    });
    const decisions = model.machines.map((m) => {
      let sum = 0;
      for (let i = 0; i < m.support.length; i++) sum += m.coef[i] * kernel[m.support[i]];
      return sum - m.rho;
    });
    const k = model.classes;
    if (k <= 1) scores = decisions;
    else if (k === 2) scores = decisions.map((d) => -d);
    else {
      const votes = new Array(k).fill(0);
      const confidence = new Array(k).fill(0);
      let j = 0;
      for (let a = 0; a < k; a++) {
        for (let b = a + 1; b < k; b++, j++) {
          const d = decisions[j];
          votes[d < 0 ? b : a] += 1;
          confidence[a] += d;
          confidence[b] -= d;
        }
      }
      scores = votes.map((v, c) => v + confidence[c] / (3 * (Math.abs(confidence[c]) + 1)));
    }
  } else {
    throw new PredictError("unknown-model", { kind: model.kind });
  }
  if (model.link === "sigmoid") {
    const p = sigmoid(scores[0]);
    return [1 - p, p];
  }
  if (model.link === "softmax") return softmax(scores);
  return scores;
}

/**
 * Predicts one row: `values` maps each input column to its text (as typed; "" or missing is a
 * missing value). Returns { class, probabilities } (classes in `recipe.classes` order) or
 * { number }. Throws a PredictError for a value that is not a number or one the model lacks.
 */
export function predict(values) {
  const row = new Map();
  for (const input of RECIPE.inputs) {
    // Only the row's own keys: a column named "constructor" must not read Object's.
    const raw = Object.prototype.hasOwnProperty.call(values, input.column) ? values[input.column] : undefined;
    const text = raw === undefined || raw === null ? "" : String(raw).trim();
    if (input.numeric) {
      let x = NaN;
      if (text !== "") {
        x = readNumber(text);
        if (x === null) throw new PredictError("not-number", { column: input.column, value: text });
      }
      row.set(input.column, { number: x });
    } else {
      row.set(input.column, { category: text === "" ? null : text });
    }
  }
  for (const step of RECIPE.steps) applyStep(step, row);
  const missing = RECIPE.features
    .map((f) => f.column)
    .filter((c) => {
      const cell = row.get(c);
      return !cell || ("number" in cell ? Number.isNaN(cell.number) : cell.category === null);
    });
  if (missing.length > 0) throw new PredictError("missing", { columns: missing });
  const x = [];
  for (const f of RECIPE.features) {
    const cell = row.get(f.column);
    if (f.kind === "numeric") x.push(cell.number);
    else f.categories.forEach((c) => x.push(cell.category === c ? 1 : 0));
  }
  const out = outputs(RECIPE.model, x);
  if (RECIPE.classes.length === 0) return { number: out[0] };
  let best = 0;
  out.forEach((p, i) => {
    if (p > out[best]) best = i;
  });
  return { class: RECIPE.classes[best], probabilities: out };
}
