//! CSV → [`Table`] with per-column type inference. Uses the `csv` crate for the format itself
//! (quotes, embedded newlines, CRLF); what is ours is deciding what each column holds.

use super::{Column, ColumnData, Table, MISSING};
use crate::Error;

/// Cells that mean "no value": most of what pandas' `read_csv` treats so by default, and the
/// "?" and "-" that spreadsheets and survey exports use.
pub(crate) const MISSING_MARKERS: &[&str] = &[
    "", "NA", "N/A", "n/a", "NaN", "nan", "null", "NULL", "?", "-",
];

/// A string column with more distinct values than this, and more than half as many as rows,
/// is free text (names, ids), not a category.
pub(crate) const MAX_CATEGORY_LEVELS: usize = 50;

/// The delimiters files come with: comma, semicolon (spreadsheets where the comma is the decimal
/// separator, as in Indonesia), tab and pipe.
const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// Records looked at to guess the delimiter.
const SNIFF_RECORDS: usize = 20;

/// The first records of `text` split on `delimiter`, the way the csv crate splits them (double
/// quotes around fields, `""` for a quote inside, line breaks inside quotes, CRLF or LF).
///
/// Written here rather than taken from the csv crate so that the app's first load, which needs
/// only a file's column names, does not carry the crate (the worker reads whole files with it).
fn first_records(text: &str, delimiter: char, limit: usize) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let (mut record, mut field) = (Vec::new(), String::new());
    // A quote opens quoting only at the start of a field; elsewhere it is a character.
    let (mut quoted, mut at_start) = (false, true);
    let mut chars = text.trim_start_matches('\u{feff}').chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' if quoted => quoted = false,
            '"' if at_start => quoted = true,
            c if c == delimiter && !quoted => {
                record.push(std::mem::take(&mut field));
                at_start = true;
                continue;
            }
            '\r' if !quoted => {}
            '\n' if !quoted => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                at_start = true;
                if records.len() == limit {
                    return records;
                }
                continue;
            }
            c => field.push(c),
        }
        at_start = false;
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

/// The line on which a quoted field opens and is never closed, if one is.
fn unclosed_quote(text: &str, delimiter: char) -> Option<u64> {
    let (mut line, mut opened) = (1u64, None);
    let (mut quoted, mut at_start) = (false, true);
    let mut chars = text.trim_start_matches('\u{feff}').chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
            }
            '"' if quoted => quoted = false,
            '"' if at_start => {
                quoted = true;
                opened = Some(line);
            }
            '\n' => {
                line += 1;
                at_start = !quoted;
                continue;
            }
            c if c == delimiter && !quoted => {
                at_start = true;
                continue;
            }
            _ => {}
        }
        at_start = false;
    }
    quoted.then_some(opened).flatten()
}

/// The delimiter that splits the first records into the same number of fields, more than one
/// (the most fields wins; a comma when it ties or when nothing does). A delimiter inside quotes
/// does not count.
pub fn sniff_delimiter(text: &str) -> u8 {
    DELIMITERS
        .iter()
        .filter_map(|&d| {
            let counts: Vec<usize> = first_records(text, char::from(d), SNIFF_RECORDS)
                .iter()
                .map(Vec::len)
                .collect();
            let first = *counts.first()?;
            (first > 1 && counts.iter().all(|&n| n == first)).then_some((first, d))
        })
        .max_by_key(|&(fields, d)| (fields, d == b','))
        .map_or(b',', |(_, d)| d)
}

pub fn read_csv(text: &str) -> Result<Table, Error> {
    read_csv_skipping(text, false).map(|(table, _)| table)
}

