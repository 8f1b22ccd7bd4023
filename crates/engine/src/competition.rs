//! Competition challenges (issue 21), the roadmap's fifth step: a challenge is a lesson file
//! (`content/<lang>/challenges/<slug>.md`) whose split cell holds a part of the data out, as a
//! competition's hidden leaderboard, and whose last cell, an evaluate cell, is the judge. Here:
//! each challenge's metric, the judge's score of an entry, and the submission file for a real
//! Kaggle competition, written from the competition's own test file.

use crate::datasets::user_dataset_id;
use crate::lessons::{scored_of_held_out, MetricName, Quantity};
use crate::notebook::{evaluate, Cell, CellOutput, DataSource, Notebook, PredictCell};
use crate::table::read_table;
use crate::Error;

/// A challenge: its page's slug, its data set and the metric its judge scores by.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Challenge {
    pub slug: &'static str,
    pub dataset: &'static str,
    pub metric: MetricName,
    /// The class the metric is of (the churners' F1), where it is of one.
    pub class: Option<&'static str>,
    /// The real competition on Kaggle that the learner can enter from the page.
    pub kaggle: Option<&'static KaggleFormat>,
}

pub const CHALLENGES: [Challenge; 4] = [
    Challenge {
        slug: "titanic",
        dataset: "titanic",
        metric: MetricName::Accuracy,
        class: None,
        kaggle: Some(&KAGGLE_TITANIC),
    },
    Challenge {
        slug: "card-default",
        dataset: "credit_default",
        metric: MetricName::RocAuc,
        class: None,
        kaggle: None,
    },
    Challenge {
        slug: "churn",
        dataset: "churn",
        metric: MetricName::F1,
        class: Some("yes"),
        kaggle: None,
    },
    Challenge {
        slug: "house-prices",
        dataset: "houses",
        metric: MetricName::Rmse,
        class: None,
        kaggle: None,
    },
];

impl Challenge {
    pub fn find(slug: &str) -> Option<&'static Challenge> {
        CHALLENGES.iter().find(|c| c.slug == slug)
    }

    /// The judge's verdict on an entry: the metric of the notebook's last evaluate cell, from
    /// its outputs, if it scored every row the split held out; `None` while it has none (a
    /// failed cell, no evaluate cell).
    pub fn judge(
        &self,
        notebook: &Notebook,
        outputs: &[Result<CellOutput, Error>],
    ) -> Option<Judged> {
        let judge = notebook
            .cells
            .iter()
            .rposition(|c| matches!(c, Cell::Evaluate(_)))?;
        let score = Quantity::Metric {
            cell: judge,
            name: self.metric,
            class: self.class.map(str::to_string),
        }
        .value(outputs)
        .ok()
        .filter(|x| x.is_finite())?;
        // An entry that drops held-out rows (a row with a missing value, say) is scored on the
        // rows it chose to keep: no competition allows it.
        let (scored, held_out) = scored_of_held_out(notebook, outputs, judge)?;
        Some(match scored < held_out {
            true => Judged::DroppedRows { scored, held_out },
            false => Judged::Scored(score),
        })
    }

    /// The judge's score, where the entry is scored (see [`Challenge::judge`]).
    pub fn score(&self, notebook: &Notebook, outputs: &[Result<CellOutput, Error>]) -> Option<f64> {
        match self.judge(notebook, outputs)? {
            Judged::Scored(score) => Some(score),
            Judged::DroppedRows { .. } => None,
        }
    }

    /// Whether `score` betters `best`.
    pub fn betters(&self, score: f64, best: Option<f64>) -> bool {
        match best {
            None => true,
            Some(best) if self.metric.lower_is_better() => score < best,
            Some(best) => score > best,
        }
    }
}

/// Pairs of values: the competition's, then the data set's.
pub type ValueMap = &'static [(&'static str, &'static str)];

/// A test file's column: its name there, its name in the data set, and its values there that
/// the data set writes otherwise.
pub type KaggleColumn = (&'static str, &'static str, ValueMap);

/// What the judge says of an entry.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Judged {
    Scored(f64),
    /// The entry scores fewer rows than the split held out: it is not scored.
    DroppedRows {
        scored: usize,
        held_out: usize,
    },
}

/// How a Kaggle competition's test file and submission file read: its column names and values
/// against the shipped data set's.
#[derive(Debug, PartialEq)]
pub struct KaggleFormat {
    /// The column that names each row; the submission's first column.
    pub id_column: &'static str,
    /// The submission's second column: the prediction.
    pub answer_column: &'static str,
    /// Each of the test file's columns the model reads.
    pub columns: &'static [KaggleColumn],
    /// Each class of the data set, then as the competition writes it.
    pub answers: ValueMap,
}

