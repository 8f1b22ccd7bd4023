//! Every fitted model serialises and, read back, predicts exactly as before.

use latih_engine::features::{encode_target, FeatureEncoder};
use latih_engine::models::{
    BernoulliNbParams, Classifier, DecisionTreeParams, GaussianNbParams, GradientBoostingParams,
    KnnParams, LogisticRegressionParams, MlpParams, ModelSpec, RandomForestParams, SvmParams,
};
use latih_engine::table::read_csv;

mod common;
use common::shipped_csv;

#[test]
fn every_model_round_trips_to_the_same_probabilities() {
    let table = read_csv(&shipped_csv("wine")).unwrap();
    let labels = encode_target(&table, "cultivar").unwrap();
    let rows: Vec<usize> = (0..table.n_rows()).collect();
    let encoder = FeatureEncoder::fit(&table, "cultivar", &rows).unwrap();
    let x = encoder.transform(&table, &rows).unwrap();
    let specs = [
        ModelSpec::DecisionTree(DecisionTreeParams::default()),
        ModelSpec::RandomForest(RandomForestParams {
            n_estimators: 10,
            ..Default::default()
        }),
        ModelSpec::GradientBoosting(GradientBoostingParams {
            max_iter: 10,
            ..Default::default()
        }),
        ModelSpec::LogisticRegression(LogisticRegressionParams::default()),
        ModelSpec::NeuralNetwork(MlpParams {
            hidden_layer_sizes: vec![8],
            max_iter: 20,
            ..Default::default()
        }),
        ModelSpec::KNearestNeighbors(KnnParams::default()),
        ModelSpec::GaussianNaiveBayes(GaussianNbParams::default()),
        ModelSpec::BernoulliNaiveBayes(BernoulliNbParams::default()),
        ModelSpec::SupportVectorMachine(SvmParams::default()),
    ];
    for spec in specs {
        let model = spec.fit(&x, &labels.codes, labels.classes.len()).unwrap();
        let bytes = postcard::to_allocvec(&model).unwrap();
        let back: Classifier = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(back, model, "{spec:?}");
        let (before, after) = (model.predict_proba(&x), back.predict_proba(&x));
        let same_bits = before
            .iter()
            .flatten()
            .zip(after.iter().flatten())
            .all(|(a, b)| a.to_bits() == b.to_bits());
        assert!(
            same_bits,
            "{spec:?}: probabilities changed in the round trip"
        );
    }
}
