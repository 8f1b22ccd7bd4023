//! The notebook's trained pipeline as ONNX, for onnxruntime and every serving stack that loads
//! it: the cleaning steps, the encoder and the model in one graph, built from the pipeline as
//! data ([`Recipe`]), in doubles throughout.
//!
//! Inputs: one tensor `[N, 1]` per input column, named as the column: doubles (NaN missing) for
//! numbers, text ("" missing) for categories. Outputs: `probabilities` and `label` (the class's
//! index, the first of the most probable, as the engine picks it), or `prediction`; and
//! `complete`, 1.0 where a row has every value the model needs after the steps (the notebook
//! refuses a row that has not; whoever serves the model should too).
//!
//! Trees are one `ai.onnx.ml` TreeEnsemble (opset 5) whose scores become probabilities by
//! explicit Sigmoid or Softmax nodes rather than the operator's `post_transform` (onnxruntime
//! applies the latter wrongly to TreeEnsemble; its issues 26596 and 24862); linear models and
//! neural networks are MatMuls. Where ONNX lacks the engine's exact operation (log1p is written ln(1 + x)), the
//! numbers differ by rounding only.

mod graph;
mod proto;
mod trees;

use crate::export::{BayesClass, Hidden, Likelihood, Link, ModelRecipe, Recipe, SvmMachine};
use crate::notebook::{trained_model, DataSource, Notebook};
use crate::Error;
use graph::{Column, Graph};
use proto::{data_type, value_info, Attribute};
use std::collections::BTreeMap;
use trees::Ensemble;

/// The notebook's last pipeline as ONNX bytes.
pub fn onnx_of(notebook: &Notebook, source: &dyn DataSource) -> Result<Vec<u8>, Error> {
    let trained = trained_model(notebook, source)?;
    onnx_model(&Recipe::of(&trained)?)
}

/// The graph's outputs, by name: an input column may not have one of these names.
const OUTPUTS: [&str; 4] = ["probabilities", "label", "prediction", "complete"];

pub(super) fn onnx_model(recipe: &Recipe) -> Result<Vec<u8>, Error> {
    if let Some(input) = recipe
        .inputs
        .iter()
        .find(|i| OUTPUTS.contains(&i.column.as_str()))
    {
        return Err(Error::OnnxNameTaken {
            name: input.column.clone(),
        });
    }
    let mut graph = Graph::with_inputs(recipe.inputs.iter().map(|i| i.column.as_str()));
    let mut columns = BTreeMap::new();
    let mut inputs = Vec::new();
    for input in &recipe.inputs {
        let name = input.column.clone();
        let (column, kind) = if input.numeric {
            (Column::Number(name.clone()), data_type::DOUBLE)
        } else {
            (Column::Text(name.clone()), data_type::STRING)
        };
        inputs.push(value_info(&name, kind, &[None, Some(1)]));
        columns.insert(name, column);
    }
    for step in &recipe.steps {
        graph.step(&mut columns, step)?;
    }
    let (features, complete) = graph.encode(&columns, recipe)?;
    let (scores, link) = scores(&mut graph, &features, &recipe.model);
    let mut outputs = vec![value_info("complete", data_type::DOUBLE, &[None])];
    rename(&mut graph, &complete, "complete");
    if recipe.classes.is_empty() {
        rename(&mut graph, &scores, "prediction");
        outputs.insert(
            0,
            value_info("prediction", data_type::DOUBLE, &[None, Some(1)]),
        );
    } else {
        let k = recipe.classes.len() as i64;
        let probabilities = match link {
            Link::Identity => scores,
            Link::Softmax => graph.op("Softmax", &[&scores], vec![("axis", Attribute::Int(1))]),
            Link::Sigmoid => {
                let positive = graph.op("Sigmoid", &[&scores], vec![]);
                let one = graph.doubles(&[1], &[1.0]);
                let negative = graph.op("Sub", &[&one, &positive], vec![]);
                graph.concat(&[negative, positive])
            }
        };
        rename(&mut graph, &probabilities, "probabilities");
        let label = graph.op(
            "ArgMax",
            &["probabilities"],
            vec![("axis", Attribute::Int(1)), ("keepdims", Attribute::Int(0))],
        );
        rename(&mut graph, &label, "label");
        outputs.splice(
            0..0,
            [
                value_info("probabilities", data_type::DOUBLE, &[None, Some(k)]),
                value_info("label", data_type::INT64, &[None]),
            ],
        );
    }
    Ok(proto::model(
        graph.nodes,
        graph.initializers,
        inputs,
        outputs,
        &[("", 21), ("ai.onnx.ml", 5)],
    ))
}

