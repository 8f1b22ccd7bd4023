//! Metrics with scikit-learn's exact definitions (`sklearn/metrics/_classification.py`).
//! Labels are class codes `0..n_classes`; the class order is the matrix order.

/// `accuracy_score(y_true, y_pred)`: the fraction of exact matches. `None` for empty input,
/// where scikit-learn would divide by zero.
pub fn accuracy(y_true: &[u32], y_pred: &[u32]) -> Option<f64> {
    if y_true.is_empty() || y_true.len() != y_pred.len() {
        return None;
    }
    let hits = y_true.iter().zip(y_pred).filter(|(t, p)| t == p).count();
    Some(hits as f64 / y_true.len() as f64)
}

/// `confusion_matrix(y_true, y_pred, labels=range(n_classes))`: row = true class,
/// column = predicted class. Codes outside `0..n_classes` are ignored, as scikit-learn ignores
/// labels not in `labels`.
pub fn confusion_matrix(y_true: &[u32], y_pred: &[u32], n_classes: usize) -> Vec<Vec<u64>> {
    let mut matrix = vec![vec![0u64; n_classes]; n_classes];
    for (&t, &p) in y_true.iter().zip(y_pred) {
        if let Some(cell) = matrix
            .get_mut(t as usize)
            .and_then(|row| row.get_mut(p as usize))
        {
            *cell += 1;
        }
    }
    matrix
}
