//! Reading internally tagged enums (`{"kind": "split", …its fields}`) without serde's buffering.
//!
//! To find the tag wherever it is in an object, serde's derived `Deserialize` first reads the
//! whole object into a tree of its own and then reads each variant from that tree: in the app's
//! wasm that is about 40 KB before compression, for the two enums that notebooks use (cells and
//! models). Every writer of Latih's JSON (serde's derived `Serialize`) puts the tag first, so
//! here the tag is read first and the rest of the object goes straight to the variant's own
//! `Deserialize`. An object whose first key is not the tag is refused with a message saying so.

use serde::de::value::MapAccessDeserializer;
use serde::de::{Error, MapAccess, Visitor};
use serde::Deserializer;
use std::fmt;
use std::marker::PhantomData;

/// An internally tagged enum, read by [`deserialize`].
pub(crate) trait Tagged: Sized {
    /// The tag's key, e.g. `"kind"`.
    const TAG: &'static str;
    /// The tag values, for the error on an unknown one.
    const VARIANTS: &'static [&'static str];
    /// The variant named `name`, from the object's remaining fields.
    fn variant<'de, A: MapAccess<'de>>(
        name: &str,
        fields: MapAccessDeserializer<A>,
    ) -> Result<Self, A::Error>;
}

pub(crate) fn deserialize<'de, D: Deserializer<'de>, T: Tagged>(
    deserializer: D,
) -> Result<T, D::Error> {
    deserializer.deserialize_map(TagFirst(PhantomData))
}

struct TagFirst<T>(PhantomData<T>);

impl<'de, T: Tagged> Visitor<'de> for TagFirst<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "an object whose first key is \"{}\"", T::TAG)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let key: Option<String> = map.next_key()?;
        if key.as_deref() != Some(T::TAG) {
            return Err(A::Error::custom(format_args!(
                "expected \"{}\" as the first key of the object",
                T::TAG
            )));
        }
        let name: String = map.next_value()?;
        if !T::VARIANTS.contains(&name.as_str()) {
            return Err(A::Error::unknown_variant(&name, T::VARIANTS));
        }
        T::variant(&name, MapAccessDeserializer::new(map))
    }
}

/// Declares an internally tagged enum of one-field variants (`Variant(Type) = "tag"`) with its
/// [`Tagged`] reading: the tags serde writes and the tags read come from one list, so they cannot
/// fall out of step, and an unknown tag is refused (never read as some other variant).
macro_rules! tagged_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident by $tag:literal {
            $(
                $(#[doc = $doc:literal])*
                $variant:ident($ty:ty) = $value:literal,
            )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, serde::Serialize)]
        #[serde(tag = $tag)]
        pub enum $name {
            $(
                $(#[doc = $doc])*
                #[serde(rename = $value)]
                $variant($ty),
            )*
        }

        impl $crate::tagged::Tagged for $name {
            const TAG: &'static str = $tag;
            const VARIANTS: &'static [&'static str] = &[$($value),*];

            fn variant<'de, A: serde::de::MapAccess<'de>>(
                name: &str,
                fields: serde::de::value::MapAccessDeserializer<A>,
            ) -> Result<Self, A::Error> {
                match name {
                    $($value => Ok($name::$variant(serde::Deserialize::deserialize(fields)?)),)*
                    _ => Err(serde::de::Error::unknown_variant(name, Self::VARIANTS)),
                }
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::tagged::deserialize(deserializer)
            }
        }
    };
}

pub(crate) use tagged_enum;
