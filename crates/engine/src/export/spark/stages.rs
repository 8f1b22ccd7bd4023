//! A steps cell as MLlib stages, each fitted on the training rows and applied to both sides by
//! the script's `step` (kept in `cleaning`, a pipeline that cleans new rows the same way). A
//! stage MLlib has is used (Imputer, the scalers, StringIndexer, Bucketizer); the rest are
//! SQLTransformer statements, some with a value learned from the training rows first.

use super::spark_column;
use crate::prep::{filter_number, FilterOp, ImputeStrategy, ScalerKind, Step};
use crate::python::{py_float, py_str, py_str_list};
use crate::table::retype::{ValueType, FALSE_WORDS, TRUE_WORDS};

pub(super) fn steps(steps: &[Step]) -> String {
    let code: Vec<String> = steps.iter().map(step).collect();
    code.join("\n\n")
}

/// A column's name as Spark SQL reads it, whatever characters it holds (the helpers' `quoted`).
fn sql_name(name: &str) -> String {
    format!("`{}`", spark_column(name).replace('`', "``"))
}

/// A column's name as a Python string, as the script's data frames name it.
fn col(name: &str) -> String {
    py_str(&spark_column(name))
}

fn cols(names: &[String]) -> String {
    let names: Vec<String> = names.iter().map(|n| spark_column(n)).collect();
    py_str_list(&names)
}

/// A text value as a SQL string literal.
fn sql_text(value: &str) -> String {
    format!("'{}'", value.replace('\\', "\\\\").replace('\'', "\\'"))
}

/// SQL text as a Python f-string whose `{low}`-like places Python fills: the braces of the
/// names in it are doubled first.
fn f_string(sql: &str) -> String {
    format!("f{}", py_str(sql))
}

fn braces_doubled(text: &str) -> String {
    text.replace('{', "{{").replace('}', "}}")
}

/// `step(replaced(column, "SQL"))`: the column computed anew.
fn replace_with(column: &str, sql: &str) -> String {
    format!("step(replaced({}, {}))", col(column), py_str(sql))
}