/// The table, and the lines of the rows skipped for having the wrong number of fields when
/// `skip_bad_rows` (else such a row is an error naming its line).
pub fn read_csv_skipping(text: &str, skip_bad_rows: bool) -> Result<(Table, Vec<u64>), Error> {
    let delimiter = sniff_delimiter(text);
    // The csv crate ends an unclosed quote at the end of the file, which would make the rest
    // of the file one value.
    if let Some(line) = unclosed_quote(text, char::from(delimiter)) {
        return Err(Error::CsvUnclosedQuote { line });
    }
    let reader = || {
        csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(true)
            .flexible(true)
            .from_reader(text.as_bytes())
    };
    let mut first = reader();
    let headers: Vec<String> = first
        .headers()
        .map_err(csv_error)?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    if headers.is_empty() || headers.iter().all(String::is_empty) {
        return Err(Error::EmptyTable);
    }
    // A first row of numbers is data: read it as a row, under numbered names.
    let headerless = first_row_is_data(&first_records(text, char::from(delimiter), SNIFF_RECORDS));
    let reader = || {
        csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(!headerless)
            .flexible(true)
            .from_reader(text.as_bytes())
    };
    let headers = if headerless {
        numbered_names(headers.len())
    } else {
        unique_names(headers)
    };
    let mut first = reader();
    // Pass one reads every column as numbers, straight from the fields: most columns are
    // numbers, and a number held as text would cost several times its size. A column where
    // something does not read as one is set aside and read again as text (pass two), then
    // inferred as before.
    // Sized once from the line count (a bound on the rows): growing by doubling would hold up
    // to twice the column for a while.
    let lines = text.bytes().filter(|&b| b == b'\n').count() + 1;
    let mut numbers: Vec<Option<Vec<f64>>> = (0..headers.len())
        .map(|_| Some(Vec::with_capacity(lines)))
        .collect();
    let mut skipped = Vec::new();
    let mut rows = 0;
    let mut record = csv::StringRecord::new();
    while first.read_record(&mut record).map_err(csv_error)? {
        if record.len() != headers.len() {
            let line = record.position().map_or(0, |p| p.line());
            if skip_bad_rows {
                skipped.push(line);
                continue;
            }
            return Err(Error::CsvFieldCount {
                line,
                expected: headers.len(),
                found: record.len(),
            });
        }
        rows += 1;
        for (column, cell) in numbers.iter_mut().zip(record.iter()) {
            let Some(values) = column else { continue };
            let cell = cell.trim();
            if MISSING_MARKERS.contains(&cell) {
                values.push(MISSING);
            } else if let Some(x) = cell.parse::<f64>().ok().filter(|x| x.is_finite()) {
                values.push(x);
            } else {
                *column = None;
            }
        }
    }
    if rows == 0 {
        return Err(Error::EmptyTable);
    }
    let mut texts: Vec<Option<Vec<Option<String>>>> = numbers
        .iter()
        .map(|n| n.is_none().then(|| Vec::with_capacity(rows)))
        .collect();
    if texts.iter().any(Option::is_some) {
        let mut second = reader();
        while second.read_record(&mut record).map_err(csv_error)? {
            if record.len() != headers.len() {
                continue;
            }
            for (column, cell) in texts.iter_mut().zip(record.iter()) {
                if let Some(cells) = column {
                    let cell = cell.trim();
                    cells.push((!MISSING_MARKERS.contains(&cell)).then(|| cell.to_string()));
                }
            }
        }
    }
    let columns = headers
        .into_iter()
        .zip(numbers.into_iter().zip(texts))
        .map(|(name, column)| {
            let data = match column {
                (Some(values), _) if values.iter().any(|x| !x.is_nan()) => {
                    ColumnData::Numeric(values)
                }
                // Nothing present: no type to tell, as the inference of text says.
                (Some(values), _) => infer(vec![None; values.len()]),
                (None, cells) => infer(cells.unwrap_or_default()),
            };
            Column { name, data }
        })
        .collect();
    Ok((Table { columns }, skipped))
}

/// Just the column names, without reading the rows: for pickers that must work even when the
/// data itself is unusable.
pub fn read_csv_header(text: &str) -> Result<Vec<String>, Error> {
    let delimiter = char::from(sniff_delimiter(text));
    let header = first_records(text, delimiter, 1)
        .pop()
        .ok_or(Error::EmptyTable)?;
    if first_row_is_data(&first_records(text, delimiter, SNIFF_RECORDS)) {
        return Ok(numbered_names(header.len()));
    }
    Ok(unique_names(
        header.iter().map(|h| h.trim().to_string()).collect(),
    ))
}

