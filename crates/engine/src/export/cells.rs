//! One cell's pandas / scikit-learn code. Cells share the variables a learner would write by
//! hand: `raw` (the file as read), `df`, `X`, `y`, `X_train`, `X_test`, `y_train`, `y_test` and
//! `model` (a scikit-learn `Pipeline` whose last step is named "model").

use super::Words;
use crate::datasets::{query_result_name, table_name, user_file_name};
use crate::models::declare::{Kind, Param as Declared, Role, Task, Value};
use crate::models::{DbscanParams, ModelSpec};
use crate::notebook::{
    tables_for, BoundaryCell, Cell, ClustersCell, DataSource, DatasetCell, Notebook, PredictCell,
    SplitCell, SqlCell, StepsCell, TuneCell, ELBOW_CLUSTERS, SILHOUETTE_ROWS,
};
use crate::python::{py_float, py_retyped, py_str, py_str_list};
use crate::table::retype::ValueType;
use crate::table::{csv_dialect, CsvDialect, MAX_CATEGORY_LEVELS, MISSING_MARKERS};
use crate::tune::{candidates, Candidate, Param, Scoring, SearchMethod};

/// The code of the cell at `index`, or `None` for a note, or for a cell whose settings cannot
/// be written as code (a tune cell without a model above it, or with a space that does not parse:
/// the cell itself shows that error).
pub fn cell_python(
    notebook: &Notebook,
    index: usize,
    words: Words,
    files: &dyn DataSource,
) -> Option<String> {
    match notebook.cells.get(index)? {
        Cell::Dataset(cell) => {
            let dialect = files
                .csv(&cell.dataset)
                .map(csv_dialect)
                .unwrap_or_default();
            let source = data_source(&cell.dataset, files, words);
            Some(dataset(
                cell,
                source,
                notebook.steps_follow(index),
                words,
                &dialect,
            ))
        }
        Cell::Explore(_) => Some(EXPLORE.to_string()),
        Cell::Split(cell) => Some(split(cell, regression_above(notebook, index, files))),
        Cell::Steps(cell) => Some(steps(cell)),
        Cell::Train(cell) => Some(train(&cell.model, regression_above(notebook, index, files))),
        Cell::Evaluate(_) => Some(if regression_above(notebook, index, files) {
            EVALUATE_REGRESSION.to_string()
        } else {
            EVALUATE.to_string()
        }),
        Cell::Tune(cell) => tune(
            cell,
            notebook.model_above(index)?.1,
            regression_above(notebook, index, files),
        ),
        Cell::Note(_) => None,
        Cell::Sql(cell) => Some(sql(cell, notebook, index, words, files)),
        Cell::Boundary(cell) => notebook
            .model_above(index)
            .map(|(_, model)| boundary(cell, model)),
        Cell::Clusters(cell) => Some(clusters(
            cell,
            split_above(notebook, index),
            regression_above(notebook, index, files),
        )),
        Cell::Predict(cell) => Some(predict(
            cell,
            steps_before_model(notebook, index),
            regression_above(notebook, index, files),
            words,
        )),
    }
}

/// The model above on the first test row, with the values the learner typed in its place. The
/// steps above change `X_train` and `X_test` in place, with nothing kept to change a new row the
/// same way: after them, the cell says so rather than predict from values that skipped them.
fn predict(cell: &PredictCell, after_steps: bool, regression: bool, words: Words) -> String {
    if after_steps {
        return format!("# {}", words("export-predict-after-steps"));
    }
    let mut code = String::from("row = X_test.iloc[[0]].copy()\n");
    for (column, value) in &cell.values {
        let value = match value.trim() {
            "" => "np.nan".to_string(),
            typed => typed
                .replace(',', ".")
                .parse::<f64>()
                .ok()
                .filter(|x| x.is_finite())
                .map_or_else(|| py_str(typed), py_float),
        };
        code += &format!("row[{}] = {value}\n", py_str(column));
    }
    code += "print(\"prediction\", model.predict(row)[0])";
    if !regression {
        code +=
            "\nprint(\"probabilities\", dict(zip(model.classes_, model.predict_proba(row)[0])))";
    }
    // A file of rows: each predicted, written out with its predictions as Latih's download.
    if let Some(id) = &cell.batch {
        let (file, _) = data_file(id, words);
        let json = file.to_ascii_lowercase().ends_with(".json");
        let read = read_file(&py_str(&file), json, false, &CsvDialect::default());
        code += &format!(
            "\nnew_rows = {read}\n\
             predictions = new_rows.copy()\n\
             predictions[\"prediction\"] = model.predict(new_rows[X_train.columns])"
        );
        if !regression {
            code += "\nfor i, name in enumerate(model.classes_):\n\
                     \x20   predictions[f\"probability_{name}\"] = model.predict_proba(new_rows[X_train.columns])[:, i]";
        }
        code += "\npredictions.to_csv(\"predictions.csv\", index=False)\n\
                 print(\"batch_rows\", len(predictions))";
    }
    code
}

