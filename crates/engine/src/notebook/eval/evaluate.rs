//! The evaluate cell: the fitted model above on the test rows, measured as scikit-learn's
//! metrics measure it.

use super::state::{SplitData, State};
use super::{CellOutput, EvaluateOutput, Fitted, RegressionOutput};
use crate::error::CellKind;
use crate::features::{Matrix, Outcomes};
use crate::metrics::{self, pr_summary, roc_summary};
use crate::models::{Classifier, Regressor};
use crate::Error;

pub(super) fn run_evaluate(state: &State) -> Result<CellOutput, Error> {
    let SplitData {
        table,
        outcome,
        split,
        ..
    } = state.split_data()?;
    let (encoder, model) = state.model.as_deref().ok_or(Error::NeedsCellAbove {
        cell: CellKind::Train,
    })?;
    let x_test = encoder.transform(table, &split.test)?;
    match (model, outcome.of_rows(&split.test)) {
        (Fitted::Regressor(model), Outcomes::Numbers(y_true)) => {
            evaluate_regressor(model, &x_test, y_true).map(CellOutput::EvaluateRegression)
        }
        (Fitted::Classifier(model), Outcomes::Classes { codes, .. }) => {
            let labels = outcome.labels().ok_or(Error::ClassifierOnNumbers)?;
            evaluate_classifier(model, &x_test, codes, &labels.classes).map(CellOutput::Evaluate)
        }
        // A model is fitted to the target it sees: they cannot disagree.
        (Fitted::Regressor(_), _) => Err(Error::RegressorOnClasses),
        (Fitted::Classifier(_), _) => Err(Error::ClassifierOnNumbers),
    }
}

fn evaluate_regressor(
    model: &Regressor,
    x_test: &Matrix,
    y_true: Vec<f64>,
) -> Result<RegressionOutput, Error> {
    let y_pred = model.predict(x_test);
    Ok(RegressionOutput {
        r2: metrics::r2_score(&y_true, &y_pred)?,
        mae: metrics::mean_absolute_error(&y_true, &y_pred)?,
        mse: metrics::mean_squared_error(&y_true, &y_pred)?,
        rmse: metrics::root_mean_squared_error(&y_true, &y_pred)?,
        mape: y_true
            .iter()
            .all(|v| *v != 0.0)
            .then(|| metrics::mean_absolute_percentage_error(&y_true, &y_pred).ok())
            .flatten(),
        median_absolute_error: metrics::median_absolute_error(&y_true, &y_pred)?,
        explained_variance: metrics::explained_variance(&y_true, &y_pred)?,
        y_true,
        y_pred,
    })
}

fn evaluate_classifier(
    model: &Classifier,
    x_test: &Matrix,
    y_true: Vec<u32>,
    classes: &[String],
) -> Result<EvaluateOutput, Error> {
    let y_pred = model.predict(x_test);
    let proba = model.predict_proba(x_test);
    let n_classes = classes.len();
    Ok(EvaluateOutput {
        accuracy: metrics::accuracy(&y_true, &y_pred).unwrap_or(0.0),
        balanced_accuracy: metrics::balanced_accuracy(&y_true, &y_pred)?,
        matthews: metrics::matthews_corrcoef(&y_true, &y_pred).ok(),
        kappa: metrics::cohen_kappa(&y_true, &y_pred).ok(),
        // A support vector machine's shares are squashed scores: their log loss would mislead.
        log_loss: model
            .gives_probabilities()
            .then(|| metrics::log_loss(&y_true, &proba).ok())
            .flatten(),
        probabilities: model.gives_probabilities(),
        report: metrics::classification_report(
            &y_true,
            &y_pred,
            n_classes,
            metrics::ZeroDivision::Warn,
        )?,
        roc: roc_summary(&y_true, &proba, n_classes),
        pr: pr_summary(&y_true, &proba, n_classes),
        classes: classes.to_vec(),
        confusion: metrics::confusion_matrix(&y_true, &y_pred, n_classes),
        test_rows: y_true.len(),
        y_true,
        y_pred,
        proba,
    })
}
