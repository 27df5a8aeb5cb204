//! Strings of the triangle screen.

pub struct Strings {}

pub static NL: Strings = Strings {};

pub static EN: Strings = Strings {};