/// Whether a steps cell sits between the data set cell and the model above cell `index`.
fn steps_before_model(notebook: &Notebook, index: usize) -> bool {
    let trained_at = notebook.model_above(index).map_or(index, |(at, _)| at);
    notebook.cells[..trained_at]
        .iter()
        .rev()
        .take_while(|c| !matches!(c, Cell::Dataset(_)))
        .any(|c| matches!(c, Cell::Steps(_)))
}

/// The model above fitted again on two encoded features of the training rows, its accuracy
/// there, and (where matplotlib is installed) scikit-learn's `DecisionBoundaryDisplay`. Unchosen
/// features are the two the model leans on most, as in Latih, or the first two.
fn boundary(cell: &BoundaryCell, model: &ModelSpec) -> String {
    let (estimator, standardize) = estimator(model, false);
    let scale = if standardize {
        "(\"scale\", StandardScaler()), "
    } else {
        ""
    };
    let chosen = |name: &Option<String>| name.as_deref().map_or("None".to_string(), py_str);
    format!(
        "encode = make_column_transformer(\n\
         \x20   (OneHotEncoder(handle_unknown=\"ignore\", sparse_output=False),\n\
         \x20    make_column_selector(dtype_exclude=\"number\")),\n\
         \x20   remainder=\"passthrough\", verbose_feature_names_out=False).set_output(transform=\"pandas\")\n\
         encoded = encode.fit_transform(X_train)\n\
         ranked = list(encoded.columns)\n\
         if hasattr(model[-1], \"feature_importances_\"):\n\
         \x20   importances = dict(zip(model[:-1].get_feature_names_out(), model[-1].feature_importances_))\n\
         \x20   ranked.sort(key=lambda name: -importances.get(name, importances.get(\"remainder__\" + name, 0)))\n\
         x_feature = {x} or ranked[0]\n\
         y_feature = {y} or next(name for name in ranked if name != x_feature)\n\
         plane = encoded[[x_feature, y_feature]]\n\
         boundary_model = Pipeline([{scale}(\"model\", {estimator})])\n\
         boundary_model.fit(plane, y_train)\n\
         print(\"boundary\", x_feature, y_feature, \"train_accuracy\", boundary_model.score(plane, y_train))\n\
         try:  # drawing needs matplotlib\n\
         \x20   from sklearn.inspection import DecisionBoundaryDisplay\n\
         \x20   display = DecisionBoundaryDisplay.from_estimator(boundary_model, plane, response_method=\"predict\", alpha=0.35)\n\
         \x20   display.ax_.scatter(plane[x_feature], plane[y_feature], c=pd.factorize(y_train, sort=True)[0], edgecolor=\"k\")\n\
         except ImportError:\n\
         \x20   pass",
        x = chosen(&cell.x),
        y = chosen(&cell.y),
    )
}

/// Whether a split cell comes above `index` (after its data set cell): then the rows are in
/// `X_train` and `X_test`, changed by the steps.
pub(super) fn split_above(notebook: &Notebook, index: usize) -> bool {
    notebook.cells[..index]
        .iter()
        .rev()
        .take_while(|c| !matches!(c, Cell::Dataset(_)))
        .any(|c| matches!(c, Cell::Split(_)))
}

