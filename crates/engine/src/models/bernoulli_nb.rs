//! Bernoulli naive Bayes (scikit-learn's `BernoulliNB`): every feature is read as yes or no
//! (above `binarize` or not), and each class keeps, per feature, how often it says yes.
//!
//! Why smartcore here, when Gaussian naive Bayes is our own: smartcore's `BernoulliNB` counts
//! exactly what scikit-learn's does (the same Laplace/Lidstone smoothing, `(count + α) /
//! (rows + 2α)`, and the same priors from the class counts), so we fit with it rather than keep a
//! second copy. It only predicts classes, though, and the engine needs probabilities (ROC, the
//! threshold, log loss): they are computed here from its fitted counts, the way scikit-learn's
//! `predict_proba` does (joint log-likelihood, then log-sum-exp). The fitted numbers are copied
//! out, so the model serialises like every other (it travels between workers).

use super::declare::{hyperparameters, param, positive, Kind};
use crate::features::Matrix;
use crate::Error;
use serde::{Deserialize, Serialize};
use smartcore::linalg::basic::matrix::DenseMatrix;
use smartcore::naive_bayes::bernoulli::{BernoulliNB, BernoulliNBParameters};

/// The thresholds a learner may set: wide enough for any scaled or raw feature.
pub const BINARIZE_LIMIT: f64 = 1e6;

hyperparameters! {
    pub struct BernoulliNbParams {
        /// Added to every count (Laplace smoothing at 1), so a yes never seen in a class does not
        /// make that class impossible.
        alpha: f64 = 1.0
            => positive("field-smoothing", f64::INFINITY)
                .hint("field-smoothing-hint")
                .search("log 0.01..10"),
        /// A feature above this reads as yes.
        binarize: f64 = 0.0
            => param(
                "field-binarize",
                Kind::Decimal { min: -BINARIZE_LIMIT, min_included: true, max: BINARIZE_LIMIT },
            )
            .hint("field-binarize-hint"),
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BernoulliNb {
    binarize: f64,
    /// Per class: `None` for a class with no training rows (scikit-learn never sees it).
    classes: Vec<Option<ClassCounts>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct ClassCounts {
    log_prior: f64,
    /// log P(yes | class) and log P(no | class), per feature.
    log_yes: Vec<f64>,
    log_no: Vec<f64>,
}

impl BernoulliNb {
    pub fn fit(
        params: &BernoulliNbParams,
        x: &Matrix,
        y: &[u32],
        n_classes: usize,
    ) -> Result<Self, Error> {
        super::check_training_data(x, y)?;
        // smartcore refuses only empty or mismatched data, which the check above has already
        // refused with this error.
        let refused = |_| Error::NoRowsLeft { dropped: 0 };
        let features = DenseMatrix::new(x.rows, x.cols, x.data.clone(), false).map_err(refused)?;
        let smartcore_params = BernoulliNBParameters::default()
            .with_alpha(params.alpha)
            .with_binarize(params.binarize);
        let fitted: BernoulliNB<f64, u32, DenseMatrix<f64>, Vec<u32>> =
            BernoulliNB::fit(&features, &y.to_vec(), smartcore_params).map_err(refused)?;
        let mut classes = vec![None; n_classes];
        let rows = x.rows as f64;
        for (index, &class) in fitted.classes().iter().enumerate() {
            let log_yes = fitted.feature_log_prob()[index].clone();
            // log(1 − p), as scikit-learn's `neg_prob`.
            let log_no = log_yes.iter().map(|l| (-l.exp()).ln_1p()).collect();
            if let Some(slot) = classes.get_mut(class as usize) {
                *slot = Some(ClassCounts {
                    log_prior: (fitted.class_count()[index] as f64 / rows).ln(),
                    log_yes,
                    log_no,
                });
            }
        }
        Ok(Self {
            binarize: params.binarize,
            classes,
        })
    }

    /// Probabilities by the log-sum-exp trick, as scikit-learn computes them.
    pub fn predict_proba(&self, x: &Matrix) -> Vec<Vec<f64>> {
        super::naive_bayes_proba(x, &self.classes, |c, row| {
            let evidence: f64 = row
                .iter()
                .zip(c.log_yes.iter().zip(&c.log_no))
                .map(|(&v, (&yes, &no))| if v > self.binarize { yes } else { no })
                .sum();
            c.log_prior + evidence
        })
    }

    /// For an export: the threshold, and per class its log prior and each feature's log
    /// probabilities of yes and of no (`None`: no rows).
    pub(crate) fn parts(&self) -> (f64, super::BayesParts<'_>) {
        let classes = self
            .classes
            .iter()
            .map(|c| {
                c.as_ref()
                    .map(|c| (c.log_prior, &c.log_yes[..], &c.log_no[..]))
            })
            .collect();
        (self.binarize, classes)
    }

    pub fn predict(&self, x: &Matrix) -> Vec<u32> {
        super::most_probable(&self.predict_proba(x))
    }
}
