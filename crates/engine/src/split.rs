//! Hold-out split, seeded and optionally stratified, sized the way scikit-learn's
//! `train_test_split` sizes it: `n_test = ceil(test_fraction · n)`, the rest for training.

use crate::error::Expected;
use crate::rng::SeededRng;
use crate::Error;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoldOut {
    pub train: Vec<usize>,
    pub test: Vec<usize>,
}

/// Splits rows `0..labels.len()`. `labels` are class codes `0..n_classes` (used to stratify and
/// to check that both sides can hold every class); `class_names` names them in errors.
pub fn hold_out(
    labels: &[u32],
    class_names: &[String],
    test_fraction: f64,
    stratify: bool,
    seed: u64,
) -> Result<HoldOut, Error> {
    if !(test_fraction > 0.0 && test_fraction < 1.0) {
        return Err(Error::TestFractionOutOfRange {
            value: test_fraction,
        });
    }
    let n = labels.len();
    let n_test = (test_fraction * n as f64).ceil() as usize;
    let n_train = n.saturating_sub(n_test);
    let n_classes = class_names.len();
    let too_few = Error::TooFewRowsToSplit {
        rows: n,
        train: n_train,
        test: n_test,
        classes: n_classes,
    };
    if n_train == 0 || n_test == 0 {
        return Err(too_few);
    }
    let mut rng = SeededRng::new(seed);
    if !stratify {
        let mut rows: Vec<usize> = (0..n).collect();
        rng.shuffle(&mut rows);
        let train = rows.split_off(n_test);
        return Ok(sorted(HoldOut { train, test: rows }));
    }
    if n_train < n_classes || n_test < n_classes {
        return Err(too_few);
    }
    let mut by_class: Vec<Vec<usize>> = vec![Vec::new(); n_classes];
    for (row, &label) in labels.iter().enumerate() {
        if let Some(rows) = by_class.get_mut(label as usize) {
            rows.push(row);
        }
    }
    if let Some((class, rows)) = by_class.iter().enumerate().find(|(_, r)| r.len() < 2) {
        return Err(Error::ClassTooSmallToStratify {
            class: class_names.get(class).cloned().unwrap_or_default(),
            rows: rows.len(),
        });
    }
    let counts: Vec<usize> = by_class.iter().map(Vec::len).collect();
    let test_per_class = allocate(&counts, n_test);
    let mut split = HoldOut {
        train: Vec::with_capacity(n_train),
        test: Vec::with_capacity(n_test),
    };
    for (mut rows, take) in by_class.into_iter().zip(test_per_class) {
        rng.shuffle(&mut rows);
        split.test.extend_from_slice(&rows[..take]);
        split.train.extend_from_slice(&rows[take..]);
    }
    Ok(sorted(split))
}

/// Shares `total` out in proportion to `counts` by largest remainder (ties to the larger class,
/// then the earlier), keeping at least one row of each class on both sides where possible.
fn allocate(counts: &[usize], total: usize) -> Vec<usize> {
    let n: usize = counts.iter().sum();
    let exact: Vec<f64> = counts
        .iter()
        .map(|&c| c as f64 * total as f64 / n as f64)
        .collect();
    let mut take: Vec<usize> = exact
        .iter()
        .zip(counts)
        .map(|(&e, &c)| (e.floor() as usize).clamp(1, c - 1))
        .collect();
    let mut order: Vec<usize> = (0..counts.len()).collect();
    order.sort_by(|&a, &b| {
        let (ra, rb) = (exact[a] - exact[a].floor(), exact[b] - exact[b].floor());
        rb.total_cmp(&ra)
            .then(counts[b].cmp(&counts[a]))
            .then(a.cmp(&b))
    });
    let mut assigned: usize = take.iter().sum();
    for &class in order.iter().cycle().take(order.len() * 4) {
        if assigned == total {
            break;
        }
        if assigned < total && take[class] < counts[class] - 1 {
            take[class] += 1;
            assigned += 1;
        } else if assigned > total && take[class] > 1 {
            take[class] -= 1;
            assigned -= 1;
        }
    }
    take
}

fn sorted(mut split: HoldOut) -> HoldOut {
    split.train.sort_unstable();
    split.test.sort_unstable();
    split
}

/// One fold of a cross-validation: rows to fit on and rows to score on, as indices into the
/// rows that were split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fold {
    pub train: Vec<usize>,
    pub validation: Vec<usize>,
}

fn check_fold_count(folds: usize, rows: usize) -> Result<(), Error> {
    if folds < 2 || folds > rows {
        return Err(Error::InvalidParameter {
            name: "folds".into(),
            value: folds.to_string(),
            expected: Expected::IntegerBetween {
                min: 2,
                max: rows.max(2) as u64,
            },
        });
    }
    Ok(())
}

/// Turns each row's fold number into folds.
fn folds_from_assignment(assignment: &[usize], folds: usize) -> Vec<Fold> {
    (0..folds)
        .map(|fold| {
            let (validation, train) = (0..assignment.len()).partition(|&r| assignment[r] == fold);
            Fold { train, validation }
        })
        .collect()
}