fn step(step: &Step) -> String {
    match step {
        Step::DropColumns { columns } => {
            let list = cols(columns);
            format!("step(dropped({list}))\nfeatures = [c for c in features if c not in {list}]")
        }
        Step::Impute { column, strategy } => impute(column, strategy),
        Step::OneHot { column } => format!(
            "# As text, the model's StringIndexer and OneHotEncoder encode it:\n{}",
            replace_with(column, &format!("CAST({} AS STRING)", sql_name(column)))
        ),
        Step::Scale { column, kind } => {
            let scaler = match kind {
                ScalerKind::Standard => "StandardScaler(withMean=True)",
                ScalerKind::MinMax => "MinMaxScaler()",
                ScalerKind::Robust => "RobustScaler(lower=0.25, upper=0.75, withCentering=True)",
            };
            let columns = match column {
                Some(name) => format!("[{}]", col(name)),
                None => "numbers(train, features)".to_string(),
            };
            format!("step(scaled({columns}, {scaler}))")
        }
        Step::DropMissingRows => "step(kept(present(features)))".to_string(),
        Step::Rename { column, to } => {
            let (from, to) = (col(column), col(to.trim()));
            format!(
                "step(replaced({from}, quoted({from}), to={to}))\n\
                 features = [{to} if c == {from} else c for c in features]"
            )
        }
        Step::Cast { column, to } => {
            let c = sql_name(column);
            let yes_no = |words: &[&str]| -> String {
                let words: Vec<String> = words.iter().map(|w| sql_text(w)).collect();
                words.join(", ")
            };
            match to {
                // Text is no feature.
                ValueType::Text => {
                    format!("features = [c for c in features if c != {}]", col(column))
                }
                ValueType::Float => replace_with(column, &format!("CAST({c} AS DOUBLE)")),
                ValueType::Integer => replace_with(column, &format!("bround(CAST({c} AS DOUBLE))")),
                ValueType::Categorical => replace_with(
                    column,
                    &format!("regexp_replace(CAST({c} AS STRING), '\\\\.0$', '')"),
                ),
                ValueType::Boolean => {
                    let value = format!("lower(trim(CAST({c} AS STRING)))");
                    replace_with(
                        column,
                        &format!(
                            "CASE WHEN {value} IN ({}) THEN 'True' WHEN {value} IN ({}) THEN 'False' END",
                            yes_no(&TRUE_WORDS),
                            yes_no(&FALSE_WORDS)
                        ),
                    )
                }
            }
        }
        Step::Filter { column, op, value } => {
            let c = sql_name(column);
            match op.python() {
                None if *op == FilterOp::Missing => {
                    format!("step(kept({}))", py_str(&format!("{c} IS NULL")))
                }
                None => format!("step(kept({}))", py_str(&format!("{c} IS NOT NULL"))),
                Some(op) => format!(
                    "step(kept(compared({}, \"{}\", {}, {})))",
                    col(column),
                    sql_op(op),
                    filter_number(value).map_or("None".to_string(), py_float),
                    py_str(value)
                ),
            }
        }
        Step::DropDuplicates => {
            "step(SQLTransformer(statement=\"SELECT DISTINCT * FROM __THIS__\"))".to_string()
        }
        Step::Ordinal { column } => {
            let name = col(column);
            let c = braces_doubled(&sql_name(column));
            format!(
                "# Categories as numbers in sorted order; an unseen one is -1, a missing one stays missing.\n\
                 step(StringIndexer(inputCol={name}, outputCol=\"latih_ordinal\", stringOrderType=\"alphabetAsc\", handleInvalid=\"keep\"))\n\
                 known = len(cleaning[-1].labels)\n\
                 step(replaced({name}, {}, drop=[\"latih_ordinal\"]))",
                f_string(&format!(
                    "CASE WHEN {c} IS NULL THEN NULL WHEN latih_ordinal >= {{known}} THEN -1.0 ELSE latih_ordinal END"
                ))
            )
        }
        Step::ClipOutliers { column } => {
            let name = col(column);
            let c = braces_doubled(&sql_name(column));
            format!(
                "q1, q3 = quartiles({name})\n\
                 low, high = q1 - 1.5 * (q3 - q1), q3 + 1.5 * (q3 - q1)\n\
                 step(replaced({name}, {}))",
                f_string(&format!(
                    "CASE WHEN {c} < {{low}} THEN {{low}} WHEN {c} > {{high}} THEN {{high}} ELSE {c} END"
                ))
            )
        }
        Step::Log { column } => replace_with(column, &format!("log1p({})", sql_name(column))),
        Step::Bin { column, bins } => {
            let name = col(column);
            format!(
                "# {bins} bins of equal width over the training rows; values beyond them fall in the end bins.\n\
                 low, high = train.select(F.min(column({name})), F.max(column({name}))).first()\n\
                 width = (high - low) / {bins}\n\
                 edges = [low + i * width for i in range(1, {bins})] if high > low else []\n\
                 step(Bucketizer(splits=[-float(\"inf\"), *edges, float(\"inf\")], inputCol={name}, outputCol=\"latih_bin\", handleInvalid=\"keep\"))\n\
                 step(replaced({name}, \"latih_bin\", drop=[\"latih_bin\"]))"
            )
        }
    }
}

fn impute(column: &str, strategy: &ImputeStrategy) -> String {
    let name = col(column);
    let spark_strategy = match strategy {
        ImputeStrategy::Mean => "mean",
        ImputeStrategy::Median => "median",
        ImputeStrategy::MostFrequent => "mode",
        ImputeStrategy::Constant(value) => {
            return replace_with(
                column,
                &format!("COALESCE({}, {})", sql_name(column), py_float(*value)),
            )
        }
    };
    let categories = if *strategy == ImputeStrategy::MostFrequent {
        // MLlib's Imputer takes numbers only: categories get their most frequent value by SQL.
        let c = braces_doubled(&sql_name(column));
        format!(
            "if {name} not in numbers(train, [{name}]):\n\
             \x20   value = most_frequent({name}).replace(\"\\\\\", \"\\\\\\\\\").replace(\"'\", \"\\\\'\")\n\
             \x20   step(replaced({name}, {}))\n\
             else:\n    ",
            f_string(&format!("COALESCE({c}, '{{value}}')"))
        )
    } else {
        String::new()
    };
    format!(
        "{categories}step(Imputer(strategy=\"{spark_strategy}\", inputCols=[{name}], outputCols=[{name}]))"
    )
}

fn sql_op(op: &str) -> &str {
    match op {
        "==" => "=",
        "!=" => "<>",
        other => other,
    }
}
