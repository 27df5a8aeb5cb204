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

/// Files an export wrote into one folder, as the screens list them: the folder once
/// (the first file's), then each file's name.
pub fn folder_and_names(paths: &[std::path::PathBuf]) -> (String, Vec<String>) {
    let dir = paths
        .first()
        .and_then(|p| p.parent())
        .map(|d| d.display().to_string())
        .unwrap_or_default();
    let names = paths
        .iter()
        .filter_map(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .collect();
    (dir, names)
}
