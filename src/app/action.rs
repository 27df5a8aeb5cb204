//! What the user can ask for. Keys map to these (see `keys`), `update` applies them.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    NextScreen,
    PrevScreen,
    ShowHelp,
    CloseOverlay,
    Quit,
    ConfirmQuit,
    /// Start screen: move the selection / open the selected entry.
    SelectUp,
    SelectDown,
    OpenSelected,
    /// Recovery offer: take the newer copy / open the session file as it is.
    RecoverCopy,
    OpenAsIs,
}

/// Work with side effects (disk, process) that the runtime carries out for `update`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Open(std::path::PathBuf),
    Create,
    OpenDemo,
    /// Save now and quit when that succeeded; otherwise ask.
    SaveAndQuit,
    /// Quit without waiting for a save (the user confirmed).
    ForceQuit,
    /// Open the session with the content of a newer backup or emergency copy.
    Recover(crate::store::recovery::Recovery),
}
