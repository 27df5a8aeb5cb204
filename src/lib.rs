//! volgspot: a terminal app that runs a Volgspot, a structured reflection on a regional
//! care pact (see README.md).
//!
//! Module map:
//! - [`model`]: the session document (serde types, ids, validation, migrations);
//! - [`store`]: load with clear errors, atomic save with backup, lock, paths, autosave;
//! - [`export`]: the post-session report (internal and public; Markdown, HTML, CSV);
//! - [`method`]: the method definition (areas, triangle, wheel, agenda) from `assets/`;
//! - [`i18n`]: every UI string, Dutch and English;
//! - [`app`]: state, actions, key tables, `update`;
//! - [`ui`]: rendering, a pure function of the state;
//! - [`theme`]: colours and emphasis as data (held by the app, drawn by the ui);
//! - [`interviewer`]: the offline interviewer mode (`volgspot interview`);
//! - [`tui`]: the one runtime (the app and the interviewer mode): terminal, event loop,
//!   autosave, panic safety;
//! - [`clock`]: local time;
//! - [`esc_repair`]: Esc plus a key that arrived in one read, told apart again;
//! - [`room`]: the room's window (`volgspot zaal`), following the facilitator's.

pub mod app;
pub mod bench_data;
pub mod clock;
pub mod esc_repair;
pub mod export;
pub mod i18n;
pub mod interviewer;
pub mod method;
pub mod model;
pub mod room;
pub mod sanitize;
pub mod store;
pub mod theme;
pub mod tui;
pub mod ui;