/// Whether a file's first row is data rather than column names, from its first records (as
/// UCI's iris.data, which has none): no column has a word above numbers (which a header would
/// put there), and some column is numbers from the first row down. Judged by characters, so
/// that the page, which reads headers, carries no number parser.
fn first_row_is_data(records: &[Vec<String>]) -> bool {
    let number_like = |field: &String| {
        let field = field.trim();
        field.bytes().any(|b| b.is_ascii_digit())
            && field
                .bytes()
                .all(|b| b.is_ascii_digit() || b"+-.,eE".contains(&b))
    };
    let Some((first, rest)) = records.split_first() else {
        return false;
    };
    let numbers_below = |column: usize| {
        rest.iter().all(|r| {
            r.get(column)
                .is_some_and(|f| number_like(f) || f.trim().is_empty())
        })
    };
    let named_above_numbers =
        (0..first.len()).any(|c| !number_like(&first[c]) && !rest.is_empty() && numbers_below(c));
    // Numbers that name their columns, as a statistics office writes years above its figures
    // ("provinsi,2019,2020"): a whole number above decimals, or a year above what is no year.
    let whole = |field: &str| {
        let digits = field.trim().trim_start_matches(['-', '+']);
        !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
    };
    // 1800 to 2199, by its characters.
    let year = |field: &str| {
        let field = field.trim();
        field.len() == 4 && whole(field) && ["18", "19", "20", "21"].contains(&&field[..2])
    };
    let below = |column: usize| {
        rest.iter()
            .filter_map(move |r| r.get(column))
            .filter(|f| !f.trim().is_empty())
    };
    let names_numbers = |c: usize| {
        let above = first[c].as_str();
        let decimals_below = below(c).next().is_some() && below(c).all(|f| !whole(f));
        let years_over_figures = year(above) && below(c).any(|f| !year(f));
        whole(above) && numbers_below(c) && (decimals_below || years_over_figures)
    };
    let numbered_names = (0..first.len()).filter(|&c| names_numbers(c)).count();
    let numbers_from_the_top = (0..first.len())
        .filter(|&c| number_like(&first[c]) && numbers_below(c))
        .count();
    let header =
        named_above_numbers || (numbered_names > 0 && numbered_names == numbers_from_the_top);
    !header && numbers_from_the_top > 0
}

/// The names of a file without a header: column_1, column_2, …
fn numbered_names(count: usize) -> Vec<String> {
    (1..=count).map(|i| format!("column_{i}")).collect()
}

/// How a CSV file is written, for code that reads it elsewhere (the exported pandas).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CsvDialect {
    /// The character between fields, when the file is known (else pandas sniffs it, which
    /// decimal commas can mislead).
    pub delimiter: Option<char>,
    /// The first row is data: the columns are [`numbered_names`].
    pub headerless: Option<Vec<String>>,
    /// Some column is numbers written with decimal commas (and dots between thousands).
    pub decimal_comma: bool,
}

/// The dialect of a CSV file's text (nothing for JSON), from a full read of it.
pub fn csv_dialect(text: &str) -> CsvDialect {
    if super::looks_like_json(text) {
        return CsvDialect::default();
    }
    let delimiter = char::from(sniff_delimiter(text));
    let sample = first_records(text, delimiter, SNIFF_RECORDS);
    let headerless =
        first_row_is_data(&sample).then(|| numbered_names(sample.first().map_or(0, Vec::len)));
    // A column of the first records that reads as numbers only with decimal commas. (The
    // first records, not the whole file: the export asks after every change.)
    let rows = &sample[usize::from(headerless.is_none()).min(sample.len())..];
    let columns = sample.first().map_or(0, Vec::len);
    let decimal_comma = (0..columns).any(|c| {
        let cells: Vec<Option<String>> = rows
            .iter()
            .filter_map(|r| r.get(c))
            .map(|cell| Some(cell.trim()).filter(|t| !MISSING_MARKERS.contains(t)))
            .map(|cell| cell.map(str::to_string))
            .collect();
        numbers_by(&cells, |t| t.parse::<f64>().ok()).is_none()
            && numbers_by(&cells, parse_decimal_comma).is_some()
            && cells.iter().flatten().any(|t| t.contains(','))
    });
    CsvDialect {
        delimiter: Some(delimiter),
        headerless,
        decimal_comma,
    }
}