/// scikit-learn's `KFold(n_splits=folds)` (no shuffle): consecutive blocks, the first
/// `rows % folds` of them one row larger.
pub fn k_fold(rows: usize, folds: usize) -> Result<Vec<Fold>, Error> {
    check_fold_count(folds, rows)?;
    let mut assignment = Vec::with_capacity(rows);
    for fold in 0..folds {
        let size = rows / folds + usize::from(fold < rows % folds);
        assignment.extend(std::iter::repeat_n(fold, size));
    }
    Ok(folds_from_assignment(&assignment, folds))
}

/// scikit-learn's `StratifiedKFold(n_splits=folds)` (no shuffle), the default `cv` of
/// `cross_val_score` for classifiers, to the row: classes are numbered in order of first
/// appearance; each fold's share of each class comes from dealing the sorted labels round-robin;
/// each class's rows go to the folds in blocks, keeping their order.
pub fn stratified_k_fold(labels: &[u32], folds: usize) -> Result<Vec<Fold>, Error> {
    check_fold_count(folds, labels.len())?;
    let mut order_of_appearance: Vec<u32> = Vec::new();
    for &label in labels {
        if !order_of_appearance.contains(&label) {
            order_of_appearance.push(label);
        }
    }
    let encoded: Vec<usize> = labels
        .iter()
        .map(|l| order_of_appearance.iter().position(|c| c == l).unwrap_or(0))
        .collect();
    let n_classes = order_of_appearance.len();
    let mut counts = vec![0usize; n_classes];
    for &class in &encoded {
        counts[class] += 1;
    }
    let largest = counts.iter().copied().max().unwrap_or(0);
    if largest < folds {
        return Err(Error::ClassesSmallerThanFolds { folds, largest });
    }
    let mut sorted_classes = encoded.clone();
    sorted_classes.sort_unstable();
    // allocation[fold][class]: how many rows of the class fold `fold` validates on.
    let mut allocation = vec![vec![0usize; n_classes]; folds];
    for (i, &class) in sorted_classes.iter().enumerate() {
        allocation[i % folds][class] += 1;
    }
    let mut assignment = vec![0usize; labels.len()];
    for (class, _) in counts.iter().enumerate() {
        let mut blocks =
            (0..folds).flat_map(|fold| std::iter::repeat_n(fold, allocation[fold][class]));
        for (row, _) in encoded.iter().enumerate().filter(|(_, &c)| c == class) {
            assignment[row] = blocks.next().unwrap_or(0);
        }
    }
    Ok(folds_from_assignment(&assignment, folds))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("c{i}")).collect()
    }

    #[test]
    fn sizes_follow_scikit_learn_and_rows_are_partitioned() {
        let labels: Vec<u32> = (0..150).map(|i| (i / 50) as u32).collect();
        for stratify in [false, true] {
            let split = hold_out(&labels, &names(3), 0.25, stratify, 42).unwrap();
            // sklearn: n_test = ceil(0.25 * 150) = 38
            assert_eq!(split.test.len(), 38);
            assert_eq!(split.train.len(), 112);
            let mut all: Vec<usize> = split.train.iter().chain(&split.test).copied().collect();
            all.sort_unstable();
            assert_eq!(all, (0..150).collect::<Vec<_>>());
        }
    }

    #[test]
    fn stratified_split_keeps_class_proportions() {
        let labels: Vec<u32> = (0..100).map(|i| u32::from(i >= 80)).collect();
        let split = hold_out(&labels, &names(2), 0.2, true, 1).unwrap();
        let minority = split.test.iter().filter(|&&r| labels[r] == 1).count();
        assert_eq!(minority, 4);
    }

    #[test]
    fn same_seed_same_split_other_seed_other_split() {
        let labels: Vec<u32> = (0..60).map(|i| (i % 3) as u32).collect();
        let a = hold_out(&labels, &names(3), 0.3, true, 5).unwrap();
        assert_eq!(a, hold_out(&labels, &names(3), 0.3, true, 5).unwrap());
        assert_ne!(a, hold_out(&labels, &names(3), 0.3, true, 6).unwrap());
    }

    #[test]
    fn fractions_of_zero_one_or_nan_are_refused() {
        let labels = vec![0, 1, 0, 1];
        for bad in [0.0, 1.0, -0.5, 1.5, f64::NAN] {
            let err = hold_out(&labels, &names(2), bad, false, 0).unwrap_err();
            assert!(matches!(err, Error::TestFractionOutOfRange { .. }));
        }
    }

    #[test]
    fn too_small_data_sets_are_refused() {
        let err = hold_out(&[0], &names(1), 0.5, false, 0).unwrap_err();
        assert!(matches!(err, Error::TooFewRowsToSplit { rows: 1, .. }));
        let err = hold_out(&[0, 1, 0], &names(2), 0.3, true, 0).unwrap_err();
        assert!(matches!(err, Error::TooFewRowsToSplit { .. }));
        let err = hold_out(&[0, 0, 0, 1, 0, 0], &names(2), 0.5, true, 0).unwrap_err();
        assert!(matches!(
            err,
            Error::ClassTooSmallToStratify { rows: 1, .. }
        ));
    }
}
