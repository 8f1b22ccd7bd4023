//! Reusable pieces of the interface.

pub mod confusion_heatmap;
pub mod fields;
pub mod header;
pub mod score;