/// The graph's output named `to`: an Identity of `from`.
fn rename(graph: &mut Graph, from: &str, to: &str) {
    graph
        .nodes
        .push(proto::node("Identity", "", &[from], &[to], vec![]));
}

/// `x` standardised by `center` and `scale`, when they are given.
fn standardised(graph: &mut Graph, x: &str, center: &[f64], scale: &[f64]) -> String {
    if center.is_empty() {
        return x.to_string();
    }
    let c = graph.doubles(&[center.len() as i64], center);
    let s = graph.doubles(&[scale.len() as i64], scale);
    let centred = graph.op("Sub", &[x, &c], vec![]);
    graph.op("Div", &[&centred, &s], vec![])
}

/// A support vector machine's class scores (or number) for the encoded `features`: the kernel
/// row against every support vector, each machine's decision as one product with a matrix of
/// coefficients, then, for more than two classes, the one-vs-one votes and confidences as
/// products with matrices that say which class each machine's pair is.
fn support_vector_scores(
    graph: &mut Graph,
    features: &str,
    (center, scale): (&[f64], &[f64]),
    gamma: Option<f64>,
    vectors: &[Vec<f64>],
    machines: &[SvmMachine],
    classes: usize,
) -> String {
    let m = machines.len();
    let rho: Vec<f64> = machines.iter().map(|machine| machine.rho).collect();
    let rho = graph.doubles(&[m as i64], &rho);
    if vectors.is_empty() {
        // No support vectors (an ε wider than the targets' spread): every decision is −ρ, one
        // row per row (0 · x summed, NaN where x is, which `complete` refuses anyway).
        let zero = graph.double(0.0);
        let zeros = graph.op("Mul", &[features, &zero], vec![]);
        let zeros = graph.row_sums(&zeros);
        let decisions = graph.op("Sub", &[&zeros, &rho], vec![]);
        return vote(graph, decisions, m, classes);
    }
    let x = standardised(graph, features, center, scale);
    let width = vectors.first().map_or(0, Vec::len);
    let flat: Vec<f64> = vectors.iter().flatten().copied().collect();
    let kernel = match gamma {
        None => {
            // x · vᵀ: the vectors as [width, S].
            let transposed: Vec<f64> = (0..width)
                .flat_map(|j| vectors.iter().map(move |v| v[j]))
                .collect();
            let v = graph.doubles(&[width as i64, vectors.len() as i64], &transposed);
            graph.op("MatMul", &[&x, &v], vec![])
        }
        Some(gamma) => {
            // exp(−γ Σ (x − v)²), by broadcasting [N, 1, width] against [S, width].
            let v = graph.doubles(&[vectors.len() as i64, width as i64], &flat);
            let one_axis = graph.int64s(&[1], &[1]);
            let x = graph.op("Unsqueeze", &[&x, &one_axis], vec![]);
            let d = graph.op("Sub", &[&x, &v], vec![]);
            let squared = graph.op("Mul", &[&d, &d], vec![]);
            let distances = graph.reduce("ReduceSum", &squared, 2, false);
            let minus_gamma = graph.double(-gamma);
            let scaled = graph.op("Mul", &[&distances, &minus_gamma], vec![]);
            graph.op("Exp", &[&scaled], vec![])
        }
    };
    // [S, M]: each machine's coefficient of each support vector (0 where it has none).
    let mut coefficients = vec![0.0; vectors.len() * m];
    for (j, machine) in machines.iter().enumerate() {
        for (&s, &coef) in machine.support.iter().zip(&machine.coef) {
            coefficients[s * m + j] = coef;
        }
    }
    let coefficients = graph.doubles(&[vectors.len() as i64, m as i64], &coefficients);
    let summed = graph.op("MatMul", &[&kernel, &coefficients], vec![]);
    let decisions = graph.op("Sub", &[&summed, &rho], vec![]);
    vote(graph, decisions, m, classes)
}

