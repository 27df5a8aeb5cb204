//! The report handed to a template with every string already in the template's
//! language: a serde `Serializer` adapter that converts each string as it passes, so the
//! report is serialised once, straight into the template's values (no intermediate JSON
//! copy of the whole report).
//!
//! Markdown: user text escaped, its inline markup kept ([`super::inline::to_markdown`]).
//! HTML: text with markup becomes safe HTML ([`super::inline::to_html`]); all other text
//! stays plain and is escaped by the template as before. Map keys (ids) are left alone.
//!
//! Titles (the fields in [`TITLES`]: the pact's name, a section's heading) are one line
//! whatever was typed: their line breaks become spaces, so `# Volgspot 2: {{ r.pact }}`
//! stays one heading.

use minijinja::value::Value;
use serde::ser::{
    Serialize, SerializeMap, SerializeSeq, SerializeStruct, SerializeStructVariant, SerializeTuple,
    SerializeTupleStruct, SerializeTupleVariant, Serializer,
};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Target {
    Markdown,
    Html,
}

/// `value` as a template value, its strings converted for `target`.
pub fn to_value<T: Serialize + ?Sized>(value: &T, target: Target) -> Value {
    Value::from(minijinja::value::Serde(Converted(value, target, false)))
}

/// Struct fields that the templates use as a title or heading: one line each.
pub const TITLES: &[&str] = &["pact", "heading"];

/// Text as one line: every run of line breaks (and the spaces around them) one space.
pub fn one_line(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(['\n', '\r', '\u{2028}', '\u{2029}', '\u{85}']) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.split(['\n', '\r', '\u{2028}', '\u{2029}', '\u{85}'])
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" "),
    )
}

struct Converted<'a, T: ?Sized>(&'a T, Target, bool);

impl<T: Serialize + ?Sized> Serialize for Converted<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(Conv {
            inner: serializer,
            target: self.1,
            one_line: self.2,
        })
    }
}

struct Conv<S> {
    inner: S,
    target: Target,
    /// A title: its strings become one line.
    one_line: bool,
}

impl<S> Conv<S> {
    fn wrap<'a, T: ?Sized>(&self, v: &'a T) -> Converted<'a, T> {
        Converted(v, self.target, self.one_line)
    }
    fn wrap_field<'a, T: ?Sized>(&self, key: &str, v: &'a T) -> Converted<'a, T> {
        Converted(v, self.target, self.one_line || TITLES.contains(&key))
    }
}

/// The compound serializers: the inner one, wrapped so its parts are converted too.
macro_rules! compound {
    ($($name:ident($($arg:ident: $t:ty),*) -> $out:ident),* $(,)?) => {
        $(fn $name(self, $($arg: $t),*) -> Result<Self::$out, S::Error> {
            Ok(Conv {
                inner: self.inner.$name($($arg),*)?,
                target: self.target,
                one_line: self.one_line,
            })
        })*
    };
}

macro_rules! forward {
    ($($name:ident($t:ty)),* $(,)?) => {
        $(fn $name(self, v: $t) -> Result<S::Ok, S::Error> {
            self.inner.$name(v)
        })*
    };
}

impl<S: Serializer> Serializer for Conv<S> {
    type Ok = S::Ok;
    type Error = S::Error;
    type SerializeSeq = Conv<S::SerializeSeq>;
    type SerializeTuple = Conv<S::SerializeTuple>;
    type SerializeTupleStruct = Conv<S::SerializeTupleStruct>;
    type SerializeTupleVariant = Conv<S::SerializeTupleVariant>;
    type SerializeMap = Conv<S::SerializeMap>;
    type SerializeStruct = Conv<S::SerializeStruct>;
    type SerializeStructVariant = Conv<S::SerializeStructVariant>;

    forward!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_i128(i128),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_u128(u128),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_bytes(&[u8]),
        serialize_unit_struct(&'static str),
    );