/// Kaggle's "Titanic — Machine Learning from Disaster": `test.csv` has PassengerId, Pclass
/// (1, 2, 3), Sex and Age among others; the submission is `PassengerId,Survived` with 1 for a
/// survivor and 0 otherwise.
pub const KAGGLE_TITANIC: KaggleFormat = KaggleFormat {
    id_column: "PassengerId",
    answer_column: "Survived",
    columns: &[
        (
            "Pclass",
            "passengerClass",
            &[("1", "1st"), ("2", "2nd"), ("3", "3rd")],
        ),
        ("Sex", "sex", &[]),
        ("Age", "age", &[]),
    ],
    answers: &[("yes", "1"), ("no", "0")],
};

/// The file name the competition's test file is kept under in the notebook's data.
const TEST_FILE: &str = "kaggle-test.csv";

/// The competition's test file (`test_csv`) predicted by `notebook`'s pipeline and written as a
/// submission (`id,answer` per row, in the file's order): its columns renamed and its values
/// mapped to the data set's, then predicted by a predict cell added at the end, as any batch.
pub fn kaggle_submission(
    notebook: &Notebook,
    source: &dyn DataSource,
    format: &KaggleFormat,
    test_csv: &str,
) -> Result<String, Error> {
    let test = read_table(test_csv)?;
    let missing = |column: &str| Error::SubmissionColumnMissing {
        column: column.to_string(),
    };
    let ids = test
        .column(format.id_column)
        .ok_or_else(|| missing(format.id_column))?;
    let mut mapped = csv::Writer::from_writer(Vec::new());
    let mut header = vec![format.id_column];
    header.extend(format.columns.iter().map(|(_, ours, _)| *ours));
    let failed = |e: csv::Error| Error::Csv {
        line: 0,
        message: e.to_string(),
    };
    mapped.write_record(&header).map_err(failed)?;
    let columns = format
        .columns
        .iter()
        .map(|(theirs, _, values)| {
            Ok((test.column(theirs).ok_or_else(|| missing(theirs))?, *values))
        })
        .collect::<Result<Vec<_>, Error>>()?;
    for row in 0..test.n_rows() {
        let mut record = vec![ids.display(row)];
        for (column, values) in &columns {
            let value = match column.is_missing(row) {
                true => String::new(),
                false => column.display(row),
            };
            let ours = values.iter().find(|(theirs, _)| *theirs == value);
            record.push(ours.map_or(value, |(_, ours)| ours.to_string()));
        }
        mapped.write_record(&record).map_err(failed)?;
    }
    let mapped = String::from_utf8_lossy(&mapped.into_inner().map_err(|e| Error::Csv {
        line: 0,
        message: e.to_string(),
    })?)
    .into_owned();

    let id = user_dataset_id(TEST_FILE);
    let mut with_batch = notebook.clone();
    with_batch.cells.push(Cell::Predict(PredictCell {
        values: Default::default(),
        batch: Some(id.clone()),
    }));
    let source = WithTestFile {
        inner: source,
        id: &id,
        text: &mapped,
    };
    let predicted = match evaluate(&with_batch, &source).pop() {
        Some(Ok(CellOutput::Predict(output))) => output,
        Some(Err(error)) => return Err(error),
        _ => {
            return Err(Error::NeedsCellAbove {
                cell: crate::error::CellKind::Train,
            })
        }
    };
    let batch = predicted.batch.ok_or(Error::NeedsCellAbove {
        cell: crate::error::CellKind::Train,
    })?;
    let table = read_table(&batch.csv)?;
    let answers = table
        .column("prediction")
        .ok_or_else(|| missing("prediction"))?;
    let mut submission = csv::Writer::from_writer(Vec::new());
    submission
        .write_record([format.id_column, format.answer_column])
        .map_err(failed)?;
    for row in 0..table.n_rows() {
        let class = answers.display(row);
        let answer = format
            .answers
            .iter()
            .find(|(ours, _)| *ours == class)
            .ok_or_else(|| Error::SubmissionAnswerUnknown {
                class: class.clone(),
            })?;
        submission
            .write_record([ids.display(row), answer.1.to_string()])
            .map_err(failed)?;
    }
    let bytes = submission.into_inner().map_err(|e| Error::Csv {
        line: 0,
        message: e.to_string(),
    })?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The notebook's data and the mapped test file beside it.
struct WithTestFile<'a> {
    inner: &'a dyn DataSource,
    id: &'a str,
    text: &'a str,
}

impl DataSource for WithTestFile<'_> {
    fn csv(&self, dataset: &str) -> Option<&str> {
        match dataset == self.id {
            true => Some(self.text),
            false => self.inner.csv(dataset),
        }
    }

    fn ids(&self) -> Vec<&str> {
        self.inner.ids()
    }
}
