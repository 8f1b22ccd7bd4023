import argparse
import math

from pyspark.ml import Estimator, Pipeline, PipelineModel, Transformer
from pyspark.ml.classification import (DecisionTreeClassifier, GBTClassifier, LinearSVC,
                                       LogisticRegression, MultilayerPerceptronClassifier,
                                       NaiveBayes, OneVsRest, RandomForestClassifier)
from pyspark.ml.clustering import KMeans
from pyspark.ml.evaluation import (BinaryClassificationEvaluator, ClusteringEvaluator,
                                   MulticlassClassificationEvaluator, RegressionEvaluator)
from pyspark.ml.feature import (PCA, Binarizer, Bucketizer, Imputer, MinMaxScaler, OneHotEncoder,
                                RobustScaler, SQLTransformer, StandardScaler, StringIndexer,
                                StringIndexerModel, VectorAssembler)
from pyspark.ml.functions import vector_to_array
from pyspark.ml.param import Param, Params, TypeConverters
from pyspark.ml.param.shared import HasInputCol, HasOutputCols
from pyspark.ml.regression import (DecisionTreeRegressor, GBTRegressor, LinearRegression,
                                   RandomForestRegressor)
from pyspark.ml.tuning import CrossValidator, ParamGridBuilder
from pyspark.ml.util import DefaultParamsReadable, DefaultParamsWritable
from pyspark.sql import SparkSession
from pyspark.sql import functions as F


def quoted(name):
    """A column's name as Spark SQL reads it, whatever characters it holds."""
    return "`" + name.replace("`", "``") + "`"


def column(name):
    return F.col(quoted(name))


def read(path, sep=",", names=None, decimal_comma=False):
    """The file as Latih reads it, with dots in column names as underscores (MLlib's stages
    would read `a.b` as field b of a structure a)."""
    frame = read_as_latih(path, sep, names, decimal_comma)
    return frame.toDF(*[c.replace(".", "_") for c in frame.columns])


def read_as_latih(path, sep, names, decimal_comma):
    """Parquet and JSON as they are; a CSV file's missing markers as missing, and a column whose
    every value is a number as numbers."""
    lower = path.lower()
    if lower.endswith(".parquet") or lower.endswith(".json"):
        if lower.endswith(".parquet"):
            frame = spark.read.parquet(path)
        else:
            frame = spark.read.json(path)  # a record a line, as Spark writes JSON
            if "_corrupt_record" in frame.columns:  # one array of records, as Latih reads it
                frame = spark.read.json(path, multiLine=True)
        # Yes/no and dates are categories to the model, as in Latih.
        kinds = dict(frame.dtypes)
        return frame.select([column(c).cast("string").alias(c) if kinds[c] in ("boolean", "date", "timestamp")
                             else column(c) for c in frame.columns])
    frame = spark.read.csv(path, sep=sep, header=names is None, quote='"', escape='"')
    if names is not None:
        frame = frame.toDF(*names)
    frame = frame.select([F.when(F.trim(column(c)).isin(MISSING), None)
                          .otherwise(F.trim(column(c))).alias(c) for c in frame.columns])

    def number(name):
        value = column(name)
        if decimal_comma:
            value = F.regexp_replace(F.regexp_replace(value, r"\.", ""), ",", ".")
        return value.cast("double")

    # One pass counts each column's values and those that read as numbers.
    counts = frame.select([F.count(column(c)).alias(f"values {i}") for i, c in enumerate(frame.columns)]
                          + [F.count(number(c)).alias(f"numbers {i}") for i, c in enumerate(frame.columns)]
                          ).first()
    return frame.select([number(c).alias(c) if counts[f"values {i}"] == counts[f"numbers {i}"]
                         else column(c) for i, c in enumerate(frame.columns)])


def as_text(name):
    """A column as categories, a whole number written as Latih writes it (3, not 3.0)."""
    return F.regexp_replace(column(name).cast("string"), r"\.0$", "")


def as_yes_no(name):
    value = F.lower(F.trim(column(name).cast("string")))
    return F.when(value.isin(TRUE_WORDS), "True").when(value.isin(FALSE_WORDS), "False")


def free_text(frame, target):
    """Free text (names, ids: many values, mostly different) is not a feature."""
    kinds = dict(frame.dtypes)
    texts = [c for c in frame.columns if kinds[c] == "string" and c != target]
    if not texts:
        return []
    rows = frame.count()
    distinct = frame.select([F.countDistinct(column(c)).alias(c) for c in texts]).first()
    return [c for c in texts if distinct[c] > MAX_CATEGORY_LEVELS and 2 * distinct[c] > rows]


