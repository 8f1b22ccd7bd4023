//! Two numeric columns against each other, each row a point coloured by its class: what a
//! learner draws with `sns.scatterplot(data=df, x=…, y=…, hue=target)`.

use super::{present, ColumnData, Table};
use serde::{Deserialize, Serialize};

/// Points drawn at most: a phone draws a few thousand circles at once without a stutter.
pub const MAX_POINTS: usize = 2000;
/// Colours told apart: a target with more distinct values is drawn in one colour.
pub const MAX_CLASSES: usize = 7;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scatter {
    pub x: String,
    pub y: String,
    pub target: String,
    /// The target's values, in order (numbers by value, else as text); empty when there are too
    /// many to colour.
    pub classes: Vec<String>,
    /// x, y and the index of the class of each point drawn.
    pub points: Vec<(f64, f64, u32)>,
    /// Rows with both values (and a target); when more than [`MAX_POINTS`], every `step`-th one
    /// is drawn.
    pub rows: usize,
    pub step: usize,
}

/// The scatter of `x` against `y` coloured by `target`, if both are numeric columns of `table`.
pub fn scatter(table: &Table, x: &str, y: &str, target: &str) -> Option<Scatter> {
    let numbers = |name: &str| match &table.column(name)?.data {
        ColumnData::Numeric(values) => Some(values),
        _ => None,
    };
    let (xs, ys) = (numbers(x)?, numbers(y)?);
    let labels: Vec<Option<String>> = match table.column(target).map(|c| &c.data) {
        Some(ColumnData::Numeric(values)) => values
            .iter()
            .map(|&v| present(v).map(|v| v.to_string()))
            .collect(),
        Some(ColumnData::Categorical(values) | ColumnData::Text(values)) => values.clone(),
        None => vec![Some(String::new()); table.n_rows()],
    };
    let mut classes: Vec<String> = labels.iter().flatten().cloned().collect();
    let numeric_target = matches!(
        table.column(target).map(|c| &c.data),
        Some(ColumnData::Numeric(_))
    );
    if numeric_target {
        classes.sort_by(|a, b| {
            let number = |s: &str| s.parse::<f64>().unwrap_or(f64::NAN);
            number(a).total_cmp(&number(b))
        });
    } else {
        classes.sort_unstable();
    }
    classes.dedup();
    let coloured = classes.len() <= MAX_CLASSES;
    let complete: Vec<(f64, f64, u32)> = (0..table.n_rows())
        .filter_map(|r| {
            let label = labels.get(r)?.as_ref()?;
            let class = if coloured {
                classes.iter().position(|c| c == label)? as u32
            } else {
                0
            };
            Some((present(xs[r])?, present(ys[r])?, class))
        })
        .collect();
    let step = complete.len().div_ceil(MAX_POINTS).max(1);
    Some(Scatter {
        x: x.to_string(),
        y: y.to_string(),
        target: target.to_string(),
        classes: if coloured { classes } else { Vec::new() },
        rows: complete.len(),
        points: complete.into_iter().step_by(step).collect(),
        step,
    })
}

/// The columns a scatter shows unless others are chosen: the first two numeric columns that are
/// not the target.
pub fn default_axes(table: &Table, target: &str) -> Option<(String, String)> {
    let mut numeric = table
        .columns
        .iter()
        .filter(|c| c.name != target && matches!(c.data, ColumnData::Numeric(_)))
        .map(|c| c.name.clone());
    Some((numeric.next()?, numeric.next()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::read_table;

    #[test]
    fn points_are_the_complete_rows_coloured_by_class_and_thinned_when_many() {
        let table = read_table("a,b,kind\n1,2,y\n3,,x\n5,6,\n7,8,x\n").unwrap();
        assert_eq!(default_axes(&table, "kind"), Some(("a".into(), "b".into())));
        let s = scatter(&table, "a", "b", "kind").unwrap();
        assert_eq!(s.classes, ["x", "y"]);
        // Row 2 lacks b, row 3 its class.
        assert_eq!(s.points, [(1.0, 2.0, 1), (7.0, 8.0, 0)]);
        assert_eq!((s.rows, s.step), (2, 1));
        assert_eq!(
            scatter(&table, "a", "kind", "kind"),
            None,
            "text is no axis"
        );

        let mut csv = String::from("a,b,k\n");
        for i in 0..5000 {
            csv += &format!("{i},{},{}\n", i * 2, i % 10);
        }
        let table = read_table(&csv).unwrap();
        let s = scatter(&table, "a", "b", "k").unwrap();
        assert_eq!((s.rows, s.step, s.points.len()), (5000, 3, 1667));
        assert!(s.classes.is_empty(), "ten classes are too many colours");
        assert_eq!(s.points[1], (3.0, 6.0, 0));
    }
}
