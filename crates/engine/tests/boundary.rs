//! The decision boundary cell: the model above refitted on two features, drawn over their
//! plane, with its accuracy on the training rows; and its refusals in words.

mod common;
use latih_engine::models::{KnnParams, ModelSpec};
use latih_engine::notebook::{
    evaluate, BoundaryCell, BoundaryOutput, Cell, CellOutput, Notebook, TrainCell,
};
use latih_engine::Error;
use std::collections::HashMap;

fn boundary_of(
    mut nb: Notebook,
    cell: BoundaryCell,
    data: &HashMap<String, String>,
) -> Result<BoundaryOutput, Error> {
    nb.cells.push(Cell::Boundary(cell));
    match evaluate(&nb, data).pop().unwrap()? {
        CellOutput::Boundary(out) => Ok(out),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_boundary_is_drawn_over_the_features_the_model_leans_on_or_those_chosen() {
    let data = common::shipped();
    let iris = Notebook::starter("iris", "species");
    let out = boundary_of(iris.clone(), BoundaryCell::default(), &data).unwrap();
    // The tree's two most important features: the petals.
    let mut axes = [out.x.as_str(), out.y.as_str()];
    axes.sort_unstable();
    assert_eq!(axes, ["petal length (cm)", "petal width (cm)"]);
    assert_eq!(out.features.len(), 4);
    assert!(out.train_accuracy > 0.95, "{}", out.train_accuracy);
    let svg = &out.svg;
    assert!(svg.starts_with("<svg ") && svg.ends_with("</svg>"));
    // A dot per training row (112 of iris's 150), and the three classes in the legend.
    assert_eq!(svg.matches("<circle").count(), 112);
    for class in ["setosa", "versicolor", "virginica"] {
        assert!(svg.contains(&format!(">{class}</text>")), "{class}");
    }

    // Chosen features are kept; the same feature twice falls back to another.
    let chosen = BoundaryCell {
        x: Some("sepal length (cm)".into()),
        y: Some("sepal width (cm)".into()),
    };
    let sepals = boundary_of(iris.clone(), chosen, &data).unwrap();
    assert_eq!(
        (sepals.x.as_str(), sepals.y.as_str()),
        ("sepal length (cm)", "sepal width (cm)")
    );
    let twice = BoundaryCell {
        x: Some("sepal length (cm)".into()),
        y: Some("sepal length (cm)".into()),
    };
    let fallback = boundary_of(iris.clone(), twice, &data).unwrap();
    assert_ne!(fallback.x, fallback.y);

    // k-nearest neighbours ranks no features: the first two, the sepals, which overlap.
    let mut knn = iris;
    knn.cells[2] = Cell::Train(TrainCell {
        model: ModelSpec::KNearestNeighbors(KnnParams {
            n_neighbors: 15,
            ..KnnParams::default()
        }),
    });
    let smooth = boundary_of(knn, BoundaryCell::default(), &data).unwrap();
    assert_eq!(smooth.x, "sepal length (cm)");
    assert!(
        (0.6..0.95).contains(&smooth.train_accuracy),
        "{}",
        smooth.train_accuracy
    );
}

#[test]
fn a_boundary_needs_a_model_classes_and_two_features() {
    let data = common::shipped();
    let diabetes = boundary_of(
        Notebook::starter("diabetes", "progression"),
        BoundaryCell::default(),
        &data,
    );
    assert_eq!(diabetes, Err(Error::BoundaryNeedsClasses));
    let mut no_model = Notebook::starter("iris", "species");
    no_model.cells.truncate(2);
    assert!(matches!(
        boundary_of(no_model, BoundaryCell::default(), &data),
        Err(Error::NeedsCellAbove { .. })
    ));
    let one_feature = HashMap::from([(
        "one".to_string(),
        (0..40)
            .map(|i| format!("{i},{}\n", ["a", "b"][i % 2]))
            .fold("x,y\n".to_string(), |s, l| s + &l),
    )]);
    assert_eq!(
        boundary_of(
            Notebook::starter("one", "y"),
            BoundaryCell::default(),
            &one_feature
        ),
        Err(Error::BoundaryNeedsTwoFeatures)
    );
}
