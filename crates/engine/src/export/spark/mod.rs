//! The notebook as a PySpark MLlib pipeline: the same steps, run by Spark on a laptop
//! (`--master "local[*]"`) or, unchanged, on a cluster (`spark-submit`), reading the data from a
//! path given on the command line (a local file, `hdfs://`, `s3a://`, `gs://`; CSV, Parquet or
//! JSON). Every cell keeps its place; where MLlib has no counterpart (k-nearest neighbours, an RBF
//! kernel, DBSCAN, a network that predicts numbers) the nearest MLlib model stands in, and the
//! notes at the top name each one.
//!
//! The helpers the cells share are Python kept in `helpers.py` (read as it is, so that it can be
//! read, linted and tried as Python); the cells' code is built here.

mod estimators;
mod stages;

use super::cells::{
    data_file, python_variable, regression_above, split_above, sql_tables, text_columns_retyped,
};
use super::documents::{cell_parts, percent_script, Part};
use super::Words;
use crate::datasets::{query_result_name, table_name};
use crate::notebook::ELBOW_CLUSTERS;
use crate::notebook::{
    Cell, ClustersCell, DataSource, DatasetCell, Notebook, PredictCell, SplitCell, SqlCell,
};
use crate::python::{py_float, py_str, py_str_list};
use crate::table::retype::{ValueType, FALSE_WORDS, TRUE_WORDS};
use crate::table::{csv_dialect, MAX_CATEGORY_LEVELS, MISSING_MARKERS};

const HELPERS: &str = include_str!("helpers.py");

/// The notebook as a PySpark script in the "percent" format (`# %%` cells).
pub fn spark_script(notebook: &Notebook, words: Words, files: &dyn DataSource) -> String {
    let files = &super::Remembering::new(files);
    let read = files_read(notebook);
    let mut parts = vec![
        Part::Text(top_note(notebook, words, files, &read)),
        Part::Code {
            title: String::new(),
            code: format!("{}\n\n{}", HELPERS.trim_end(), constants()),
        },
        Part::Code {
            title: String::new(),
            code: session(&read, words),
        },
    ];
    parts.extend(cell_parts(notebook, words, &|index| {
        cell_spark(notebook, index, words, files)
    }));
    percent_script(parts)
}

/// The lesson-sized note on when to move to Spark, how to run the script, and which models
/// MLlib lacks.
fn top_note(notebook: &Notebook, words: Words, files: &dyn DataSource, read: &[String]) -> String {
    let example = read
        .first()
        .map(|id| data_file(id, words).0)
        .unwrap_or_else(|| "data.csv".into());
    let parquet = example
        .rsplit_once('.')
        .map_or(example.clone(), |(stem, _)| format!("{stem}.parquet"));
    let mut note = format!(
        "# {}\n\n{}\n\n{}\n\n    python notebook_spark.py {example} --master \"local[*]\"\n    \
         spark-submit --master yarn notebook_spark.py hdfs:///data/{parquet}\n",
        words("spark-title"),
        wrapped(&words("spark-when")),
        wrapped(&words("spark-run")),
    );
    let mut nearest: Vec<String> = Vec::new();
    for (index, cell) in notebook.cells.iter().enumerate() {
        let said = match cell {
            Cell::Train(train) => {
                estimators::nearest(&train.model, regression_above(notebook, index, files))
            }
            Cell::Clusters(ClustersCell {
                dbscan: Some(_), ..
            }) => Some("spark-nearest-dbscan"),
            _ => None,
        };
        if let Some(key) = said {
            let line = format!("- {}", wrapped(&words(key)).replace('\n', "\n  "));
            if !nearest.contains(&line) {
                nearest.push(line);
            }
        }
    }
    if !nearest.is_empty() {
        note += &format!("\n{}\n\n{}\n", words("spark-nearest"), nearest.join("\n"));
    }
    note
}

/// A column's name in the script's data frames: `read` turns dots into underscores, which MLlib's
/// stages would take for a field of a structure.
pub(super) fn spark_column(name: &str) -> String {
    name.replace('.', "_")
}

/// A paragraph on lines of at most 90 characters (a long word alone on its line).
fn wrapped(paragraph: &str) -> String {
    const WIDTH: usize = 90;
    let mut lines: Vec<String> = Vec::new();
    for word in paragraph.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= WIDTH => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines.join("\n")
}