/// k-means on every row's standardised features for each number of clusters of the elbow, the
/// chosen one against the classes, and PCA's variance, as the clusters cell computes them.
fn clusters(cell: &ClustersCell, split: bool, regression: bool) -> String {
    let (rows, target) = if split {
        (
            "pd.concat([X_train, X_test]).sort_index()",
            "pd.concat([y_train, y_test]).sort_index()",
        )
    } else {
        ("X", "y")
    };
    let seed = cell.seed;
    let chosen = chosen_clusters(cell);
    let rand = if regression {
        String::new()
    } else {
        format!("\nprint(\"adjusted_rand\", adjusted_rand_score({target}, clusters))")
    };
    format!(
        "features = make_pipeline(\n\
         \x20   make_column_transformer(\n\
         \x20       (OneHotEncoder(handle_unknown=\"ignore\", sparse_output=False),\n\
         \x20        make_column_selector(dtype_exclude=\"number\")),\n\
         \x20       remainder=\"passthrough\"),\n\
         \x20   StandardScaler())\n\
         X_all = features.fit_transform({rows})\n\
         sample = {SILHOUETTE_ROWS} if len(X_all) > {SILHOUETTE_ROWS} else None\n\
         for k in range(1, min({ELBOW_CLUSTERS}, len(X_all) - 1) + 1):\n\
         \x20   kmeans = KMeans(n_clusters=k, random_state={seed}).fit(X_all)\n\
         \x20   silhouette = (silhouette_score(X_all, kmeans.labels_, sample_size=sample, random_state={seed})\n\
         \x20                 if k > 1 else None)\n\
         \x20   print(\"k\", k, \"inertia\", kmeans.inertia_, \"silhouette\", silhouette)\n\
         {chosen}{rand}\n\
         pca = PCA().fit(X_all)\n\
         print(\"explained_variance_ratio\", pca.explained_variance_ratio_)"
    )
}

/// The cell's chosen groups: k-means', or DBSCAN's with its noise (−1) counted apart and left
/// out of the silhouette.
fn chosen_clusters(cell: &ClustersCell) -> String {
    let (seed, k) = (cell.seed, cell.n_clusters);
    match &cell.dbscan {
        None => format!(
            "clusters = KMeans(n_clusters={k}, random_state={seed}).fit_predict(X_all)\n\
             print(\"cluster_sizes\", np.bincount(clusters))"
        ),
        Some(DbscanParams { eps, min_samples }) => format!(
            "clusters = DBSCAN(eps={eps}, min_samples={min_samples}).fit_predict(X_all)\n\
             clustered = clusters >= 0\n\
             print(\"clusters\", clusters.max() + 1, \"noise\", (~clustered).sum())\n\
             print(\"cluster_sizes\", np.bincount(clusters[clustered]))\n\
             if len(set(clusters[clustered])) > 1:\n\
             \x20   print(\"silhouette\", silhouette_score(X_all[clustered], clusters[clustered]))"
        ),
    }
}

/// Whether the cell at `index` learns to predict numbers: the target of the data set cell above
/// it is a regression target.
pub(super) fn regression_above(notebook: &Notebook, index: usize, files: &dyn DataSource) -> bool {
    notebook.cells[..index]
        .iter()
        .rev()
        .find_map(|c| match c {
            Cell::Dataset(d) => Some(files.predicts_numbers(d)),
            _ => None,
        })
        .unwrap_or(false)
}

/// The file name the script reads, and what the reader is told about it.
pub(super) fn data_file(dataset: &str, words: Words) -> (String, String) {
    if query_result_name(dataset).is_some() {
        return (query_file(dataset), words("export-query-file"));
    }
    match user_file_name(dataset) {
        Some(file) => (file.to_string(), words("export-own-file")),
        None => {
            let file = format!("{dataset}.csv");
            let about = format!("{} /data/{file}", words("export-data-file"));
            (file, about)
        }
    }
}

/// Where the exported code reads data set `id` from, as a Python expression: its file name,
/// or for a shipped data set on a known site, the file beside the code if it is there, else
/// the site's copy (a downloaded notebook then runs as it is, with or without the file).
fn data_source(id: &str, files: &dyn DataSource, words: Words) -> String {
    let (file, _) = data_file(id, words);
    let shipped = crate::datasets::DATASETS.iter().any(|d| d.id == id);
    let file = match query_result_name(id) {
        Some(_) => file,
        None => format!("{}{file}", files.data_folder()),
    };
    match files.site() {
        Some(site) if shipped => format!(
            "({name} if os.path.exists({name}) else {url})",
            name = py_str(&file),
            url = py_str(&format!(
                "{}{}",
                site.trim_end_matches('/'),
                crate::datasets::dataset_path(id)
            ))
        ),
        _ => py_str(&file),
    }
}