    fn serialize_str(self, v: &str) -> Result<S::Ok, S::Error> {
        let v: &str = &if self.one_line {
            one_line(v)
        } else {
            std::borrow::Cow::Borrowed(v)
        };
        match self.target {
            Target::Markdown => self.inner.serialize_str(&super::inline::to_markdown(v)),
            Target::Html => match super::inline::to_html(v) {
                // Kept as a safe string: minijinja carries a `Value` through serde.
                Ok(html) => Value::from_safe_string(html).serialize(self.inner),
                Err(plain) => self.inner.serialize_str(&plain),
            },
        }
    }
    fn serialize_none(self) -> Result<S::Ok, S::Error> {
        self.inner.serialize_none()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<S::Ok, S::Error> {
        let v = self.wrap(v);
        self.inner.serialize_some(&v)
    }
    fn serialize_unit(self) -> Result<S::Ok, S::Error> {
        self.inner.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
    ) -> Result<S::Ok, S::Error> {
        self.inner.serialize_unit_variant(name, index, variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        v: &T,
    ) -> Result<S::Ok, S::Error> {
        let v = self.wrap(v);
        self.inner.serialize_newtype_struct(name, &v)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        v: &T,
    ) -> Result<S::Ok, S::Error> {
        let v = self.wrap(v);
        self.inner
            .serialize_newtype_variant(name, index, variant, &v)
    }
    compound!(
        serialize_seq(len: Option<usize>) -> SerializeSeq,
        serialize_tuple(len: usize) -> SerializeTuple,
        serialize_tuple_struct(name: &'static str, len: usize) -> SerializeTupleStruct,
        serialize_tuple_variant(name: &'static str, index: u32, variant: &'static str, len: usize)
            -> SerializeTupleVariant,
        serialize_map(len: Option<usize>) -> SerializeMap,
        serialize_struct(name: &'static str, len: usize) -> SerializeStruct,
        serialize_struct_variant(name: &'static str, index: u32, variant: &'static str, len: usize)
            -> SerializeStructVariant,
    );
    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

/// The sequence-like serializers: each element is wrapped, then handed on.
macro_rules! forward_elements {
    ($($trait:ident :: $method:ident),*) => {$(
        impl<S: $trait> $trait for Conv<S> {
            type Ok = S::Ok;
            type Error = S::Error;
            fn $method<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), S::Error> {
                let v = self.wrap(v);
                self.inner.$method(&v)
            }
            fn end(self) -> Result<S::Ok, S::Error> {
                self.inner.end()
            }
        }
    )*};
}

forward_elements!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl<S: SerializeMap> SerializeMap for Conv<S> {
    type Ok = S::Ok;
    type Error = S::Error;
    /// Keys are ids (places, kinds): passed on as they are.
    fn serialize_key<T: Serialize + ?Sized>(&mut self, k: &T) -> Result<(), S::Error> {
        self.inner.serialize_key(k)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), S::Error> {
        let v = self.wrap(v);
        self.inner.serialize_value(&v)
    }
    fn end(self) -> Result<S::Ok, S::Error> {
        self.inner.end()
    }
}

/// The struct-like serializers: each field is wrapped by its name, then handed on.
macro_rules! forward_fields {
    ($($trait:ident),*) => {$(
        impl<S: $trait> $trait for Conv<S> {
            type Ok = S::Ok;
            type Error = S::Error;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                v: &T,
            ) -> Result<(), S::Error> {
                let v = self.wrap_field(key, v);
                self.inner.serialize_field(key, &v)
            }
            fn skip_field(&mut self, key: &'static str) -> Result<(), S::Error> {
                self.inner.skip_field(key)
            }
            fn end(self) -> Result<S::Ok, S::Error> {
                self.inner.end()
            }
        }
    )*};
}

forward_fields!(SerializeStruct, SerializeStructVariant);

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Serialize)]
    struct Demo {
        plain: String,
        marked: String,
        list: Vec<String>,
        opt: Option<String>,
        map: std::collections::BTreeMap<String, String>,
    }

    #[test]
    fn every_string_is_converted_and_keys_are_not() {
        let d = Demo {
            plain: "a & b".into(),
            marked: "**vet** <x>".into(),
            list: vec!["# kop".into()],
            opt: Some("_x_".into()),
            map: [("k_*".to_string(), "*v*".to_string())].into(),
        };
        let md = to_value(&d, Target::Markdown);
        assert_eq!(md.get_attr("plain").unwrap().to_string(), "a \\& b");
        assert_eq!(
            md.get_attr("marked").unwrap().to_string(),
            "**vet** \\<x\\>"
        );
        assert_eq!(
            md.get_attr("list")
                .unwrap()
                .get_item_by_index(0)
                .unwrap()
                .to_string(),
            "\\# kop"
        );
        assert_eq!(md.get_attr("opt").unwrap().to_string(), "*x*");
        let map = md.get_attr("map").unwrap();
        assert_eq!(
            map.get_item(&Value::from("k_*")).unwrap().to_string(),
            "*v*"
        );

        let html = to_value(&d, Target::Html);
        let plain = html.get_attr("plain").unwrap();
        assert!(!plain.is_safe());
        assert_eq!(plain.to_string(), "a & b");
        let marked = html.get_attr("marked").unwrap();
        assert!(marked.is_safe());
        assert_eq!(marked.to_string(), "<strong>vet</strong> &lt;x&gt;");
    }
}
