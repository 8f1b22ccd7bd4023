//! Writing Python: literals that are always escaped, and the pandas code that reads a column as
//! a kind. A leaf that the cleaning steps (each with its pandas code) and the export both use.

mod literal;
mod retype;

pub(crate) use literal::{py_float, py_str, py_str_list};
pub(crate) use retype::py_retyped;
