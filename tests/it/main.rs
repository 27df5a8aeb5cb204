//! Every integration test in one binary: each former `tests/*.rs` file is a module here,
//! so the crate and its heavy dependencies are linked once instead of once per file.
//! Run one part with `cargo test --test it <module>::` (e.g. `cargo test --test it pty_room::`).
//! Snapshots live in `tests/it/snapshots/`, named `it__<module>__<name>.snap`.

mod common;

mod ascii;
mod cli_help;
mod compose_tryout;
mod composer;
mod docx;
mod export;
mod faults;
mod frame_cache;
mod hostile_files;
mod hostile_output;
mod intake;
mod interviews_screen;
mod kill_loop;
mod layout_80x24;
mod merge_cli;
mod merge_props;
mod other_method;
mod portfolio;
mod privacy_projection;
mod projection;
mod pty_foundation;
mod pty_interviews;
mod pty_rapport;
mod pty_room;
mod pty_start;
mod pty_triangle;
mod pty_wheel;
mod recovery_ui;
mod room_ascii;
mod room_cache;
mod room_contact;
mod room_keys;
mod room_render;
mod room_view;
mod round_trip;
mod rounds;
mod save_failure;
mod save_schedule;
mod screens;
mod session_file;
mod shared_components;
mod start_screen;
mod summary;
mod templates;
mod triangle_screen;
mod tryout_fixes;
mod undo_names;
mod wheel;