/// The class scores from the `m` machines' `decisions` ([N, m]): the number, the second class's
/// score −d, or for more classes the one-vs-one votes with their confidences.
fn vote(graph: &mut Graph, decisions: String, m: usize, classes: usize) -> String {
    match classes {
        0 | 1 => decisions,
        2 => graph.op("Neg", &[&decisions], vec![]),
        k => {
            // [M, k] matrices: machine j's pair (a, b) as a 1 in column a, and in column b.
            let (mut first, mut second) = (vec![0.0; m * k], vec![0.0; m * k]);
            let pairs = (0..k).flat_map(|a| (a + 1..k).map(move |b| (a, b)));
            for (j, (a, b)) in pairs.enumerate().take(m) {
                first[j * k + a] = 1.0;
                second[j * k + b] = 1.0;
            }
            let difference: Vec<f64> = first.iter().zip(&second).map(|(a, b)| a - b).collect();
            let first = graph.doubles(&[m as i64, k as i64], &first);
            let second = graph.doubles(&[m as i64, k as i64], &second);
            let difference = graph.doubles(&[m as i64, k as i64], &difference);
            // A decision below 0 votes for b, else for a.
            let zero = graph.double(0.0);
            let below = graph.op("Less", &[&decisions, &zero], vec![]);
            let below = graph.as_double(&below);
            let one = graph.double(1.0);
            let above = graph.op("Sub", &[&one, &below], vec![]);
            let for_second = graph.op("MatMul", &[&below, &second], vec![]);
            let for_first = graph.op("MatMul", &[&above, &first], vec![]);
            let votes = graph.op("Add", &[&for_first, &for_second], vec![]);
            // votes + c / (3 (|c| + 1)).
            let confidence = graph.op("MatMul", &[&decisions, &difference], vec![]);
            let size = graph.op("Abs", &[&confidence], vec![]);
            let size = graph.op("Add", &[&size, &one], vec![]);
            let three = graph.double(3.0);
            let size = graph.op("Mul", &[&size, &three], vec![]);
            let share = graph.op("Div", &[&confidence, &size], vec![]);
            graph.op("Add", &[&votes, &share], vec![])
        }
    }
}