fn dataset(
    cell: &DatasetCell,
    source: String,
    steps_follow: bool,
    words: Words,
    dialect: &CsvDialect,
) -> String {
    let (file, about) = data_file(&cell.dataset, words);
    // Without a steps cell to fill them, rows missing a used value are dropped, as Latih does.
    let drop_incomplete = if steps_follow {
        "dropna(subset=[target])"
    } else {
        "dropna()"
    };
    // Data fetched from a URL is read from it, as the notebook fetched it.
    let (source, about) = match &cell.url {
        Some(url) => (py_str(url), words("export-url-file")),
        None => (source, about),
    };
    let json = file.to_ascii_lowercase().ends_with(".json");
    let read = format!(
        "raw = {}",
        read_file(&source, json, cell.skip_bad_rows, dialect)
    );
    let (retyped, text_columns) = retyped_columns(cell, words);
    format!(
        "# {about}\n\
         {read}\n\
         {retyped}\
         target = {target}\n\
         # Free text (names, ids: many values, mostly different) is not a feature.\n\
         text_columns = [\n\
         \x20   c for c in raw.select_dtypes(exclude=\"number\").columns\n\
         \x20   if c != target and raw[c].nunique() > {MAX_CATEGORY_LEVELS} and 2 * raw[c].nunique() > len(raw)\n\
         ]\n\
         {text_columns}\
         df = raw.drop(columns=text_columns).{drop_incomplete}\n\
         X, y = df.drop(columns=[target]), df[target]",
        target = py_str(&cell.target),
    )
}

/// The columns the learner gave another kind, read so (each line ends in a newline), and how
/// that changes which columns are text, not features.
fn retyped_columns(cell: &DatasetCell, words: Words) -> (String, String) {
    if cell.types.is_empty() {
        return Default::default();
    }
    let mut code = format!("# {}\n", words("export-types"));
    for (name, to) in &cell.types {
        let column = format!("raw[{}]", py_str(name));
        code += &format!("{column} = {}\n", py_retyped(&column, *to));
    }
    (code, text_columns_retyped(cell, &|name| name.to_string()))
}

/// How the learner's kinds change which columns are free text, not features (each line ends in
/// a newline): the columns read as text join `text_columns`, those read otherwise leave it;
/// `named` gives a column's name in the code.
pub(super) fn text_columns_retyped(cell: &DatasetCell, named: &dyn Fn(&str) -> String) -> String {
    let chosen = |text: bool| -> Vec<String> {
        let chosen = cell
            .types
            .iter()
            .filter(|(name, to)| *name != cell.target && (*to == ValueType::Text) == text);
        chosen.map(|(name, _)| named(name)).collect()
    };
    let (text, not_text) = (chosen(true), chosen(false));
    let mut code = String::new();
    if !not_text.is_empty() {
        code += &format!(
            "text_columns = [c for c in text_columns if c not in {}]\n",
            py_str_list(&not_text)
        );
    }
    if !text.is_empty() {
        code += &format!(
            "text_columns += [c for c in {} if c not in text_columns]\n",
            py_str_list(&text)
        );
    }
    code
}

/// The pandas call that reads `source` (a Python expression: the file's name or address) as
/// Latih reads it.
fn read_file(source: &str, json: bool, skip_bad_rows: bool, dialect: &CsvDialect) -> String {
    let markers: Vec<String> = MISSING_MARKERS.iter().map(|m| m.to_string()).collect();
    // JSON goes by its name (the app names pasted JSON "pasted.json"); in JSON only null is
    // missing, as Latih reads it too.
    if json {
        format!("pd.read_json({source})")
    } else {
        // pandas skips the rows with too many fields; those with too few it fills with NaN.
        let mut options = String::new();
        if skip_bad_rows {
            options += ",\n                  on_bad_lines=\"skip\"";
        }
        if dialect.decimal_comma {
            options += ",\n                  decimal=\",\", thousands=\".\"";
        }
        if let Some(names) = &dialect.headerless {
            options += &format!(
                ",\n                  header=None, names={}",
                py_str_list(names)
            );
        }
        format!(
            "pd.read_csv({source}, sep={sep}, engine=\"python\",\n\
             \x20                 na_values={markers}, keep_default_na=False{options})",
            sep = dialect
                .delimiter
                .map_or_else(|| "None".to_string(), |d| py_str(&d.to_string())),
            markers = py_str_list(&markers),
        )
    }
}

