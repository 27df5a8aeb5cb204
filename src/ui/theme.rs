//! The theme is data (`crate::theme`), kept out of the app state's dependencies on the ui;
//! the ui reads it from here as before.

pub use crate::theme::*;