/// The model's scores (before the link) for the encoded `features`.
fn scores(graph: &mut Graph, features: &str, model: &ModelRecipe) -> (String, Link) {
    match model {
        ModelRecipe::SupportVectors {
            center,
            scale,
            gamma,
            vectors,
            machines,
            classes,
            link,
        } => (
            support_vector_scores(
                graph,
                features,
                (center, scale),
                *gamma,
                vectors,
                machines,
                *classes,
            ),
            *link,
        ),
        ModelRecipe::Trees {
            start,
            trees,
            divide,
            link,
        } => {
            let mut ensemble = Ensemble::default();
            for tree in trees {
                ensemble.add_flat(tree);
            }
            let summed = graph.fresh("trees");
            graph
                .nodes
                .push(ensemble.node(features, start.len(), &summed));
            let start = graph.doubles(&[start.len() as i64], start);
            let mut scores = graph.op("Add", &[&start, &summed], vec![]);
            if *divide != 1.0 {
                let divide = graph.doubles(&[], &[*divide]);
                scores = graph.op("Div", &[&scores, &divide], vec![]);
            }
            (scores, *link)
        }
        ModelRecipe::Network {
            center,
            scale,
            layers,
            hidden,
            link,
        } => {
            let mut x = standardised(graph, features, center, scale);
            for (at, layer) in layers.iter().enumerate() {
                let inputs = layer.coef.first().map_or(0, Vec::len);
                let outputs = layer.coef.len();
                // Weights as [inputs, outputs], so that x · W gives [N, outputs].
                let weights: Vec<f64> = (0..inputs)
                    .flat_map(|j| layer.coef.iter().map(move |w| w[j]))
                    .collect();
                let w = graph.doubles(&[inputs as i64, outputs as i64], &weights);
                let b = graph.doubles(&[outputs as i64], &layer.intercept);
                let product = graph.op("MatMul", &[&x, &w], vec![]);
                x = graph.op("Add", &[&product, &b], vec![]);
                if let (Some(hidden), true) = (hidden, at + 1 < layers.len()) {
                    let op = match hidden {
                        Hidden::Relu => "Relu",
                        Hidden::Tanh => "Tanh",
                        Hidden::Logistic => "Sigmoid",
                    };
                    x = graph.op(op, &[&x], vec![]);
                }
            }
            (x, *link)
        }
        ModelRecipe::NaiveBayes {
            likelihood,
            classes,
        } => {
            // Each class's joint log likelihood as a column; Softmax turns them into the
            // probabilities, as log-sum-exp does.
            let width = |c: &BayesClass| c.a.len() as i64;
            let mut columns = Vec::new();
            for class in classes {
                let Some(class) = class else {
                    // A class without training rows: never (−∞), one value per row.
                    let zero = graph.double(0.0);
                    let zeros = graph.op("Mul", &[features, &zero], vec![]);
                    let zeros = graph.row_sums(&zeros);
                    let never = graph.double(f64::NEG_INFINITY);
                    columns.push(graph.op("Add", &[&zeros, &never], vec![]));
                    continue;
                };
                let evidence = match likelihood {
                    Likelihood::Gaussian => {
                        let mean = graph.doubles(&[width(class)], &class.a);
                        let var = graph.doubles(&[width(class)], &class.b);
                        let d = graph.op("Sub", &[features, &mean], vec![]);
                        let squared = graph.op("Mul", &[&d, &d], vec![]);
                        let scaled = graph.op("Div", &[&squared, &var], vec![]);
                        let sum = graph.row_sums(&scaled);
                        let half = graph.double(-0.5);
                        let constant: f64 = class
                            .b
                            .iter()
                            .map(|&v| -0.5 * (2.0 * std::f64::consts::PI * v).ln())
                            .sum();
                        let constant = graph.double(constant);
                        let halved = graph.op("Mul", &[&sum, &half], vec![]);
                        graph.op("Add", &[&halved, &constant], vec![])
                    }
                    Likelihood::Bernoulli { binarize } => {
                        let threshold = graph.double(*binarize);
                        let yes = graph.doubles(&[width(class)], &class.a);
                        let no = graph.doubles(&[width(class)], &class.b);
                        let above = graph.op("Greater", &[features, &threshold], vec![]);
                        let chosen = graph.op("Where", &[&above, &yes, &no], vec![]);
                        graph.row_sums(&chosen)
                    }
                };
                let prior = graph.double(class.log_prior);
                columns.push(graph.op("Add", &[&evidence, &prior], vec![]));
            }
            (graph.concat(&columns), Link::Softmax)
        }
        ModelRecipe::Neighbours {
            k,
            by_distance,
            rows,
            targets,
            classes,
        } => {
            // Every squared distance to the training rows, [N, M]; TopK keeps the k smallest
            // (equal ones: the lower index first, as the engine's sort).
            let width = rows.first().map_or(0, Vec::len);
            let flat: Vec<f64> = rows.iter().flatten().copied().collect();
            let train = graph.doubles(&[rows.len() as i64, width as i64], &flat);
            let one_axis = graph.int64s(&[1], &[1]);
            let x = graph.op("Unsqueeze", &[features, &one_axis], vec![]);
            let d = graph.op("Sub", &[&x, &train], vec![]);
            let squared = graph.op("Mul", &[&d, &d], vec![]);
            let distances = graph.reduce("ReduceSum", &squared, 2, false);
            let k = graph.int64s(&[1], &[*k as i64]);
            let (nearest, indices) = (graph.fresh("nearest"), graph.fresh("indices"));
            graph.nodes.push(proto::node(
                "TopK",
                "",
                &[&distances, &k],
                &[&nearest, &indices],
                vec![
                    ("axis", Attribute::Int(1)),
                    ("largest", Attribute::Int(0)),
                    ("sorted", Attribute::Int(1)),
                ],
            ));
            let zero = graph.double(0.0);
            let one = graph.double(1.0);
            let weights = if *by_distance {
                // 1 / distance; where a row is at distance 0, only such rows count.
                let at_zero = graph.op("Equal", &[&nearest, &zero], vec![]);
                let at_zero = graph.as_double(&at_zero);
                let any = graph.reduce("ReduceMax", &at_zero, 1, true);
                let exact = graph.op("Greater", &[&any, &zero], vec![]);
                let root = graph.op("Sqrt", &[&nearest], vec![]);
                let inverse = graph.op("Div", &[&one, &root], vec![]);
                graph.op("Where", &[&exact, &at_zero, &inverse], vec![])
            } else {
                let zeros = graph.op("Mul", &[&nearest, &zero], vec![]);
                graph.op("Add", &[&zeros, &one], vec![])
            };
            let targets = graph.doubles(&[targets.len() as i64], targets);
            let gather = vec![("axis", Attribute::Int(0))];
            let voted = graph.op("Gather", &[&targets, &indices], gather);
            let total = graph.row_sums(&weights);
            if *classes == 0 {
                let weighted = graph.op("Mul", &[&weights, &voted], vec![]);
                let sum = graph.row_sums(&weighted);
                return (graph.op("Div", &[&sum, &total], vec![]), Link::Identity);
            }
            let votes: Vec<String> = (0..*classes)
                .map(|class| {
                    let c = graph.double(class as f64);
                    let is = graph.op("Equal", &[&voted, &c], vec![]);
                    let is = graph.as_double(&is);
                    let weighted = graph.op("Mul", &[&is, &weights], vec![]);
                    graph.row_sums(&weighted)
                })
                .collect();
            let votes = graph.concat(&votes);
            (graph.op("Div", &[&votes, &total], vec![]), Link::Identity)
        }
    }
}