/// The names the exported code gives its own values, and Python's keywords: a query result named
/// like one of them gets another variable.
const TAKEN_NAMES: &[&str] = &[
    "os",
    "pd",
    "np",
    "sqlite3",
    "tables",
    "raw",
    "df",
    "target",
    "text_columns",
    "X",
    "y",
    "X_train",
    "X_test",
    "y_train",
    "y_test",
    "model",
    "y_pred",
    "proba",
    "search",
    "imputer",
    "scaler",
    "encoder",
    "binner",
    "False",
    "None",
    "True",
    "and",
    "as",
    "assert",
    "async",
    "await",
    "break",
    "class",
    "continue",
    "def",
    "del",
    "elif",
    "else",
    "except",
    "finally",
    "for",
    "from",
    "global",
    "if",
    "import",
    "in",
    "is",
    "lambda",
    "nonlocal",
    "not",
    "or",
    "pass",
    "raise",
    "return",
    "try",
    "while",
    "with",
    "yield",
    "print",
];

/// The Python variable holding a query's result: its table name, unless that is taken.
pub(super) fn python_variable(table: &str) -> String {
    if TAKEN_NAMES.contains(&table) {
        format!("{table}_result")
    } else {
        table.to_string()
    }
}

/// The file a query's result is written to, for the data set cells that read it.
fn query_file(dataset: &str) -> String {
    format!("{}.csv", table_name(dataset))
}

/// The data sets `query` (of the cell at `index`) reads: the results of the SQL cells above it,
/// and the notebook's files.
pub(super) fn sql_tables(query: &str, notebook: &Notebook, index: usize) -> Vec<String> {
    let available: Vec<String> = notebook.cells[..index]
        .iter()
        .filter_map(|c| match c {
            Cell::Sql(above) => Some(above.result_id()),
            _ => None,
        })
        .chain(notebook.cells.iter().filter_map(|c| match c {
            Cell::Dataset(d) if query_result_name(&d.dataset).is_none() => Some(d.dataset.clone()),
            _ => None,
        }))
        .collect();
    tables_for(query, available.iter().map(String::as_str))
}

/// A SQL cell in Python: sqlite3 (in Python's standard library) over the same tables, its result
/// written to a file that the data set cells below read as Latih's data set cells read it.
fn sql(
    cell: &SqlCell,
    notebook: &Notebook,
    index: usize,
    words: Words,
    files: &dyn DataSource,
) -> String {
    let tables = sql_tables(&cell.query, notebook, index);
    let mut code = vec![
        format!("# {}", words("export-sql")),
        "tables = sqlite3.connect(\":memory:\")".to_string(),
    ];
    for id in &tables {
        let frame = if query_result_name(id).is_some() {
            python_variable(&table_name(id))
        } else {
            let (file, _) = data_file(id, words);
            let dialect = files.csv(id).map(csv_dialect).unwrap_or_default();
            let json = file.to_ascii_lowercase().ends_with(".json");
            read_file(&data_source(id, files, words), json, false, &dialect)
        };
        code.push(format!(
            "{frame}.to_sql({}, tables, index=False)",
            py_str(&table_name(id))
        ));
    }
    let result = python_variable(&table_name(&cell.result_id()));
    code.push(format!(
        "{result} = pd.read_sql_query({}, tables)",
        py_str(&cell.query)
    ));
    code.push(format!(
        "{result}.to_csv({}, index=False)",
        py_str(&query_file(&cell.result_id()))
    ));
    code.push(format!("print({result})"));
    code.join("\n")
}

const EXPLORE: &str = "print(raw.shape)\n\
print(raw.describe())\n\
print(raw.isna().sum())\n\
print(raw[target].value_counts())";

/// Numbers to predict are not stratified (they have no classes), as in Latih.
fn split(cell: &SplitCell, regression: bool) -> String {
    let stratify = if cell.stratify && !regression {
        "y"
    } else {
        "None"
    };
    format!(
        "X_train, X_test, y_train, y_test = train_test_split(\n\
         \x20   X, y, test_size={}, stratify={stratify}, random_state={})",
        py_float(cell.test_fraction),
        cell.seed
    )
}

fn steps(cell: &StepsCell) -> String {
    let mut code = vec!["X_train, X_test = X_train.copy(), X_test.copy()".to_string()];
    code.extend(cell.steps.iter().map(|step| step.python()));
    code.join("\n\n")
}

