//! Drawn widgets shared by screens (triangle, wheel, timer, ...), one file each.
pub mod text;
