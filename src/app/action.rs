//! What the user can ask for. Keys map to these (see `keys`), `update` applies them.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    NextScreen,
    PrevScreen,
    ShowHelp,
    CloseOverlay,
    Quit,
    ConfirmQuit,
    /// The session clock: start / pause / resume, five more minutes, next block.
    ClockToggle,
    ClockAddFive,
    ClockNextBlock,
    /// Projection: presenter view, peek at the next screen, names on/off, next theme.
    TogglePresenter,
    Peek,
    ToggleNames,
    NextTheme,
    /// App-wide undo / redo (outside text fields).
    Undo,
    Redo,
    /// Start screen: move the selection / open the selected entry.
    SelectUp,
    SelectDown,
    OpenSelected,
    /// Start screen: create the next round of the selected session's pact.
    NextRound,
    /// Start screen: the portfolio (Overzicht) of all pacts in the folder.
    Portfolio,
    /// Recovery offer: take the newer copy / open the session file as it is.
    RecoverCopy,
    OpenAsIs,
}

/// Work with side effects (disk, process) that the runtime carries out for `update`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Open(std::path::PathBuf),
    Create,
    /// Create the next round of this session file's pact and open it.
    NextRound(std::path::PathBuf),
    OpenDemo,
    /// Save now and quit when that succeeded; otherwise ask.
    SaveAndQuit,
    /// Quit without waiting for a save (the user confirmed).
    ForceQuit,
    /// Show another screen of the session (e.g. where a checklist item is fixed).
    GoTo(super::Screen),
    /// Show the Rapport screen on this report section (0: the region, then the areas).
    GoToReportSection(usize),
    /// Show the intentions list (on the Samenwerkingswiel screen).
    GoToIntentions,
    /// Write the reports (md + html, intern and publiek) next to the session file.
    Export,
    /// Interviews screen: list the interview files in the session's folder to pick from.
    ListInterviewFiles,
    /// Interviews screen: load these interview files and merge them into the session.
    ImportInterviews(Vec<std::path::PathBuf>),
    /// Read the folder's sessions and show the portfolio of all pacts.
    OpenPortfolio,
    /// Write the portfolio shown as md, html and csv into the session folder.
    ExportPortfolio,
    /// Open the session with the content of a newer backup or emergency copy.
    Recover(crate::store::recovery::Recovery),
}
