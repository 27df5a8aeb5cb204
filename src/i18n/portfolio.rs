//! Words of the portfolio (Overzicht): all pacts of a programme at once.

pub struct Strings {
    pub title: &'static str,
}

pub static NL: Strings = Strings { title: "Overzicht" };

pub static EN: Strings = Strings { title: "Portfolio" };
