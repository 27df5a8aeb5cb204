//! Drawn widgets shared by screens (triangle, wheel, timer, ...), one file each.

pub mod cache;
pub mod fill;
pub mod form;
pub mod lines;
pub mod picker;
pub mod popup;
pub mod table;
pub mod text;
pub mod timer;
pub mod triangle;
pub mod wheel;