/// The model in a pipeline that one-hot encodes the categorical columns (categories learned from
/// the training rows, unseen ones all zeros) and passes numbers through, as Latih's features do.
fn train(model: &ModelSpec, regression: bool) -> String {
    let (estimator, standardize) = estimator(model, regression);
    let scale = if standardize {
        "    (\"scale\", StandardScaler()),\n"
    } else {
        ""
    };
    format!(
        "model = Pipeline([\n\
         \x20   (\"features\", make_column_transformer(\n\
         \x20       (OneHotEncoder(handle_unknown=\"ignore\", sparse_output=False),\n\
         \x20        make_column_selector(dtype_exclude=\"number\")),\n\
         \x20       remainder=\"passthrough\")),\n\
         {scale}\
         \x20   (\"model\", {estimator}),\n\
         ])\n\
         model.fit(X_train, y_train)"
    )
}

/// The scikit-learn estimator with the same parameters, and whether it is standardised first:
/// the model's declared estimator for the task (trees, forests and k-nearest neighbours are
/// regressors when the target is a number), with every declared argument in use.
fn estimator(model: &ModelSpec, regression: bool) -> (String, bool) {
    let kind = model.kind();
    let task = if regression {
        kind.regressor.or(kind.classifier)
    } else {
        kind.classifier.or(kind.regressor)
    };
    let mut class = task.unwrap_or_default().to_string();
    let mut arguments = Vec::new();
    let mut standardize = false;
    let in_use = kind
        .params
        .iter()
        .filter(|p| model.applies(p) && (regression || p.task != Task::Numbers));
    for param in in_use {
        let Some(value) = model.get(param.name) else {
            continue;
        };
        match param.role {
            Role::Argument => arguments.push(format!(
                "{}={}",
                param.argument(),
                python_value(param, &value)
            )),
            Role::Estimator => class = python_value(param, &value),
            Role::Scaler => standardize = value == Value::Flag(true),
        }
    }
    arguments.extend(kind.fixed.iter().map(|a| a.to_string()));
    (call(&class, &arguments), standardize)
}

/// `Class(a=1, b=2)`, its arguments wrapped onto indented lines where the line grows long.
fn call(class: &str, arguments: &[String]) -> String {
    const WIDTH: usize = 80;
    let mut text = format!("{class}(");
    let mut line = text.len();
    for (i, argument) in arguments.iter().enumerate() {
        if i > 0 {
            if line + argument.len() + 2 > WIDTH {
                text.push_str(",\n        ");
                line = 8;
            } else {
                text.push_str(", ");
                line += 2;
            }
        }
        text.push_str(argument);
        line += argument.len();
    }
    text.push(')');
    text
}

/// How Python writes `value` of `param`.
fn python_value(param: &Declared, value: &Value) -> String {
    match (value, param.kind) {
        (Value::Whole(n), _) => n.to_string(),
        (Value::Decimal(x), _) => py_float(*x),
        (Value::Empty, Kind::OptionalWhole { none, .. } | Kind::OptionalDecimal { none, .. }) => {
            none.to_string()
        }
        (Value::Empty, _) => "None".to_string(),
        (Value::Choice(v), Kind::Choice(choices)) => choices
            .iter()
            .find(|c| c.value == *v)
            .map_or_else(|| py_str(v), |c| c.python.to_string()),
        (Value::Choice(v), _) => py_str(v),
        (Value::Flag(on), _) => if *on { "True" } else { "False" }.to_string(),
        (Value::List(sizes), _) => {
            let sizes: Vec<String> = sizes.iter().map(u32::to_string).collect();
            format!("({},)", sizes.join(", "))
        }
    }
}

const EVALUATE: &str = "y_pred = model.predict(X_test)\n\
if hasattr(model, \"predict_proba\"):\n\
\x20   proba = model.predict_proba(X_test)\n\
else:  # SVC: decision scores, squashed into shares per row as Latih does\n\
\x20   scores = model.decision_function(X_test)\n\
\x20   if scores.ndim == 1:\n\
\x20       scores = np.column_stack([np.zeros_like(scores), scores])\n\
\x20   proba = np.exp(scores - scores.max(axis=1, keepdims=True))\n\
\x20   proba /= proba.sum(axis=1, keepdims=True)\n\
print(\"accuracy\", accuracy_score(y_test, y_pred))\n\
print(\"balanced_accuracy\", balanced_accuracy_score(y_test, y_pred))\n\
print(classification_report(y_test, y_pred, zero_division=0))\n\
print(confusion_matrix(y_test, y_pred, labels=model.classes_))\n\
if len(model.classes_) == 2:\n\
\x20   print(\"roc_auc\", roc_auc_score(y_test, proba[:, 1]))\n\
else:\n\
\x20   print(\"roc_auc\", roc_auc_score(y_test, proba, multi_class=\"ovr\", labels=model.classes_))";

