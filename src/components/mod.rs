//! Reusable pieces of the interface.

pub mod chart_canvas;
pub mod confusion_heatmap;
pub mod confusion_table;
pub mod fields;
pub mod header;
pub mod markdown;
pub mod progress;
pub mod roc_chart;
pub mod score;
pub mod table_scroll;