/// Column names as pandas makes them: an empty one is "Unnamed: <position>", and a repeated one
/// gets ".1", ".2", …, skipping any name the header already has (so that the exported Python
/// finds the same columns).
pub(super) fn unique_names(names: Vec<String>) -> Vec<String> {
    let names: Vec<String> = names
        .into_iter()
        .enumerate()
        .map(|(position, name)| {
            if name.is_empty() {
                format!("Unnamed: {position}")
            } else {
                name
            }
        })
        .collect();
    // The next number to try, per name: without it, a header of thousands of one repeated name
    // (a short hostile link can carry one) took cubic time; now quadratic in the columns, at
    // most. Lists rather than hash sets: the page reads headers, and each set type would add
    // its own code to the first load.
    let mut unique: Vec<String> = Vec::with_capacity(names.len());
    let mut next: Vec<(&str, usize)> = Vec::new();
    for name in &names {
        let seen = next.iter().position(|(seen, _)| *seen == name.as_str());
        // The numbers below a name's last one were taken or in the header then, and still are.
        let mut n = seen.map_or(0, |i| next[i].1);
        let mut candidate = if n == 0 {
            name.clone()
        } else {
            format!("{name}.{n}")
        };
        while unique.contains(&candidate) || (n > 0 && names.contains(&candidate)) {
            n += 1;
            candidate = format!("{name}.{n}");
        }
        match seen {
            Some(i) => next[i].1 = n + 1,
            None => next.push((name, n + 1)),
        }
        unique.push(candidate);
    }
    unique
}

/// A number written with a decimal comma, as Indonesian (and most European) spreadsheets write
/// them: "1.234,56", "-0,5", "12". Dots group thousands, by threes.
fn parse_decimal_comma(text: &str) -> Option<f64> {
    let (whole, fraction) = text.split_once(',').unwrap_or((text, ""));
    let digits = whole.strip_prefix(['-', '+']).unwrap_or(whole);
    let mut groups = digits.split('.');
    let first = groups.next()?;
    let grouped_well = (1..=3).contains(&first.len())
        && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
    let plain = !digits.contains('.') && !digits.is_empty();
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !(grouped_well || plain) || !all_digits(first) || !all_digits(fraction) {
        return None;
    }
    let normal = format!("{}.{fraction}", whole.replace('.', ""));
    normal.trim_end_matches('.').parse().ok()
}

/// The column's values as numbers, each read by `parse`, if every present one is a finite number.
fn numbers_by(cells: &[Option<String>], parse: impl Fn(&str) -> Option<f64>) -> Option<Vec<f64>> {
    cells
        .iter()
        .map(|c| match c {
            None => Some(MISSING),
            Some(s) => parse(s).filter(|x| x.is_finite()),
        })
        .collect()
}

/// A column is numbers if every value reads as one; written either with a decimal point or,
/// when that fails, with a decimal comma (the whole column one way, never mixed).
pub(super) fn infer(cells: Vec<Option<String>>) -> ColumnData {
    let numbers = numbers_by(&cells, |s| s.parse::<f64>().ok())
        .or_else(|| numbers_by(&cells, parse_decimal_comma));
    match numbers {
        Some(values) if values.iter().any(|x| !x.is_nan()) => ColumnData::Numeric(values),
        _ => {
            let mut distinct: Vec<&str> = cells.iter().flatten().map(String::as_str).collect();
            distinct.sort_unstable();
            distinct.dedup();
            if distinct.len() > MAX_CATEGORY_LEVELS && distinct.len() * 2 > cells.len() {
                ColumnData::Text(cells)
            } else {
                ColumnData::Categorical(cells)
            }
        }
    }
}

fn csv_error(err: csv::Error) -> Error {
    let line = err.position().map_or(0, |p| p.line());
    Error::Csv {
        line,
        message: err.to_string(),
    }
}

#[cfg(test)]
mod sniffing {
    use super::*;

    #[test]
    fn the_delimiter_that_splits_every_line_alike_is_found() {
        assert_eq!(sniff_delimiter("a,b,c\n1,2,3\n"), b',');
        assert_eq!(sniff_delimiter("a;b;c\n1,5;2;3\n"), b';');
        assert_eq!(sniff_delimiter("a\tb\n1\t2\n"), b'\t');
        assert_eq!(sniff_delimiter("a|b\n\"x|y\"|2\n"), b'|');
        // A comma inside quotes does not make the file comma-separated.
        assert_eq!(sniff_delimiter("name;note\nAni;\"a, b, c\"\n"), b';');
        // One column, or nothing consistent: the comma.
        assert_eq!(sniff_delimiter("value\n1\n2\n"), b',');
        assert_eq!(sniff_delimiter(""), b',');
    }