const EVALUATE_REGRESSION: &str = "y_pred = model.predict(X_test)\n\
print(\"r2\", r2_score(y_test, y_pred))\n\
print(\"mean_absolute_error\", mean_absolute_error(y_test, y_pred))\n\
print(\"mean_squared_error\", mean_squared_error(y_test, y_pred))\n\
print(\"root_mean_squared_error\", root_mean_squared_error(y_test, y_pred))\n\
print(\"mean_absolute_percentage_error\", mean_absolute_percentage_error(y_test, y_pred))\n\
print(\"median_absolute_error\", median_absolute_error(y_test, y_pred))\n\
print(\"explained_variance\", explained_variance_score(y_test, y_pred))";

/// The same search: a grid as a grid; a random search as the very candidates Latih drew, each a
/// grid of one point, so that both try the same models.
fn tune(cell: &TuneCell, model: &ModelSpec, regression: bool) -> Option<String> {
    let tried = candidates(model, &cell.spaces, cell.search()).ok()?;
    // SVC has no predict_proba, which "roc_auc_ovr" needs: its scores are squashed as Latih
    // squashes them (two classes need no shares: "roc_auc" reads decision scores).
    let (scorer, ovr) = match model {
        ModelSpec::SupportVectorMachine(_) => (SVC_ROC_AUC_OVR, "svc_roc_auc_ovr"),
        _ => ("", "\"roc_auc_ovr\""),
    };
    let scoring = match cell.scoring.suited(regression) {
        Scoring::RocAuc => format!("\"roc_auc\" if y.nunique() == 2 else {ovr}"),
        other => format!("\"{}\"", other.sklearn_name(2)),
    };
    let grid = match cell.method {
        SearchMethod::Grid => grid_of(&tried),
        SearchMethod::Random => {
            let points: Vec<String> = tried
                .iter()
                .map(|c| grid_of(std::slice::from_ref(c)))
                .collect();
            format!("[\n    {},\n]", points.join(",\n    "))
        }
    };
    Some(format!(
        "{scorer}search = GridSearchCV(model, {grid}, cv={}, scoring={scoring})\n\
         search.fit(X_train, y_train)\n\
         print(\"best_params\", search.best_params_)\n\
         print(\"best_score\", search.best_score_)",
        cell.folds
    ))
}

/// A one-vs-rest ROC-AUC scorer for SVC, whose decision scores become shares per row as in
/// Latih's evaluation.
const SVC_ROC_AUC_OVR: &str = "def svc_roc_auc_ovr(estimator, X, y):\n\
\x20   scores = estimator.decision_function(X)\n\
\x20   shares = np.exp(scores - scores.max(axis=1, keepdims=True))\n\
\x20   shares /= shares.sum(axis=1, keepdims=True)\n\
\x20   return roc_auc_score(y, shares, multi_class=\"ovr\", labels=estimator.classes_)\n\
\n\
\n";

/// `{"model__max_depth": [2, 4], …}`: each parameter's values in the order first tried.
fn grid_of(tried: &[Candidate]) -> String {
    let mut axes: Vec<(Param, Vec<String>)> = Vec::new();
    for candidate in tried {
        for &(param, value) in &candidate.values {
            let value = if param.is_integer() {
                format!("{}", value as i64)
            } else {
                py_float(value)
            };
            match axes.iter_mut().find(|(p, _)| *p == param) {
                Some((_, values)) if values.contains(&value) => {}
                Some((_, values)) => values.push(value),
                None => axes.push((param, vec![value])),
            }
        }
    }
    let entries: Vec<String> = axes
        .iter()
        .map(|(param, values)| format!("\"model__{}\": [{}]", param.name(), values.join(", ")))
        .collect();
    format!("{{{}}}", entries.join(", "))
}
