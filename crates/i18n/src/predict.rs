//! A predict cell's answer in sentences, for the app and the command line alike.

use crate::{format_number, format_percent, t, tf, Lang};
use latih_engine::notebook::{PredictOutput, Prediction};

/// The class or number predicted, then each class's probability (or, for a model whose shares
/// are squashed scores, those shares, named as such).
pub fn prediction_lines(lang: Lang, out: &PredictOutput) -> Vec<String> {
    match &out.prediction {
        Prediction::Number(value) => vec![tf(
            lang,
            "predict-says-number",
            &[("value", format_number(lang, round_to(*value, 4)))],
        )],
        Prediction::Class {
            class,
            classes,
            probabilities,
            calibrated,
        } => {
            let shares: Vec<String> = classes
                .iter()
                .zip(probabilities)
                .map(|(c, p)| format!("{c} {}", format_percent(lang, *p, 1)))
                .collect();
            let key = if *calibrated {
                "predict-probabilities"
            } else {
                "predict-scores"
            };
            vec![
                tf(lang, "predict-says-class", &[("class", class.clone())]),
                tf(lang, key, &[("shares", shares.join(", "))]),
            ]
        }
    }
}

/// The words a form's empty choice shows: a missing value.
pub fn missing_choice(lang: Lang) -> String {
    t(lang, "predict-missing")
}

/// `value` with at most `digits` decimals, so that a prediction reads 123.4567 and not 15
/// digits of float noise.
fn round_to(value: f64, digits: i32) -> f64 {
    let scale = 10f64.powi(digits);
    let rounded = (value * scale).round() / scale;
    if rounded.is_finite() {
        rounded
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn output(prediction: Prediction) -> PredictOutput {
        PredictOutput {
            fields: Vec::new(),
            prediction,
            batch: None,
        }
    }

    #[test]
    fn a_class_is_said_with_each_probability_and_a_number_without_float_noise() {
        let class = output(Prediction::Class {
            class: "yes".into(),
            classes: vec!["no".into(), "yes".into()],
            probabilities: vec![0.25, 0.75],
            calibrated: true,
        });
        let lines = prediction_lines(Lang::Id, &class);
        assert!(lines[0].contains("yes"), "{lines:?}");
        assert!(lines[1].contains("no 25,0"), "{lines:?}");
        let number = prediction_lines(Lang::En, &output(Prediction::Number(151.123456789)));
        assert!(number[0].contains("151.1235"), "{number:?}");
    }
}
