//! PCA and k-means against scikit-learn (tests/fixtures/unsupervised.json, written by
//! scripts/fixtures/make_unsupervised_fixtures.py), and the clusters cell that shows them.

use latih_engine::features::Matrix;
use latih_engine::models::{KMeans, KMeansParams, Pca};
use latih_engine::notebook::{
    evaluate, Cell, CellOutput, ClustersCell, ClustersOutput, Notebook, PROJECTED_ROWS,
};
use latih_engine::Error;
use serde_json::Value;

mod common;
use common::matrix;

fn fixture() -> Value {
    common::fixture("unsupervised.json")
}

fn rows(v: &Value) -> Vec<Vec<f64>> {
    serde_json::from_value(v.clone()).unwrap()
}

/// PCA and k-means from the same start are exact computations: equal to 1e-8.
#[track_caller]
fn close(ours: f64, theirs: f64, what: &str) {
    common::close(ours, theirs, 1e-8, what);
}

#[test]
fn pca_gives_scikit_learn_s_variances_components_and_projection() {
    let f = &fixture()["pca"];
    let x = matrix(&f["x"]);
    let pca = Pca::fit(&x).unwrap();
    for (key, ours) in [
        ("explained_variance", &pca.explained_variance),
        ("explained_variance_ratio", &pca.explained_variance_ratio),
    ] {
        for (i, (o, t)) in ours
            .iter()
            .zip(rows(&Value::Array(vec![f[key].clone()]))[0].iter())
            .enumerate()
        {
            close(*o, *t, &format!("{key} {i}"));
        }
    }
    // The last components of wine carry almost no variance and are ill-determined: compare the
    // ones a learner looks at.
    for (c, (ours, theirs)) in pca
        .components
        .iter()
        .zip(rows(&f["components"]))
        .take(5)
        .enumerate()
    {
        for (o, t) in ours.iter().zip(&theirs) {
            close(*o, *t, &format!("component {c}"));
        }
    }
    let head = Matrix {
        rows: 10,
        cols: x.cols,
        data: x.data[..10 * x.cols].to_vec(),
    };
    for (r, (ours, theirs)) in pca
        .transform(&head, 2)
        .iter()
        .zip(rows(&f["projected"]))
        .enumerate()
    {
        close(ours[0], theirs[0], &format!("row {r} x"));
        close(ours[1], theirs[1], &format!("row {r} y"));
    }
    let one_row = Matrix {
        rows: 1,
        cols: 2,
        data: vec![1.0, 2.0],
    };
    assert_eq!(
        Pca::fit(&one_row),
        Err(Error::TooFewRows { rows: 1, needed: 2 })
    );
}

#[test]
fn kmeans_from_the_same_start_ends_where_scikit_learn_does() {
    for case in fixture()["kmeans"].as_array().unwrap() {
        let name = case["data"].as_str().unwrap();
        let x = matrix(&case["x"]);
        let model = KMeans::fit_from(&x, rows(&case["init"]), 300);
        let labels: Vec<u32> = serde_json::from_value(case["labels"].clone()).unwrap();
        assert_eq!(model.labels, labels, "{name}");
        close(
            model.inertia,
            case["inertia"].as_f64().unwrap(),
            &format!("{name} inertia"),
        );
        for (ours, theirs) in model.centers.iter().zip(rows(&case["centers"])) {
            for (o, t) in ours.iter().zip(&theirs) {
                close(*o, *t, &format!("{name} centre"));
            }
        }
        assert_eq!(model.predict(&x), model.labels);
    }
}

#[test]
fn kmeans_plus_plus_is_seeded_and_too_many_clusters_is_an_error() {
    let x = matrix(&fixture()["kmeans"][0]["x"]);
    let params = KMeansParams {
        n_clusters: 3,
        max_iter: 300,
        seed: 7,
    };
    let (a, b) = (
        KMeans::fit(&params, &x).unwrap(),
        KMeans::fit(&params, &x).unwrap(),
    );
    assert_eq!(a, b, "the same seed, the same clusters");
    // Iris's three species: a good start finds clusters of about 50 rows each.
    assert!(a.inertia < 80.0, "inertia {}", a.inertia);
    let tiny = Matrix {
        rows: 2,
        cols: 1,
        data: vec![0.0, 1.0],
    };
    assert_eq!(
        KMeans::fit(&params, &tiny),
        Err(Error::TooFewRows { rows: 2, needed: 3 })
    );
}

