//! PCA, k-means and DBSCAN against scikit-learn (tests/fixtures/unsupervised.json, written by
//! scripts/fixtures/make_unsupervised_fixtures.py), and the clusters cell that shows them.

use latih_engine::features::Matrix;
use latih_engine::models::{dbscan, DbscanParams, KMeans, KMeansParams, Pca};
use latih_engine::notebook::{
    evaluate, Cell, CellOutput, ClustersCell, ClustersOutput, Notebook, NOISE_LABEL, PROJECTED_ROWS,
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
            dbscan: None,
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
                dbscan: None,
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

/// The shipped measurements of `dataset` (iris's or wine's, as the fixture's), standardised as
/// scikit-learn's `StandardScaler` does: population spread.
fn standardised(dataset: &str) -> Matrix {
    let f = fixture();
    let case = f["kmeans"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["data"] == dataset)
        .unwrap();
    let mut x = matrix(&case["x"]);
    for col in 0..x.cols {
        let values: Vec<f64> = (0..x.rows).map(|r| x.data[r * x.cols + col]).collect();
        let mean = values.iter().sum::<f64>() / values.len() as f64;
        let var = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / values.len() as f64;
        let scale = if var > 0.0 { var.sqrt() } else { 1.0 };
        for r in 0..x.rows {
            x.data[r * x.cols + col] = (x.data[r * x.cols + col] - mean) / scale;
        }
    }
    x
}

#[test]
fn dbscan_labels_equal_scikit_learn_s_noise_and_clusters_alike() {
    let f = fixture();
    let cases = f["dbscan"].as_array().unwrap();
    assert!(cases.len() >= 6);
    for case in cases {
        let params = DbscanParams {
            eps: case["eps"].as_f64().unwrap(),
            min_samples: case["min_samples"].as_u64().unwrap() as u32,
        };
        let ours: Vec<i64> = dbscan(&params, &standardised(case["data"].as_str().unwrap()))
            .unwrap()
            .into_iter()
            .map(|l| l.map_or(-1, i64::from))
            .collect();
        let theirs: Vec<i64> = serde_json::from_value(case["labels"].clone()).unwrap();
        assert_eq!(ours, theirs, "{} {params:?}", case["data"]);
    }
}

#[test]
fn the_clusters_cell_with_dbscan_says_what_scikit_learn_finds() {
    let theirs = &fixture()["dbscan_cell"];
    let cell = ClustersCell {
        dbscan: Some(DbscanParams {
            eps: theirs["eps"].as_f64().unwrap(),
            min_samples: theirs["min_samples"].as_u64().unwrap() as u32,
        }),
        ..ClustersCell::default()
    };
    let out = clusters_of("iris", "species", cell).unwrap();
    assert_eq!(
        u64::from(out.n_clusters),
        theirs["clusters"].as_u64().unwrap()
    );
    assert_eq!(out.noise, Some(theirs["noise"].as_u64().unwrap() as usize));
    let sizes: Vec<usize> = serde_json::from_value(theirs["sizes"].clone()).unwrap();
    assert_eq!(out.sizes, sizes);
    close(
        out.silhouette.unwrap(),
        theirs["silhouette"].as_f64().unwrap(),
        "silhouette of the clustered rows",
    );
    close(
        out.adjusted_rand.unwrap(),
        theirs["adjusted_rand"].as_f64().unwrap(),
        "adjusted Rand index, noise as a group",
    );
    // The k-means elbow stays beside it; the noise has its own colour, scikit-learn's −1.
    assert_eq!(out.elbow.len(), 8);
    assert_eq!(
        out.projection.classes.last().map(String::as_str),
        Some(NOISE_LABEL)
    );
    let noise_colour = out.projection.classes.len() as u32 - 1;
    let drawn_noise = out
        .projection
        .points
        .iter()
        .filter(|p| p.2 == noise_colour)
        .count();
    assert_eq!(Some(drawn_noise), out.noise);

    // An eps of 0 is refused with the field's name, not run.
    let refused = clusters_of(
        "iris",
        "species",
        ClustersCell {
            dbscan: Some(DbscanParams {
                eps: 0.0,
                min_samples: 5,
            }),
            ..ClustersCell::default()
        },
    );
    assert!(
        matches!(&refused, Err(Error::InvalidParameter { name, .. }) if name == "eps"),
        "{refused:?}"
    );
}