/// A paragraph as Python comment lines.
fn comment(paragraph: &str) -> String {
    format!("# {}", wrapped(paragraph).replace('\n', "\n# "))
}

/// Latih's reading rules, for the helpers.
fn constants() -> String {
    let list =
        |items: &[&str]| py_str_list(&items.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    format!(
        "# How Latih reads a file.\nMISSING = {}\nTRUE_WORDS = {}\nFALSE_WORDS = {}\nMAX_CATEGORY_LEVELS = {MAX_CATEGORY_LEVELS}",
        list(MISSING_MARKERS),
        list(&TRUE_WORDS),
        list(&FALSE_WORDS),
    )
}

/// The files the script reads (data sets that are not query results), in the order first read.
fn files_read(notebook: &Notebook) -> Vec<String> {
    let mut read: Vec<String> = Vec::new();
    for (index, cell) in notebook.cells.iter().enumerate() {
        let ids = match cell {
            Cell::Dataset(d) => vec![d.dataset.clone()],
            Cell::Sql(sql) => sql_tables(&sql.query, notebook, index),
            _ => Vec::new(),
        };
        for id in ids {
            if query_result_name(&id).is_none() && !read.contains(&id) {
                read.push(id);
            }
        }
    }
    read
}

/// The variable `args` holds data set `id`'s path in.
fn argument(id: &str) -> String {
    python_variable(&table_name(id))
}

/// The command line (each file's path, the Spark master) and the Spark session.
fn session(read: &[String], words: Words) -> String {
    let mut code = format!(
        "arguments = argparse.ArgumentParser(description={})\n",
        py_str(&words("spark-title"))
    );
    for id in read {
        let (file, _) = data_file(id, words);
        code += &format!(
            "arguments.add_argument({name}, nargs=\"?\", default={file}, help={help})\n",
            name = py_str(&argument(id)),
            file = py_str(&file),
            help = py_str(&words("spark-path-help")),
        );
    }
    code += &format!(
        "arguments.add_argument(\"--master\", help={})\n\
         arguments.add_argument(\"--same-split-as-notebook\", action=\"store_true\", help={})\n\
         args = arguments.parse_args()\n\
         builder = SparkSession.builder.appName(\"latih\")\n\
         if args.master:\n\
         \x20   builder = builder.master(args.master)\n\
         if (args.master or \"\").startswith(\"local\"):\n\
         \x20   # One computer's few cores: a few parts per shuffle, not a cluster's 200.\n\
         \x20   builder = builder.config(\"spark.sql.shuffle.partitions\", \"8\")\n\
         spark = builder.getOrCreate()\n\
         spark.sparkContext.setLogLevel(\"ERROR\")",
        py_str(&words("spark-master-help")),
        py_str(&words("spark-same-split-help")),
    );
    code
}

/// The Spark code of the cell at `index`, or `None` for a note.
fn cell_spark(
    notebook: &Notebook,
    index: usize,
    words: Words,
    files: &dyn DataSource,
) -> Option<String> {
    let regression = regression_above(notebook, index, files);
    match notebook.cells.get(index)? {
        Cell::Dataset(cell) => Some(dataset(
            cell,
            notebook.steps_follow(index),
            files.predicts_numbers(cell),
            files,
            words,
        )),
        Cell::Explore(_) => Some(EXPLORE.to_string()),
        Cell::Split(cell) => Some(split(cell, regression, words)),
        Cell::Steps(cell) => Some(stages::steps(&cell.steps)),
        Cell::Train(cell) => Some(estimators::train(&cell.model, regression, words)),
        Cell::Evaluate(_) => Some(
            if regression {
                "predictions = model.transform(test)\nevaluate_numbers(predictions)"
            } else {
                "predictions = model.transform(test)\nevaluate_classes(predictions)"
            }
            .to_string(),
        ),
        Cell::Tune(cell) => {
            let (_, model) = notebook.model_above(index)?;
            estimators::tune(cell, model, regression, words)
        }
        Cell::Note(_) => None,
        Cell::Sql(cell) => Some(sql(cell, notebook, index)),
        Cell::Clusters(cell) => Some(clusters(cell, split_above(notebook, index), words)),
        Cell::Boundary(_) => Some(comment(&words("spark-boundary"))),
        Cell::Predict(cell) => Some(predict(cell, regression, words)),
    }
}

/// The typed row predicted by the model above, after the cleaning steps fitted on the training
/// rows (the batch file, if any, is said in words).
fn predict(cell: &PredictCell, regression: bool, words: Words) -> String {
    let values: Vec<String> = cell
        .values
        .iter()
        .map(|(column, value)| format!("{}: {}", py_str(&spark_column(column)), py_str(value)))
        .collect();
    format!(
        "{}\npredict_row({{{}}}, predicts_numbers={})",
        comment(&words("spark-predict")),
        values.join(", "),
        if regression { "True" } else { "False" }
    )
}

fn dataset(
    cell: &DatasetCell,
    steps_follow: bool,
    regression: bool,
    files: &dyn DataSource,
    words: Words,
) -> String {
    let read = match query_result_name(&cell.dataset) {
        Some(_) => format!("spark.table({})", py_str(&table_name(&cell.dataset))),
        None => read_call(&cell.dataset, files),
    };
    let mut code = String::new();
    if cell.url.is_some() {
        code += &format!("{}\n", comment(&words("spark-url")));
    }
    code += &format!("raw = {read}\n");
    for (name, to) in &cell.types {
        let name = py_str(&spark_column(name));
        let retyped = match to {
            ValueType::Float => format!("column({name}).cast(\"double\")"),
            ValueType::Integer => format!("F.bround(column({name}).cast(\"double\"))"),
            ValueType::Boolean => format!("as_yes_no({name})"),
            ValueType::Categorical | ValueType::Text => format!("as_text({name})"),
        };
        code += &format!("raw = raw.withColumn({name}, {retyped})\n");
    }
    let target = py_str(&spark_column(&cell.target));
    code += &format!("target = {target}\ntext_columns = free_text(raw, target)\n");
    code += &text_columns_retyped(cell, &spark_column);
    // Without a steps cell to fill them, rows missing a used value are dropped, as Latih does.
    let drop_incomplete = if steps_follow {
        "dropna(subset=[target])"
    } else {
        "dropna()"
    };
    code += &format!("df = raw.drop(*text_columns).{drop_incomplete}\n");
    code += if regression {
        "df = df.withColumn(\"label\", column(target).cast(\"double\"))\n"
    } else {
        "classes, df = class_labels(df, target)\n"
    };
    code += "features = [c for c in df.columns if c not in (target, \"label\")]";
    code
}

/// `read(args.name, …)` with the file's way of writing, as Latih read it.
fn read_call(id: &str, files: &dyn DataSource) -> String {
    let dialect = files.csv(id).map(csv_dialect).unwrap_or_default();
    let mut options = String::new();
    if let Some(delimiter) = dialect.delimiter.filter(|d| *d != ',') {
        options += &format!(", sep={}", py_str(&delimiter.to_string()));
    }
    if let Some(names) = &dialect.headerless {
        options += &format!(", names={}", py_str_list(names));
    }
    if dialect.decimal_comma {
        options += ", decimal_comma=True";
    }
    format!("read(args.{}{options})", argument(id))
}

const EXPLORE: &str = "raw.printSchema()\n\
raw.describe().show()\n\
raw.select([F.count(F.when(column(c).isNull(), 1)).alias(c) for c in raw.columns]).show()\n\
raw.groupBy(target).count().show()";

fn split(cell: &SplitCell, regression: bool, words: Words) -> String {
    let stratified = if cell.stratify && !regression {
        format!(
            "    {}\n",
            comment(&words("spark-split-stratify")).replace('\n', "\n    ")
        )
    } else {
        String::new()
    };
    let test = cell.test_fraction;
    format!(
        "if args.same_split_as_notebook:\n\
         \x20   train, test = notebook_split(df, {test}, stratify={}, seed={seed})\n\
         else:\n\
         {stratified}\
         \x20   train, test = df.randomSplit([{}, {test}], seed={seed})\n\
         train, test = train.cache(), test.cache()\n\
         held_out = test  # the test rows as read, before the cleaning steps\n\
         cleaning = []",
        if cell.stratify && !regression {
            "True"
        } else {
            "False"
        },
        py_float(1.0 - test),
        test = py_float(test),
        seed = cell.seed,
    )
}

/// A SQL cell: the tables it reads as Spark's temporary views, its result one too, for the data
/// set cells below.
fn sql(cell: &SqlCell, notebook: &Notebook, index: usize) -> String {
    let mut code = Vec::new();
    for id in sql_tables(&cell.query, notebook, index) {
        if query_result_name(&id).is_none() {
            code.push(format!(
                "read(args.{}).createOrReplaceTempView({})",
                argument(&id),
                py_str(&table_name(&id))
            ));
        }
    }
    let result = python_variable(&table_name(&cell.result_id()));
    code.push(format!("{result} = spark.sql({})", py_str(&cell.query)));
    code.push(format!(
        "{result}.createOrReplaceTempView({})",
        py_str(&table_name(&cell.result_id()))
    ));
    code.push(format!("{result}.show()"));
    code.join("\n")
}

/// k-means on every row's standardised features for each number of groups of the elbow, the
/// chosen one's sizes, and PCA's shares of variance.
fn clusters(cell: &ClustersCell, split: bool, words: Words) -> String {
    let rows = if split {
        "train.unionByName(test)"
    } else {
        "df"
    };
    let nearest = if cell.dbscan.is_some() {
        format!("{}\n", comment(&words("spark-nearest-dbscan")))
    } else {
        String::new()
    };
    let (seed, k) = (cell.seed, cell.n_clusters);
    format!(
        "rows = {rows}\n\
         X_all = Pipeline(stages=encoded(rows, features, standardize=True)).fit(rows).transform(rows).cache()\n\
         for k in range(2, {ELBOW_CLUSTERS} + 1):\n\
         \x20   kmeans = KMeans(k=k, seed={seed}).fit(X_all)\n\
         \x20   silhouette = ClusteringEvaluator().evaluate(kmeans.transform(X_all))\n\
         \x20   print(\"k\", k, \"inertia\", kmeans.summary.trainingCost, \"silhouette\", silhouette)\n\
         {nearest}groups = KMeans(k={k}, seed={seed}).fit(X_all)\n\
         print(\"cluster_sizes\", groups.summary.clusterSizes)\n\
         size = X_all.first()[\"features\"].size\n\
         pca = PCA(k=size, inputCol=\"features\").fit(X_all)\n\
         print(\"explained_variance_ratio\", pca.explainedVariance.toArray())"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn script(notebook: &str) -> String {
        let notebook = Notebook::from_json(notebook).unwrap();
        let files = HashMap::from([(
            "penguins".to_string(),
            "species,island,bill_length_mm,sex,year\nAdelie,Dream,39.1,male,2007\n".to_string(),
        )]);
        spark_script(&notebook, &|key| key.to_string(), &files)
    }

    #[test]
    fn every_cleaning_step_becomes_a_stage_fitted_on_the_training_rows() {
        let code = script(
            r#"{"version":1,"cells":[
             {"kind":"dataset","dataset":"penguins","target":"species"},
             {"kind":"split","test_fraction":0.3,"stratify":true,"seed":11},
             {"kind":"steps","steps":[{"drop_missing_rows":null},{"drop_duplicates":null},
               {"filter":{"column":"island","op":"not_equal","value":"Torgersen's"}},
               {"filter":{"column":"bill_length_mm","op":"greater","value":"35,5"}},
               {"clip_outliers":{"column":"we`ird"}},{"log":{"column":"bill_length_mm"}},
               {"bin":{"column":"bill_length_mm","bins":5}},{"ordinal":{"column":"island"}},
               {"rename":{"column":"sex","to":"gender"}},{"cast":{"column":"year","to":"category"}},
               {"impute":{"column":"sex","strategy":"most_frequent"}},
               {"impute":{"column":"bill_length_mm","strategy":{"constant":4000.0}}},
               {"scale":{"column":null,"kind":"robust"}},{"one_hot":{"column":"year"}},
               {"drop_columns":{"columns":["island"]}},
               {"log":{"column":"bill.depth"}}]}]}"#,
        );
        for stage in [
            "step(kept(present(features)))",
            "SELECT DISTINCT * FROM __THIS__",
            r#"step(kept(compared("island", "<>", None, "Torgersen's")))"#,
            r#"step(kept(compared("bill_length_mm", ">", 35.5, "35,5")))"#,
            // A backtick in a name is doubled, inside the f-string's braces-free text.
            "CASE WHEN `we``ird` < {low} THEN {low}",
            "log1p(`bill_length_mm`)",
            "Bucketizer(splits=",
            "StringIndexer(inputCol=\"island\", outputCol=\"latih_ordinal\"",
            "WHEN latih_ordinal >= {known} THEN -1.0 ELSE latih_ordinal END",
            "step(replaced(\"sex\", quoted(\"sex\"), to=\"gender\"))",
            "features = [\"gender\" if c == \"sex\" else c for c in features]",
            "regexp_replace(CAST(`year` AS STRING), '\\\\\\\\.0$', '')",
            "value = most_frequent(\"sex\")",
            "Imputer(strategy=\"mode\", inputCols=[\"sex\"]",
            "COALESCE(`bill_length_mm`, 4000.0)",
            "step(scaled(numbers(train, features), RobustScaler(lower=0.25, upper=0.75, withCentering=True)))",
            "CAST(`year` AS STRING)",
            "step(dropped([\"island\"]))\nfeatures = [c for c in features if c not in [\"island\"]]",
            // Dots become underscores, as `read` renames the columns for MLlib.
            "step(replaced(\"bill_depth\", \"log1p(`bill_depth`)\"))",
        ] {
            assert!(code.contains(stage), "{stage}\n{code}");
        }
        // Spark's random split, or the notebook's own rows on each side.
        assert!(code.contains("notebook_split(df, 0.3, stratify=True, seed=11)"));
        assert!(code.contains("df.randomSplit([0.7, 0.3], seed=11)"));
    }

    #[test]
    fn each_model_takes_mllib_s_nearest_settings_and_a_search_the_same_mapping() {
        let code = script(
            r#"{"version":1,"cells":[
             {"kind":"dataset","dataset":"penguins","target":"species"},
             {"kind":"split","test_fraction":0.25,"stratify":true,"seed":1},
             {"kind":"train","model":"logistic_regression","C":2.0,"max_iter":50,"standardize":true},
             {"kind":"tune","method":"grid","iterations":10,"seed":7,
               "spaces":[{"param":"C","text":"0.5, 4"}],"folds":4,"scoring":"f1_macro"},
             {"kind":"train","model":"gradient_boosting","learning_rate":0.2,"max_iter":30,
               "max_leaf_nodes":15,"max_depth":null,"min_samples_leaf":5,"l2_regularization":0.0,
               "early_stopping":false,"seed":3},
             {"kind":"train","model":"k_nearest_neighbors","n_neighbors":5,"weights":"uniform"},
             {"kind":"tune","method":"grid","iterations":10,"seed":7,
               "spaces":[{"param":"n_neighbors","text":"3, 5"}],"folds":3,"scoring":"accuracy"}]}"#,
        );
        // C weighs the summed losses in scikit-learn, regParam the mean one in MLlib.
        assert!(code.contains("LogisticRegression(regParam=1 / (2.0 * rows), maxIter=50"));
        assert!(code.contains("{estimator.regParam: 1 / (0.5 * rows)}"));
        assert!(code.contains("{estimator.regParam: 1 / (4.0 * rows)}"));
        assert!(code.contains("numFolds=4, seed=7"));
        assert!(code.contains("MulticlassClassificationEvaluator(metricName=\"f1\")"));
        // 15 leaves grown level by level: 4 levels; more than two classes, one model per class.
        assert!(code
            .contains("GBTClassifier(stepSize=0.2, maxIter=30, maxDepth=4, minInstancesPerNode=5"));
        assert!(code.contains("for_classes(estimator)"));
        // k-NN: a forest stands in, said at the top and at the cell; its search has nothing to map.
        let top = code.split("# %%").nth(1).unwrap();
        for note in ["spark-nearest-knn", "spark-nearest-boosting"] {
            assert!(top.contains(note), "{top}");
            assert!(code.matches(note).count() >= 2, "{note}");
        }
        assert!(code.contains("# spark-not-searched n_neighbors"));
    }
}