/// The notebook `dataset` → clusters cell, run on the shipped data sets.
fn clusters_of(dataset: &str, target: &str, cell: ClustersCell) -> Result<ClustersOutput, Error> {
    let mut nb = Notebook::starter(dataset, target);
    nb.cells.truncate(1);
    nb.cells.push(Cell::Clusters(cell));
    match evaluate(&nb, &common::shipped()).remove(1)? {
        CellOutput::Clusters(out) => Ok(out),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_clusters_cell_groups_standardised_rows_and_draws_them_by_pca() {
    let iris = clusters_of("iris", "species", ClustersCell::default()).unwrap();
    let theirs = &fixture()["standardised_pca"]["iris"];
    for (i, (ours, theirs)) in iris
        .explained_variance_ratio
        .iter()
        .zip(rows(&Value::Array(vec![theirs.clone()]))[0].iter())
        .enumerate()
    {
        close(*ours, *theirs, &format!("iris PC{}", i + 1));
    }
    // One cluster's inertia is the total variance of standardised columns: rows × features.
    assert_eq!(iris.elbow[0].k, 1);
    close(iris.elbow[0].inertia, 150.0 * 4.0, "inertia of one cluster");
    assert_eq!(iris.elbow[0].silhouette, None);
    assert_eq!(iris.elbow.len(), 8);
    assert!(iris.elbow[1].inertia < iris.elbow[0].inertia);
    // The chosen clusters: sizes of every row; the species are found well above chance.
    assert_eq!(iris.sizes.iter().sum::<usize>(), 150);
    assert_eq!(iris.sizes.len(), 3);
    assert!(
        iris.adjusted_rand.unwrap() > 0.5,
        "{:?}",
        iris.adjusted_rand
    );
    assert!(!iris.sampled);
    let silhouette = iris.silhouette.unwrap();
    assert_eq!(Some(silhouette), iris.elbow[2].silhouette);
    assert!((0.3..0.7).contains(&silhouette), "{silhouette}");
    // Every row is drawn, coloured by its cluster.
    let projection = &iris.projection;
    assert_eq!(
        (projection.points.len(), projection.classes.len()),
        (150, 3)
    );
    assert!(projection.points.iter().all(|p| p.2 < 3));

    // A number target has no classes to compare with; many rows are sampled and thinned.
    let credit = clusters_of(
        "credit_default",
        "balance",
        ClustersCell {
            n_clusters: 4,
            seed: 7,
        },
    )
    .unwrap();
    assert_eq!(credit.adjusted_rand, None);
    assert!(credit.sampled);
    assert!(credit.projection.points.len() <= PROJECTED_ROWS);
    assert_eq!(credit.sizes.iter().sum::<usize>(), credit.rows);

    // Categories are one-hot encoded, as for the models: penguins' island and sex.
    let penguins = clusters_of("penguins", "species", ClustersCell::default()).unwrap();
    assert_eq!((penguins.rows, penguins.features), (333, 10));
    assert_eq!(penguins.explained_variance_ratio.len(), 10);
}

#[test]
fn the_clusters_cell_explains_what_it_cannot_do() {
    for k in [0, 21] {
        let refused = clusters_of(
            "iris",
            "species",
            ClustersCell {
                n_clusters: k,
                seed: 1,
            },
        );
        assert!(
            matches!(refused, Err(Error::InvalidParameter { .. })),
            "{k}: {refused:?}"
        );
    }
    // Alone, the cell has no data.
    let nb = Notebook {
        version: 1,
        cells: vec![Cell::Clusters(ClustersCell::default())],
        locked: vec![],
    };
    assert!(matches!(
        evaluate(&nb, &common::shipped())[0],
        Err(Error::NeedsCellAbove { .. })
    ));
}
