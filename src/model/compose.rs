//! The composed report: per report section an ordered list of blocks the facilitator
//! arranges on the Rapport screen. Hand-written blocks hold their text; drawn blocks
//! name their source in the session (resolved at export time, so an edited item shows
//! up in the report); a quote names its note by id (its words and speaker are never
//! copied, so they cannot drift from what the speaker approved).
//!
//! A session without a composition (`Session::composition` None) exports the first
//! draft generated from the session, exactly as before the composer existed.

use super::{Id, NoteKind};
use serde::{Deserialize, Serialize};

/// The section before the method's attention areas: "Waar werkt de regio aan?".
pub const REGION: &str = "regio";

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Composition {
    pub sections: Vec<ComposedSection>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ComposedSection {
    /// [`REGION`] or an attention area id from the method definition.
    pub area: String,
    /// The pact's own question for this section ("Wat is het overstijgende vraagstuk
    /// van Zorgpact X?"); None: the method's generic question.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Block {
    pub id: Id,
    /// Left out of both versions (kept, so it can be shown again).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hidden: bool,
    /// In the publieksversie (drawn items and quotes also need their own public mark).
    #[serde(default = "yes")]
    pub public: bool,
    #[serde(flatten)]
    pub kind: BlockKind,
}

fn yes() -> bool {
    true
}

impl Block {
    pub fn new(kind: BlockKind) -> Self {
        Block {
            id: Id::new(),
            hidden: false,
            public: true,
            kind,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BlockKind {
    Paragraph {
        #[serde(default)]
        text: String,
    },
    /// "**Governance:** …"
    Labelled {
        #[serde(default)]
        label: String,
        #[serde(default)]
        text: String,
    },
    /// "Gewenst resultaat", "Voortgang:".
    Heading {
        #[serde(default)]
        text: String,
    },
    /// Hand-written items, with the sentence that leads into them.
    List {
        #[serde(default)]
        lead: String,
        #[serde(default)]
        items: Vec<String>,
        #[serde(default)]
        numbered: bool,
    },
    /// Items drawn live from the session.
    Drawn {
        source: Source,
        /// The lead-in sentence; None: the template's default for the source.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        lead: Option<String>,
        #[serde(default)]
        numbered: bool,
    },
    /// An interview note of kind citaat, by id.
    Quote {
        note: Id,
    },
    /// Where the pact stands on the wheel: the placement's motivation, and with
    /// `with_phase` the generated sentence naming the phase.
    Wheel {
        #[serde(default = "yes")]
        with_phase: bool,
    },
    Drawing {
        what: Drawing,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Drawing {
    Triangle,
    Wheel,
}

/// Where a drawn block's items come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "from", rename_all = "snake_case")]
pub enum Source {
    /// Intake: the region description, the partners by kind and the ambition.
    Region,
    /// Intake › first observations of an area, as paragraphs.
    Observation { area: String },
    /// The focus areas of the triangle's items.
    FocusAreas,
    /// The triangle items of a corner or guiding question.
    Triangle {
        place: String,
        /// The words key of the default lead ("projects"); None: no lead.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        word: Option<String>,
    },
    /// Interview notes of an area, of these kinds.
    Notes { area: String, kinds: Vec<NoteKind> },
    /// Intentions agreed in this round.
    Intentions,
    /// Intentions carried over from the earlier round, with what became of them.
    FollowUp,
    /// The wheel's activities and their status.
    Activities,
}

impl BlockKind {
    /// The block's main text, for the edit field (items one per line).
    pub fn text(&self) -> String {
        match self {
            BlockKind::Paragraph { text }
            | BlockKind::Labelled { text, .. }
            | BlockKind::Heading { text } => text.clone(),
            BlockKind::List { items, .. } => items.join("\n"),
            _ => String::new(),
        }
    }

    /// The label or lead-in sentence, for the edit field.
    pub fn label(&self) -> Option<String> {
        match self {
            BlockKind::Labelled { label, .. } => Some(label.clone()),
            BlockKind::List { lead, .. } => Some(lead.clone()),
            BlockKind::Drawn { lead, .. } => Some(lead.clone().unwrap_or_default()),
            _ => None,
        }
    }

    /// Whether the block has a text to edit.
    pub fn has_text(&self) -> bool {
        matches!(
            self,
            BlockKind::Paragraph { .. }
                | BlockKind::Labelled { .. }
                | BlockKind::Heading { .. }
                | BlockKind::List { .. }
        )
    }

    /// Sets the text (and, with `label`, the label or lead) as edited.
    pub fn set_text(&mut self, new: &str, new_label: Option<&str>) {
        match self {
            BlockKind::Paragraph { text } | BlockKind::Heading { text } => *text = new.into(),
            BlockKind::Labelled { label, text } => {
                *text = new.into();
                if let Some(l) = new_label {
                    *label = l.into();
                }
            }
            BlockKind::List { lead, items, .. } => {
                *items = list_items(new);
                if let Some(l) = new_label {
                    *lead = l.into();
                }
            }
            BlockKind::Drawn { lead, .. } => {
                if let Some(l) = new_label {
                    *lead = Some(l.into());
                }
            }
            _ => {}
        }
    }
}

/// The items of a typed or pasted list, one per line, without the bullets and numbers
/// typed or pasted before them ("- ", "• ", "1. ", "2) "): the block writes its own.
/// "1.5 fte" and "-3%" are text.
pub fn list_items(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| strip_list_marker(l.trim()).trim())
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// A pasted line without its list marker: "1. ", "2) ", "- ", "* ", "• ", "– ".
pub fn strip_list_marker(line: &str) -> &str {
    let t = line.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let rest = if digits > 0 && digits <= 3 && t[digits..].starts_with(['.', ')']) {
        &t[digits + 1..]
    } else if let Some(r) = t.strip_prefix(['-', '*', '•', '–', '·', '▪']) {
        r
    } else {
        return line;
    };
    // A marker is followed by a space ("1.5 fte" and "-3%" are text).
    if rest.starts_with([' ', '\t']) {
        rest.trim_start()
    } else {
        line
    }
}

impl Composition {
    /// The section of `area`, created (at the end) when missing.
    pub fn section_mut(&mut self, area: &str) -> &mut ComposedSection {
        if let Some(i) = self.sections.iter().position(|s| s.area == area) {
            return &mut self.sections[i];
        }
        self.sections.push(ComposedSection {
            area: area.to_string(),
            ..ComposedSection::default()
        });
        self.sections.last_mut().expect("pushed")
    }

    pub fn section(&self, area: &str) -> Option<&ComposedSection> {
        self.sections.iter().find(|s| s.area == area)
    }
}

impl ComposedSection {
    /// Moves block `i` one place up (`up`) or down; returns its new index.
    pub fn move_block(&mut self, i: usize, up: bool) -> Option<usize> {
        let j = if up { i.checked_sub(1)? } else { i + 1 };
        if j >= self.blocks.len() || i >= self.blocks.len() {
            return None;
        }
        self.blocks.swap(i, j);
        Some(j)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_survive_a_json_round_trip() {
        let mut c = Composition::default();
        let s = c.section_mut("waarom");
        s.question = Some("Wat is het vraagstuk van Zorgpact X?".into());
        s.blocks.push(Block::new(BlockKind::Labelled {
            label: "Governance".into(),
            text: "De focusgroep.".into(),
        }));
        s.blocks.push(Block::new(BlockKind::Drawn {
            source: Source::Notes {
                area: "waarom".into(),
                kinds: vec![NoteKind::Succesfactor],
            },
            lead: None,
            numbered: false,
        }));
        s.blocks.push(Block::new(BlockKind::Drawing {
            what: Drawing::Wheel,
        }));
        let json = serde_json::to_string(&c).unwrap();
        let back: Composition = serde_json::from_str(&json).unwrap();
        assert_eq!(back, c);
    }

    #[test]
    fn moving_stops_at_the_ends() {
        let mut s = ComposedSection::default();
        for t in ["a", "b"] {
            s.blocks
                .push(Block::new(BlockKind::Paragraph { text: t.into() }));
        }
        assert_eq!(s.move_block(0, true), None);
        assert_eq!(s.move_block(0, false), Some(1));
        assert_eq!(s.blocks[1].kind.text(), "a");
        assert_eq!(s.move_block(1, false), None);
    }

    #[test]
    fn a_list_is_edited_one_item_per_line() {
        let mut k = BlockKind::List {
            lead: String::new(),
            items: vec![],
            numbered: false,
        };
        k.set_text("een\n\n twee \n", Some("Voor het vervolg wordt:"));
        assert_eq!(k.text(), "een\ntwee");
        assert_eq!(list_items("- a\n• b"), ["a", "b"]);
        assert_eq!(list_items("1. a\n2. b"), ["a", "b"]);
        // Typed numbers go as bullets do, on every line (README); text stays.
        assert_eq!(
            list_items("1. a\n2) b\n1.5 fte\n-3%\nc"),
            ["a", "b", "1.5 fte", "-3%", "c"]
        );
        assert_eq!(
            list_items("2016. begin\nnog iets"),
            ["2016. begin", "nog iets"]
        );
        assert_eq!(k.label().as_deref(), Some("Voor het vervolg wordt:"));
    }
}