def numbers(frame, columns):
    """The columns of `columns` that hold numbers."""
    kinds = dict(frame.dtypes)
    return [c for c in columns
            if kinds[c] in ("double", "float", "int", "bigint", "smallint", "tinyint") or kinds[c].startswith("decimal")]


def class_labels(frame, target):
    """The target's classes in Latih's order (numbers as numbers, text as text), and the frame
    with the target as text (3, not 3.0) and each row's class's place as `label`."""
    if target in numbers(frame, [target]):
        pairs = frame.select(as_text(target).alias("name"), column(target).alias("value")).distinct().collect()
        ordered = [pair["name"] for pair in sorted(pairs, key=lambda pair: pair["value"])]
        frame = frame.withColumn(target, as_text(target))
    else:
        ordered = sorted(row[0] for row in frame.select(target).distinct().collect())
    labels = StringIndexerModel.from_labels(ordered, inputCol=target, outputCol="label")
    return ordered, labels.transform(frame)


class FromVector(Transformer, HasInputCol, HasOutputCols, DefaultParamsReadable, DefaultParamsWritable):
    """A scaler's vector back into the named number columns (MLlib's scalers work on vectors,
    the later steps on columns); drops the vectors."""

    def __init__(self, inputCol=None, outputCols=None):
        super().__init__()
        self._set(inputCol=inputCol, outputCols=outputCols)

    def _transform(self, frame):
        values = vector_to_array(F.col(self.getInputCol()))
        unpacked = {c: F.when(F.isnan(values[i]), None).otherwise(values[i])
                    for i, c in enumerate(self.getOutputCols())}
        return frame.withColumns(unpacked).drop(self.getInputCol(), "latih_vector")


class ColumnScaler(Estimator):
    """An MLlib scaler fitted on each column's present training values and applied to that column
    (a vector with one missing value would make every statistic missing); missing stays missing."""

    def __init__(self, columns, scaler):
        super().__init__()
        self.columns, self.scaler = columns, scaler

    def _fit(self, frame):
        fitted = []
        for name in self.columns:
            present = frame.where(column(name).isNotNull() & ~F.isnan(column(name)))
            stages = [VectorAssembler(inputCols=[name], outputCol="latih_vector", handleInvalid="keep"),
                      self.scaler.copy().setInputCol("latih_vector").setOutputCol("latih_scaled"),
                      FromVector(inputCol="latih_scaled", outputCols=[name])]
            fitted.append(Pipeline(stages=stages).fit(present))
        return PipelineModel(fitted)


def scaled(columns, scaler):
    """`scaler` fitted on the training rows of `columns`, which it changes in place."""
    return ColumnScaler(columns, scaler)


class Computed(Transformer, DefaultParamsReadable, DefaultParamsWritable):
    """Column `column` computed anew by the SQL `expression` (and renamed `to`, if given), then the
    columns in `drop` dropped: a step that cleans any rows with these columns, target or none."""

    column = Param(Params._dummy(), "column", "the column computed", TypeConverters.toString)
    expression = Param(Params._dummy(), "expression", "its SQL expression", TypeConverters.toString)
    to = Param(Params._dummy(), "to", "its new name", TypeConverters.toString)
    drop = Param(Params._dummy(), "drop", "the columns dropped", TypeConverters.toListString)

    def __init__(self, column=None, expression=None, to=None, drop=None):
        super().__init__()
        self._setDefault(column="", expression="", to="", drop=[])
        given = dict(column=column, expression=expression, to=to, drop=drop)
        self._set(**{name: value for name, value in given.items() if value is not None})

    def _transform(self, frame):
        name, to = self.getOrDefault(self.column), self.getOrDefault(self.to)
        if name:
            frame = frame.withColumn(name, F.expr(self.getOrDefault(self.expression)))
            if to and to != name:
                frame = frame.withColumnRenamed(name, to)
        return frame.drop(*self.getOrDefault(self.drop))


def replaced(name, expression, to=None, drop=()):
    """Column `name` computed anew by the SQL `expression` (and named `to`, if given), the
    columns in `drop` dropped."""
    return Computed(column=name, expression=expression, to=to, drop=list(drop))


def dropped(names):
    return Computed(drop=list(names))


