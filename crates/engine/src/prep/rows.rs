//! Steps that keep some rows: filtering by a condition and dropping duplicates. Neither learns
//! anything; each side of the split keeps its own rows, so a test row never disappears because of
//! a training row (or the other way round).

use super::steps::Prepared;
use crate::table::{present, Column, ColumnData};
use crate::Error;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// How a filter compares a column's value with the filter's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FilterOp {
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    /// The value is missing (`isna()`); the filter's value is not used.
    Missing,
    /// The value is present (`notna()`).
    Present,
}

impl FilterOp {
    pub const ALL: [FilterOp; 8] = [
        FilterOp::Equal,
        FilterOp::NotEqual,
        FilterOp::Less,
        FilterOp::LessOrEqual,
        FilterOp::Greater,
        FilterOp::GreaterOrEqual,
        FilterOp::Missing,
        FilterOp::Present,
    ];

    /// The operator as Python writes it, for the ones that compare.
    pub fn python(self) -> Option<&'static str> {
        Some(match self {
            FilterOp::Equal => "==",
            FilterOp::NotEqual => "!=",
            FilterOp::Less => "<",
            FilterOp::LessOrEqual => "<=",
            FilterOp::Greater => ">",
            FilterOp::GreaterOrEqual => ">=",
            FilterOp::Missing | FilterOp::Present => return None,
        })
    }

    fn is_ordering(self) -> bool {
        matches!(
            self,
            FilterOp::Less | FilterOp::LessOrEqual | FilterOp::Greater | FilterOp::GreaterOrEqual
        )
    }
}

/// A filter's value as a number, written with a decimal point or (as Indonesian writes it) a
/// decimal comma.
pub(crate) fn filter_number(value: &str) -> Option<f64> {
    let value = value.trim();
    let number = value
        .parse::<f64>()
        .or_else(|_| value.replace(',', ".").parse::<f64>());
    number.ok().filter(|x| x.is_finite())
}

/// Which rows of `column` satisfy `column op value`, as pandas compares: a missing value is never
/// equal, less or greater, and is "not equal" to anything.
pub(super) fn filter_rows(column: &Column, op: FilterOp, value: &str) -> Result<Vec<bool>, Error> {
    let n = column.len();
    match op {
        FilterOp::Missing => return Ok((0..n).map(|r| column.is_missing(r)).collect()),
        FilterOp::Present => return Ok((0..n).map(|r| !column.is_missing(r)).collect()),
        _ => {}
    }
    let holds = |ordering: Option<std::cmp::Ordering>| {
        use std::cmp::Ordering::*;
        match (op, ordering) {
            (FilterOp::NotEqual, None) => true,
            (_, None) => false,
            (FilterOp::Equal, Some(o)) => o == Equal,
            (FilterOp::NotEqual, Some(o)) => o != Equal,
            (FilterOp::Less, Some(o)) => o == Less,
            (FilterOp::LessOrEqual, Some(o)) => o != Greater,
            (FilterOp::Greater, Some(o)) => o == Greater,
            (FilterOp::GreaterOrEqual, Some(o)) => o != Less,
            (FilterOp::Missing | FilterOp::Present, _) => false,
        }
    };
    match &column.data {
        ColumnData::Numeric(values) => {
            let wanted = filter_number(value).ok_or_else(|| Error::StepValueNotNumber {
                column: column.name.clone(),
                value: value.to_string(),
            })?;
            Ok(values
                .iter()
                .map(|&v| holds(present(v).map(|x| x.total_cmp(&wanted))))
                .collect())
        }
        ColumnData::Categorical(values) | ColumnData::Text(values) => {
            if op.is_ordering() {
                return Err(Error::StepNeedsNumbers {
                    column: column.name.clone(),
                });
            }
            Ok(values
                .iter()
                .map(|v| holds(v.as_deref().map(|s| s.cmp(value))))
                .collect())
        }
    }
}

/// For each row, whether it repeats an earlier row of its own side of the split in every column
/// (missing equal to missing, as `DataFrame.duplicated` compares).
pub(super) fn duplicate_rows(data: &Prepared) -> Vec<bool> {
    let mut duplicate = vec![false; data.table.n_rows()];
    for side in [&data.train, &data.test] {
        let mut seen: HashSet<Vec<Option<String>>> = HashSet::with_capacity(side.len());
        for &row in side {
            let key: Vec<Option<String>> = data
                .table
                .columns
                .iter()
                .map(|c| (!c.is_missing(row)).then(|| c.display(row)))
                .collect();
            if !seen.insert(key) {
                duplicate[row] = true;
            }
        }
    }
    duplicate
}

/// Keeps the rows where `keep` is true, on both sides of the split, and the carried rows
/// whatever `keep` says; an empty side is an error.
pub(super) fn keep_rows(data: &mut Prepared, keep: &[bool]) -> Result<(), Error> {
    let rows_before = data.table.n_rows();
    let kept: Vec<usize> = (0..rows_before)
        .filter(|&r| keep.get(r).copied().unwrap_or(false) || data.carried.contains(&r))
        .collect();
    // Old row index → new, to carry the split over.
    let mut new_index = vec![None; rows_before];
    for (new, &old) in kept.iter().enumerate() {
        new_index[old] = Some(new);
    }
    let remap =
        |rows: &[usize]| -> Vec<usize> { rows.iter().filter_map(|&r| new_index[r]).collect() };
    data.train = remap(&data.train);
    data.test = remap(&data.test);
    data.carried = remap(&data.carried);
    data.table = data.table.take_rows(&kept);
    if data.train.is_empty() || data.test.is_empty() {
        return Err(Error::NoRowsLeft {
            dropped: rows_before - kept.len(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::read_csv;

    #[test]
    fn filters_compare_as_pandas_does_missing_values_included() {
        let table = read_csv("x,c\n1,a\n,b\n3,\n5,a\n").unwrap();
        let (x, c) = (&table.columns[0], &table.columns[1]);
        let rows = |column, op, value| filter_rows(column, op, value).unwrap();
        assert_eq!(rows(x, FilterOp::Greater, "2"), [false, false, true, true]);
        // NaN != 3 is True in pandas; NaN < 3 is False.
        assert_eq!(rows(x, FilterOp::NotEqual, "3"), [true, true, false, true]);
        assert_eq!(
            rows(x, FilterOp::LessOrEqual, "3"),
            [true, false, true, false]
        );
        assert_eq!(rows(x, FilterOp::Less, "1,5"), [true, false, false, false]);
        assert_eq!(rows(c, FilterOp::Equal, "a"), [true, false, false, true]);
        assert_eq!(rows(c, FilterOp::Missing, ""), [false, false, true, false]);
        assert_eq!(rows(x, FilterOp::Present, ""), [true, false, true, true]);
        assert_eq!(
            filter_rows(x, FilterOp::Less, "tiga"),
            Err(Error::StepValueNotNumber {
                column: "x".into(),
                value: "tiga".into()
            })
        );
        assert_eq!(
            filter_rows(c, FilterOp::Less, "a"),
            Err(Error::StepNeedsNumbers { column: "c".into() })
        );
    }
}
