//! SQL over shipped data: the answers pandas gives to the same questions (counted with
//! `groupby`, `mean`, `sort_values` on static/data/penguins.csv).

use latih_engine::table::{read_csv, Table};
use latih_engine::Error;
use latih_sql::{query, table_name};

fn penguins() -> Table {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../static/data/penguins.csv"
    );
    read_csv(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn islands() -> Table {
    read_csv("island,province\nBiscoe,Graham Land\nDream,Palmer\nTorgersen,Palmer\n").unwrap()
}

fn run(sql: &str) -> Result<Table, Error> {
    let (penguins, islands) = (penguins(), islands());
    let tables = [
        (table_name("penguins"), &penguins),
        (table_name("file:islands.csv"), &islands),
    ];
    query(&tables, sql).map(|csv| read_csv(&csv).unwrap())
}

fn cells(table: &Table) -> Vec<Vec<String>> {
    (0..table.n_rows())
        .map(|r| table.columns.iter().map(|c| c.display(r)).collect())
        .collect()
}

#[test]
fn a_grouped_count_is_pandas_groupby_size() {
    let result =
        run("SELECT species, COUNT(*) AS n FROM penguins GROUP BY species ORDER BY species")
            .unwrap();
    let names: Vec<&str> = result.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["species", "n"]);
    assert_eq!(
        cells(&result),
        [["Adelie", "152"], ["Chinstrap", "68"], ["Gentoo", "124"]]
    );
}

#[test]
fn averages_skip_missing_values_as_pandas_does() {
    let result = run("SELECT species, AVG(body_mass_g) AS mass FROM penguins \
         WHERE body_mass_g IS NOT NULL GROUP BY species ORDER BY species")
    .unwrap();
    let want = [3700.662252, 3733.088235, 5076.01626];
    for (row, want) in cells(&result).iter().zip(want) {
        let got: f64 = row[1].parse().unwrap();
        assert!((got - want).abs() < 1e-6, "{row:?} vs {want}");
    }
}

#[test]
fn filters_joins_order_and_limit() {
    let dream = run("SELECT COUNT(*) FROM penguins WHERE island = 'Dream'").unwrap();
    assert_eq!(cells(&dream), [["124"]]);
    let heaviest = run(
        "SELECT species, body_mass_g FROM penguins WHERE body_mass_g IS NOT NULL \
         ORDER BY body_mass_g DESC LIMIT 3",
    )
    .unwrap();
    assert_eq!(
        cells(&heaviest),
        [["Gentoo", "6300"], ["Gentoo", "6050"], ["Gentoo", "6000"]]
    );
    let by_province = run("SELECT i.province, COUNT(*) AS n FROM penguins p \
         JOIN islands i ON p.island = i.island GROUP BY i.province ORDER BY i.province")
    .unwrap();
    assert_eq!(
        cells(&by_province),
        [["Graham Land", "168"], ["Palmer", "176"]]
    );
}

#[test]
fn a_broken_query_or_one_that_changes_data_is_refused_with_a_message() {
    let Err(Error::SqlUnknownTable { name, .. }) = run("SELECT species FROM pinguin") else {
        panic!("an unknown table is an error");
    };
    assert_eq!(name, "pinguin");
    let Err(Error::Sql { message }) = run("SELEC 1") else {
        panic!("a query that does not parse is GlueSQL's error");
    };
    assert!(!message.is_empty());
    assert_eq!(
        run("DELETE FROM penguins").unwrap_err(),
        Error::SqlNotOneSelect
    );
    // A SELECT that GlueSQL cannot take says so in its words, not "not a SELECT".
    assert!(matches!(
        run("SELECT * FROM penguins, islands"),
        Err(Error::Sql { .. })
    ));
    assert_eq!(
        run("SELECT 1; SELECT 2").unwrap_err(),
        Error::SqlNotOneSelect
    );
}

#[test]
fn a_mistyped_table_is_named_with_the_one_meant() {
    assert_eq!(
        run("SELECT species FROM pinguins"),
        Err(Error::SqlUnknownTable {
            name: "pinguins".into(),
            suggestion: Some("penguins".into()),
        })
    );
    assert_eq!(
        run("SELECT * FROM penguins p JOIN sales s ON p.island = s.island"),
        Err(Error::SqlUnknownTable {
            name: "sales".into(),
            suggestion: None,
        })
    );
    // A shipped data set not given to the query is suggested too.
    assert!(matches!(
        run("SELECT * FROM titanik"),
        Err(Error::SqlUnknownTable { suggestion: Some(meant), .. }) if meant == "titanic"
    ));
}

/// Issue 18: a query within the row limits can still run long (a join of two large series goes
/// through millions of rows); it is given up after the time limit with its own error, and the
/// next query runs.
#[test]
fn a_query_past_its_time_limit_is_given_up_with_a_message() {
    use latih_sql::query_data_within;
    use std::collections::HashMap;
    use std::time::Duration;
    let data = HashMap::new();
    let slow = "SELECT COUNT(*) FROM SERIES(4000) AS a JOIN SERIES(4000) AS b ON a.N < b.N";
    assert_eq!(
        query_data_within(&data, slow, Duration::from_millis(50)),
        Err(Error::QueryTimedOut { seconds: 0 })
    );
    let quick = query_data_within(&data, "SELECT 1 AS one", Duration::from_secs(60)).unwrap();
    assert_eq!(quick.trim(), "one\n1");
}