def compared(name, op, number, text):
    """A filter's condition as Latih reads it: a number compared as a number where the column
    holds numbers, else as text; "not equal" keeps the rows whose value is missing."""
    if number is not None and name in numbers(train, [name]):
        value = repr(number)
    else:
        value = "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"
    if op == "<>":
        return f"NOT ({quoted(name)} <=> {value})"
    return f"{quoted(name)} {op} {value}"


def quartiles(name):
    """The training rows' first and third quartiles of a column, interpolated as pandas does."""
    return train.select(F.expr(f"percentile({quoted(name)}, array(0.25, 0.75))")).first()[0]


def label_spread():
    """The training labels' standard deviation: MLlib's linear regression weighs its L2 penalty
    against the standardised label, scikit-learn's against the label itself."""
    return train.select(F.stddev("label")).first()[0]


def kept(condition):
    """The rows where the SQL `condition` holds, on both sides of the split."""
    return SQLTransformer(statement=f"SELECT * FROM __THIS__ WHERE {condition}")


def present(columns):
    kinds = dict(train.dtypes)
    return " AND ".join(f"{quoted(c)} IS NOT NULL" + ("" if kinds[c] == "string" else f" AND NOT isnan({quoted(c)})")
                        for c in columns) or "TRUE"


def step(stage):
    """A cleaning step fitted on the training rows, then applied to both sides; kept in
    `cleaning` (PipelineModel(cleaning) cleans new rows the same way)."""
    global train, test
    fitted = stage.fit(train) if hasattr(stage, "fit") else stage
    cleaning.append(fitted)
    train, test = fitted.transform(train), fitted.transform(test)


def most_frequent(name):
    """The training rows' most frequent value of a column; among equals the smallest."""
    counts = train.where(column(name).isNotNull()).groupBy(column(name).alias("value")).count()
    return counts.orderBy(F.desc("count"), "value").first()["value"]


def encoded(frame, columns, standardize=False):
    """The stages that turn the feature columns into MLlib's `features` vector: categories one-hot
    encoded (those learned from the training rows; an unseen one is all zeros), numbers as they are,
    then standardised when asked. A row missing a value is skipped."""
    categories = [c for c in columns if c not in numbers(frame, columns)]
    stages = []
    if categories:
        stages += [StringIndexer(inputCols=categories, outputCols=[f"{c} index" for c in categories],
                                 stringOrderType="alphabetAsc", handleInvalid="keep"),
                   OneHotEncoder(inputCols=[f"{c} index" for c in categories],
                                 outputCols=[f"{c} one-hot" for c in categories])]
    assembled = "unscaled" if standardize else "features"
    stages.append(VectorAssembler(inputCols=numbers(frame, columns) + [f"{c} one-hot" for c in categories],
                                  outputCol=assembled, handleInvalid="skip"))
    if standardize:
        stages.append(StandardScaler(inputCol=assembled, outputCol="features", withMean=True))
    return stages


def input_size(frame, columns):
    """How many numbers the `features` vector holds (a network's first layer)."""
    encoder = Pipeline(stages=encoded(frame, columns)).fit(frame)
    return encoder.transform(frame.limit(1)).first()["features"].size


def for_classes(estimator):
    """MLlib's gradient-boosted trees and linear SVM take two classes: more, one model per class."""
    return estimator if len(classes) == 2 else OneVsRest(classifier=estimator)


def evaluate_classes(predictions):
    for metric in ["accuracy", "f1", "weightedPrecision", "weightedRecall"]:
        print(metric, MulticlassClassificationEvaluator(metricName=metric).evaluate(predictions))
    if len(classes) == 2:
        print("roc_auc", BinaryClassificationEvaluator().evaluate(predictions))
    counts = {(r["label"], r["prediction"]): r["count"]
              for r in predictions.groupBy("label", "prediction").count().collect()}
    print("confusion_matrix", classes)
    for i, name in enumerate(classes):
        print(name, [counts.get((float(i), float(j)), 0) for j in range(len(classes))])


def evaluate_numbers(predictions):
    for metric in ["r2", "mae", "mse", "rmse"]:
        print(metric, RegressionEvaluator(metricName=metric).evaluate(predictions))


def best_of(search):
    """A search's best candidate and its mean score over the folds."""
    scores = search.avgMetrics
    best = (max if search.getEvaluator().isLargerBetter() else min)(range(len(scores)), key=scores.__getitem__)
    chosen = {param.name: value for param, value in search.getEstimatorParamMaps()[best].items()}
    print("best_params", chosen)
    print("best_score", scores[best])


