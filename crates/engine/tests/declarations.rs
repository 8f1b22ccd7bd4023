//! The models' declarations say the truth about their params structs: every declared name is a
//! field of the notebook's JSON and every field is declared, every default is within its
//! declared bounds, and every model's tag reads back as that model.

use latih_engine::models::declare::{Kind, Value};
use latih_engine::models::ModelSpec;
use latih_engine::tune::Param;
use latih_engine::Error;

#[test]
fn every_json_field_is_declared_and_every_declaration_is_a_field() {
    for kind in ModelSpec::KINDS {
        let spec = ModelSpec::named(kind.name).expect(kind.name);
        let json = serde_json::to_value(&spec).unwrap();
        let mut fields: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .filter(|k| *k != "model")
            .collect();
        let mut declared: Vec<&str> = kind.params.iter().map(|p| p.name).collect();
        fields.sort_unstable();
        declared.sort_unstable();
        assert_eq!(fields, declared, "{}", kind.name);
    }
}

#[test]
fn defaults_are_within_their_bounds_and_every_value_reads_back() {
    for kind in ModelSpec::KINDS {
        let spec = ModelSpec::named(kind.name).unwrap();
        assert_eq!(spec.validate(), Ok(()), "{}", kind.name);
        for param in kind.params {
            let value = spec.get(param.name).expect(param.name);
            assert_eq!(param.check(&value), Ok(()), "{} {}", kind.name, param.name);
            let mut copy = spec.clone();
            assert!(copy.set(param.name, &value), "{} {}", kind.name, param.name);
            assert_eq!(copy, spec);
            // A value of the wrong type is not stored.
            assert!(
                !copy.set(param.name, &Value::Choice("no such value"))
                    || matches!(param.kind, Kind::Choice(_))
            );
        }
        assert_eq!(spec.get("no_such_parameter"), None);
    }
}

#[test]
fn a_value_beyond_its_bounds_is_refused_with_the_parameter_named() {
    let mut boosting = ModelSpec::named("gradient_boosting").unwrap();
    assert!(boosting.set("learning_rate", &Value::Decimal(1e308)));
    assert!(matches!(
        boosting.validate(),
        Err(Error::InvalidParameter { ref name, .. }) if name == "learning_rate"
    ));
    let mut bayes = ModelSpec::named("gaussian_naive_bayes").unwrap();
    assert!(bayes.set("var_smoothing", &Value::Decimal(-1.0)));
    assert!(matches!(
        bayes.validate(),
        Err(Error::InvalidParameter { ref name, .. }) if name == "var_smoothing"
    ));
    let mut lasso: ModelSpec =
        serde_json::from_str(r#"{"model":"linear_regression","penalty":"lasso"}"#).unwrap();
    assert!(lasso.set("max_iter", &Value::Whole(u64::from(u32::MAX))));
    assert!(lasso.validate().is_err());
    // Least squares does not iterate: its max_iter is not in use, so not checked.
    assert!(lasso.set("penalty", &Value::Choice("none")));
    assert_eq!(lasso.validate(), Ok(()));
}

#[test]
fn every_tag_reads_back_as_its_model_and_an_unknown_one_is_refused() {
    for kind in ModelSpec::KINDS {
        let spec = ModelSpec::named(kind.name).unwrap();
        assert_eq!(spec.name(), kind.name);
        assert_eq!(spec.kind().name, kind.name);
        let json = serde_json::to_string(&spec).unwrap();
        assert!(
            json.starts_with(&format!("{{\"model\":\"{}\"", kind.name)),
            "{json}"
        );
        assert_eq!(serde_json::from_str::<ModelSpec>(&json).unwrap(), spec);
    }
    assert!(serde_json::from_str::<ModelSpec>(r#"{"model":"gradient_boosted"}"#).is_err());
}

#[test]
fn a_searched_name_is_the_same_kind_of_number_in_every_model() {
    for kind in ModelSpec::KINDS {
        for param in kind.params.iter().filter(|p| p.search.is_some()) {
            let searched = Param::named(param.name).unwrap();
            assert_eq!(searched.is_integer(), param.is_integer(), "{}", param.name);
        }
    }
    assert_eq!(Param::named("bootstrap"), None);
}

#[test]
fn an_empty_search_list_is_an_error_not_a_panic() {
    use latih_engine::tune::Space;
    let param = Param::named("max_depth").unwrap();
    for text in [",", " , ;", ";"] {
        assert!(matches!(
            Space::parse(param, text),
            Err(Error::InvalidSearchSpace { .. })
        ));
    }
}