    #[test]
    fn a_semicolon_file_reads_like_its_comma_twin() {
        let comma = read_csv("x,y,label\n1,2,a\n3,4,b\n").unwrap();
        let semicolon = read_csv("x;y;label\n1;2;a\n3;4;b\n").unwrap();
        assert_eq!(comma, semicolon);
        assert_eq!(
            read_csv_header("x\ty\tlabel\n1\t2\ta\n").unwrap(),
            ["x", "y", "label"]
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::ColumnType;

    #[test]
    fn infers_numeric_categorical_and_text_columns() {
        let mut text = String::from("id,size,colour\n");
        for i in 0..120 {
            let colour = ["red", "blue"][i % 2];
            text += &format!("\"person, {i}\",{}.5,{colour}\n", i % 7);
        }
        let table = read_csv(&text).unwrap();
        let types: Vec<ColumnType> = table.columns.iter().map(|c| c.column_type()).collect();
        assert_eq!(
            types,
            [
                ColumnType::Text,
                ColumnType::Numeric,
                ColumnType::Categorical
            ]
        );
        assert_eq!(table.n_rows(), 120);
        assert_eq!(table.columns[0].display(3), "person, 3");
    }

    #[test]
    fn missing_markers_become_missing_and_keep_the_column_numeric() {
        let table = read_csv("a,b\n1,x\nNA,y\n?,\n4.5,z\n").unwrap();
        assert_eq!(
            table.columns[0].data,
            ColumnData::Numeric(vec![1.0, f64::NAN, f64::NAN, 4.5])
        );
        assert!(table.columns[1].is_missing(2));
    }

    #[test]
    fn decimal_commas_are_read_per_column_and_dashes_are_missing() {
        // An Indonesian spreadsheet: semicolons, thousands dots, decimal commas, "-" for none.
        let t = read_csv("harga;jumlah;kode\n1.234,5;-;1.234\n2,5;3;2.5\n-7;4;x\n").unwrap();
        assert_eq!(
            t.columns[0].data,
            ColumnData::Numeric(vec![1234.5, 2.5, -7.0])
        );
        assert_eq!(
            t.columns[1].data,
            ColumnData::Numeric(vec![f64::NAN, 3.0, 4.0])
        );
        assert_eq!(t.columns[2].column_type(), ColumnType::Categorical);
        // A column that reads with a decimal point keeps it: "1.234" is 1.234 there.
        let t = read_csv("a;b\n1.234;1\n2.5;2\n").unwrap();
        assert_eq!(t.columns[0].data, ColumnData::Numeric(vec![1.234, 2.5]));
        for not_numbers in ["1.23,4", "12.34,5", "1,2,3", ",5", "1.2345,6", "--1"] {
            assert_eq!(parse_decimal_comma(not_numbers), None, "{not_numbers}");
        }
        assert_eq!(parse_decimal_comma("+1.000.000,25"), Some(1_000_000.25));
    }

    #[test]
    fn empty_and_repeated_names_are_made_unique_as_pandas_makes_them() {
        // pandas.read_csv(",a,a,,a.1") gives these columns.
        let expected = ["Unnamed: 0", "a", "a.2", "Unnamed: 3", "a.1"];
        let t = read_csv(",a,a,,a.1\n1,2,3,4,5\n").unwrap();
        let names: Vec<&str> = t.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, expected);
        assert_eq!(read_csv_header(",a,a,,a.1\n1,2,3,4,5\n").unwrap(), expected);
        // Names that collide with the numbered ones, as pandas numbers them.
        let t = read_csv("x,x,x.1,x,x.2\n1,2,3,4,5\n").unwrap();
        let names: Vec<&str> = t.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["x", "x.3", "x.1", "x.4", "x.2"]);
    }

    #[test]
    fn thousands_of_one_repeated_name_are_numbered_in_order() {
        // A header a short hostile link can carry; this took cubic time before.
        let names = unique_names(vec!["a".to_string(); 4_000]);
        assert_eq!(names.len(), 4_000);
        assert_eq!(names[0], "a");
        assert_eq!(names[1], "a.1");
        assert_eq!(names[3_999], "a.3999");
    }

