//! Strings of the wheel screen.

pub struct Strings {}

pub static NL: Strings = Strings {};

pub static EN: Strings = Strings {};