class NotebookRandom:
    """Latih's seeded random numbers (rand's Pcg64Mcg seeded by `seed_from_u64`, an index by
    rand's widening multiply), so that `notebook_split` picks the notebook's rows."""

    MULTIPLIER = 0x2360ED051FC65DA44385DF649FCCF645

    def __init__(self, seed):
        state, words = seed, []
        for _ in range(4):
            state = (state * 6364136223846793005 + 11634580027462260723) % 2**64
            shifted = (((state >> 18) ^ state) >> 27) % 2**32
            turn = state >> 59
            words.append(((shifted >> turn) | (shifted << (-turn % 32))) % 2**32)
        self.state = (words[0] | words[1] << 32 | words[2] << 64 | words[3] << 96) | 1

    def next(self):
        self.state = self.state * self.MULTIPLIER % 2**128
        turn = self.state >> 122
        mixed = ((self.state >> 64) ^ self.state) % 2**64
        return ((mixed >> turn) | (mixed << (-turn % 64))) % 2**64

    def index(self, length):
        product = (self.next() % 2**32) * length
        result, low = product >> 32, product % 2**32
        if low > -length % 2**32:
            result += (low + (((self.next() % 2**32) * length) >> 32)) >> 32
        return result

    def shuffle(self, items):
        for i in range(len(items) - 1, 0, -1):
            j = self.index(i + 1)
            items[i], items[j] = items[j], items[i]


def shares(counts, total):
    """`total` test rows shared out over the classes by largest remainder, as Latih does."""
    exact = [c * total / sum(counts) for c in counts]
    take = [min(max(math.floor(e), 1), c - 1) for e, c in zip(exact, counts)]
    order = sorted(range(len(counts)), key=lambda a: (-(exact[a] - math.floor(exact[a])), -counts[a], a))
    assigned = sum(take)
    for k in order * 4:
        if assigned == total:
            break
        if assigned < total and take[k] < counts[k] - 1:
            take[k], assigned = take[k] + 1, assigned + 1
        elif assigned > total and take[k] > 1:
            take[k], assigned = take[k] - 1, assigned - 1
    return take


def notebook_split(frame, test_fraction, stratify, seed):
    """The notebook's own split, row for row (the labels are gathered on the driver: for data
    that fits one machine, to check the numbers against the notebook's before growing)."""
    labels = [int(row["label"]) for row in frame.select("label").collect()] if stratify else []
    rows = frame.count()
    tests = math.ceil(test_fraction * rows)
    random = NotebookRandom(seed)
    if stratify:
        by_class = [[] for _ in range(max(labels) + 1)]
        for row, label in enumerate(labels):
            by_class[label].append(row)
        chosen = []
        for members, take in zip(by_class, shares([len(m) for m in by_class], tests)):
            random.shuffle(members)
            chosen += members[:take]
    else:
        order = list(range(rows))
        random.shuffle(order)
        chosen = order[:tests]
    chosen = spark.sparkContext.broadcast(set(chosen))
    numbered = frame.rdd.zipWithIndex()
    side = lambda test: spark.createDataFrame(
        numbered.filter(lambda pair: (pair[1] in chosen.value) == test).map(lambda pair: pair[0]), frame.schema)
    return side(False), side(True)


def predict_row(typed, predicts_numbers):
    """A row as the learner typed it (a column left out takes the first test row's value), cleaned
    by the steps above as the training rows were, and predicted by the model above."""
    names = [c for c in df.columns if c not in (target, "label")]
    kinds = dict(df.dtypes)
    first = held_out.select(names).first().asDict()  # a column not typed: the first test row's

    def value(name):
        if name not in typed:
            return first[name]
        text = typed[name].strip()
        if text in MISSING:
            return None
        if name not in numbers(df, [name]):
            return text
        try:
            number = float(text.replace(",", "."))
        except ValueError:
            return None
        return int(number) if kinds[name] in ("int", "bigint", "smallint", "tinyint") else number

    row = spark.createDataFrame([[value(c) for c in names]], df.select(names).schema)
    scored = model.transform(PipelineModel(cleaning).transform(row)).first()
    if scored is None:  # a value the model needs is missing
        print("prediction", None)
    elif predicts_numbers:
        print("prediction", scored["prediction"])
    else:
        print("prediction", classes[int(scored["prediction"])])
        if "probability" in scored:
            print("probabilities", dict(zip(classes, map(float, scored["probability"].toArray()))))
