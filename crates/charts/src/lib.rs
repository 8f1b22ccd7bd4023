//! Charts as pure drawing code over any plotters backend, so they are tested natively (SVG) and
//! the app hands them a canvas. Colours come from colour-blind-safe palettes.

pub mod confusion;
pub mod palette;
pub mod roc;
