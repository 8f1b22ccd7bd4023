//! A typed, columnar table with missing values as a first-class state.

mod csv_reader;
mod encoding;
mod json_reader;
pub mod profile;
pub mod retype;
pub mod scatter;

pub use csv_reader::{
    csv_dialect, read_csv, read_csv_header, read_csv_skipping, sniff_delimiter, CsvDialect,
};
pub(crate) use csv_reader::{MAX_CATEGORY_LEVELS, MISSING_MARKERS};
pub use encoding::{decode_text, Decoded};
pub use json_reader::{looks_like_json, read_json, read_json_header};

/// A data file's table, read as JSON or CSV by what the text looks like.
pub fn read_table(text: &str) -> Result<Table, crate::Error> {
    read_table_skipping(text, false).map(|(table, _)| table)
}

/// [`read_table`], skipping CSV rows with the wrong number of fields when `skip_bad_rows`; also
/// gives the lines of the rows skipped.
pub fn read_table_skipping(
    text: &str,
    skip_bad_rows: bool,
) -> Result<(Table, Vec<u64>), crate::Error> {
    let read = if looks_like_json(text) {
        read_json(text).map(|table| (table, Vec::new()))?
    } else {
        read_csv_skipping(text, skip_bad_rows)?
    };
    let columns = read.0.columns.len();
    if columns > MAX_COLUMNS {
        return Err(crate::Error::OverLimit {
            part: crate::error::LimitedPart::Columns,
            found: columns,
            limit: MAX_COLUMNS,
        });
    }
    Ok(read)
}

/// The most columns a data set may have: far more than any data set trained on in a browser
/// tab, and few enough that what grows with the square or the cube of the features (PCA, the
/// linear models' equations) stays bounded, whatever a link carries.
pub const MAX_COLUMNS: usize = 2_000;

/// A data file's column names, without reading its rows: for pickers that must work even when
/// the data itself is unusable.
pub fn read_header(text: &str) -> Result<Vec<String>, crate::Error> {
    if looks_like_json(text) {
        read_json_header(text)
    } else {
        read_csv_header(text)
    }
}

/// A missing number in a numeric column.
pub const MISSING: f64 = f64::NAN;

/// A numeric column's value, unless it is missing.
pub fn present(x: f64) -> Option<f64> {
    (!x.is_nan()).then_some(x)
}

/// The present values of `column` at `rows` (missing ones left out).
pub(crate) fn present_at(column: &[f64], rows: &[usize]) -> Vec<f64> {
    rows.iter()
        .filter_map(|&r| column.get(r).copied().and_then(present))
        .collect()
}

/// One column's values. Missing cells are NaN in numbers, `None` in text.
#[derive(Debug, Clone)]
pub enum ColumnData {
    /// Numbers, NaN where a value is missing (as pandas holds them): half the memory of
    /// `Option<f64>`. Every number read is finite, so NaN means missing and nothing else.
    Numeric(Vec<f64>),
    /// Strings with few distinct values: usable as a feature (one-hot) or as a class label.
    Categorical(Vec<Option<String>>),
    /// Strings that are mostly unique (names, ids): kept for display, never used as a feature.
    Text(Vec<Option<String>>),
}

/// Columns are equal when they hold the same values and miss the same ones.
impl PartialEq for ColumnData {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (ColumnData::Numeric(a), ColumnData::Numeric(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| present(*x) == present(*y))
            }
            (ColumnData::Categorical(a), ColumnData::Categorical(b))
            | (ColumnData::Text(a), ColumnData::Text(b)) => a == b,
            _ => false,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub name: String,
    pub data: ColumnData,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ColumnType {
    Numeric,
    Categorical,
    Text,
}

impl Column {
    pub fn len(&self) -> usize {
        match &self.data {
            ColumnData::Numeric(v) => v.len(),
            ColumnData::Categorical(v) | ColumnData::Text(v) => v.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn column_type(&self) -> ColumnType {
        match self.data {
            ColumnData::Numeric(_) => ColumnType::Numeric,
            ColumnData::Categorical(_) => ColumnType::Categorical,
            ColumnData::Text(_) => ColumnType::Text,
        }
    }

    pub fn is_missing(&self, row: usize) -> bool {
        match &self.data {
            ColumnData::Numeric(v) => v.get(row).is_none_or(|x| x.is_nan()),
            ColumnData::Categorical(v) | ColumnData::Text(v) => {
                v.get(row).is_none_or(|x| x.is_none())
            }
        }
    }

    /// The cell as a person reads it in a preview; missing cells are empty.
    pub fn display(&self, row: usize) -> String {
        match &self.data {
            ColumnData::Numeric(v) => v
                .get(row)
                .copied()
                .and_then(present)
                .map(|x| x.to_string())
                .unwrap_or_default(),
            ColumnData::Categorical(v) | ColumnData::Text(v) => {
                v.get(row).cloned().flatten().unwrap_or_default()
            }
        }
    }

    fn take_rows(&self, rows: &[usize]) -> Column {
        fn pick<T: Clone>(v: &[Option<T>], rows: &[usize]) -> Vec<Option<T>> {
            rows.iter().map(|&r| v.get(r).cloned().flatten()).collect()
        }
        let data = match &self.data {
            ColumnData::Numeric(v) => ColumnData::Numeric(
                rows.iter()
                    .map(|&r| v.get(r).copied().unwrap_or(MISSING))
                    .collect(),
            ),
            ColumnData::Categorical(v) => ColumnData::Categorical(pick(v, rows)),
            ColumnData::Text(v) => ColumnData::Text(pick(v, rows)),
        };
        Column {
            name: self.name.clone(),
            data,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub columns: Vec<Column>,
}

/// What dropping incomplete rows did, so the notebook can say it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DroppedRows {
    pub rows: usize,
    /// Missing cells per column, in column order, for the columns that had any.
    pub missing_by_column: Vec<(String, usize)>,
}

impl Table {
    pub fn n_rows(&self) -> usize {
        self.columns.first().map_or(0, Column::len)
    }

    pub fn n_columns(&self) -> usize {
        self.columns.len()
    }

    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }

    pub fn take_rows(&self, rows: &[usize]) -> Table {
        Table {
            columns: self.columns.iter().map(|c| c.take_rows(rows)).collect(),
        }
    }

    /// Drops every row with a missing cell in one of the `used` columns (pandas `dropna(subset=…)`).
    /// Until the cleaning steps exist this is how the notebook copes with missing values.
    pub fn drop_incomplete_rows(&self, used: &[&str]) -> (Table, DroppedRows) {
        let used: Vec<&Column> = self
            .columns
            .iter()
            .filter(|c| used.contains(&c.name.as_str()))
            .collect();
        let keep: Vec<usize> = (0..self.n_rows())
            .filter(|&r| used.iter().all(|c| !c.is_missing(r)))
            .collect();
        let missing_by_column = used
            .iter()
            .map(|c| {
                (
                    c.name.clone(),
                    (0..c.len()).filter(|&r| c.is_missing(r)).count(),
                )
            })
            .filter(|(_, n)| *n > 0)
            .collect();
        let dropped = DroppedRows {
            rows: self.n_rows() - keep.len(),
            missing_by_column,
        };
        (self.take_rows(&keep), dropped)
    }
}