    #[test]
    fn ragged_row_is_an_error_with_its_line() {
        let err = read_csv("a,b\n1,2\n3\n").unwrap_err();
        assert!(
            matches!(err, Error::CsvFieldCount { line: 3, .. }),
            "{err:?}"
        );
    }

    #[test]
    fn ragged_rows_can_be_skipped_and_their_lines_are_told() {
        let text = "a,b\n1,2\n3\n4,5\n6,7,8\n9,10\n";
        let (table, skipped) = read_csv_skipping(text, true).unwrap();
        assert_eq!(skipped, [3, 5]);
        assert_eq!(
            table.columns[1].data,
            ColumnData::Numeric(vec![2.0, 5.0, 10.0])
        );
        let err = read_csv_skipping(text, false).unwrap_err();
        assert_eq!(
            err,
            Error::CsvFieldCount {
                line: 3,
                expected: 2,
                found: 1
            }
        );
    }

    #[test]
    fn a_first_row_of_numbers_is_data_under_numbered_names() {
        // As iris.data: numbers, then a class; no header.
        let text = "5.1,3.5,setosa\n4.9,3.0,setosa\n";
        assert_eq!(
            read_csv_header(text).unwrap(),
            ["column_1", "column_2", "column_3"]
        );
        // Words above numbers, or words only: a header.
        assert_eq!(read_csv_header("a,b\n1,2\n").unwrap(), ["a", "b"]);
        assert_eq!(
            read_csv_header("nama,kota\nAni,Bogor\n").unwrap(),
            ["nama", "kota"]
        );
        // Years above figures, as a statistics office writes them: a header.
        assert_eq!(
            read_csv_header("provinsi,2019,2020\nAceh,5.2,5.4\nBali,6.1,6.3\n").unwrap(),
            ["provinsi", "2019", "2020"]
        );
        assert_eq!(
            read_csv_header("2019,2020\n5274871,5371532\n4362722,4414555\n").unwrap(),
            ["2019", "2020"]
        );
        // Whole numbers above whole numbers, or years above years: data.
        assert_eq!(
            read_csv_header("3,4\n1,2\n").unwrap(),
            ["column_1", "column_2"]
        );
        assert_eq!(
            read_csv_header("1990,2005\n1985,2010\n").unwrap(),
            ["column_1", "column_2"]
        );
        // A decimal in the first row, as the rows below: data, whatever the other columns.
        assert_eq!(
            read_csv_header("5,3.5\n4.9,3.0\n").unwrap(),
            ["column_1", "column_2"]
        );
        let text = "5.1;3,5;1\n4.9;3,0;0\n6.2;2,9;1\n";
        let table = read_csv(text).unwrap();
        assert_eq!(table.n_rows(), 3);
        let names: Vec<&str> = table.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["column_1", "column_2", "column_3"]);
        assert_eq!(read_csv_header(text).unwrap(), names);
        assert_eq!(
            table.columns[1].data,
            ColumnData::Numeric(vec![3.5, 3.0, 2.9])
        );
        let dialect = csv_dialect(text);
        let numbered: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        assert_eq!(dialect.headerless, Some(numbered));
        assert!(dialect.decimal_comma);
        assert_eq!(dialect.delimiter, Some(';'));
        let plain = csv_dialect("a,b\n1.5,2\n");
        assert_eq!((plain.headerless, plain.decimal_comma), (None, false));
    }

    #[test]
    fn header_is_read_even_when_rows_are_broken() {
        assert_eq!(read_csv_header("a, b\n1\n").unwrap(), ["a", "b"]);
    }

    #[test]
    fn header_only_or_empty_input_is_an_empty_table() {
        assert_eq!(read_csv("a,b\n"), Err(Error::EmptyTable));
        assert_eq!(read_csv(""), Err(Error::EmptyTable));
    }

    #[test]
    fn drop_incomplete_rows_counts_what_it_dropped_per_column() {
        let table = read_csv("a,b,c\n1,x,\nNA,y,\n3,,\n4,z,\n").unwrap();
        let (kept, dropped) = table.drop_incomplete_rows(&["a", "b"]);
        assert_eq!(kept.n_rows(), 2);
        assert_eq!(dropped.rows, 2);
        assert_eq!(
            dropped.missing_by_column,
            vec![("a".to_string(), 1), ("b".to_string(), 1)]
        );
    }
}
