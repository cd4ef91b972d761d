//! HSDS records straight into table rows: a serde serializer that walks a record (a service
//! with everything nested in it) and hands [`Tables`] each record's id and cells, without
//! first building the record as a JSON tree.
//!
//! It gives the rows that serialising to a `serde_json::Value` and walking that tree gives
//! (a test holds the two to the same tables): a record is a struct; its cells are its scalar
//! fields, written as in JSON (absent and `null` are empty); a field named like a table
//! (`locations`, `taxonomy_term`, …) holds records of that table, alone, in a sequence or
//! in an option.

use serde::Serialize;
use serde::ser;

use super::tabular::{Tables, table_of};

type Error = serde_json::Error;

/// Serializer methods for scalars, each returning `convert(value)`.
macro_rules! scalars {
    ($ok:ty, $convert:expr; $($method:ident: $type:ty),* $(,)?) => {
        $(fn $method(self, value: $type) -> Result<$ok, Error> {
            let convert: fn($type) -> $ok = $convert;
            Ok(convert(value))
        })*
    };
}

/// Serialises records of `table`: a struct is one, a sequence or option holds some, anything
/// else holds none.
pub struct Records<'t> {
    pub tables: &'t mut Tables,
    pub table: &'static str,
}

/// One record being serialised: its id, its cells by column, or `skip` once its id shows
/// that it is already in its table (then so is everything nested in it).
pub struct Record<'t> {
    tables: &'t mut Tables,
    table: &'static str,
    id: String,
    cells: Vec<String>,
    skip: bool,
}

impl<'t> ser::Serializer for Records<'t> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Ignore<()>;
    type SerializeTupleVariant = Ignore<()>;
    type SerializeMap = Ignore<()>;
    type SerializeStruct = Record<'t>;
    type SerializeStructVariant = Ignore<()>;

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Record<'t>, Error> {
        // A table HSDS does not have is not written, nor anything nested in its records.
        let columns = self.tables.column_count(self.table);
        Ok(Record {
            tables: self.tables,
            table: self.table,
            id: String::new(),
            cells: vec![String::new(); columns.unwrap_or_default()],
            skip: columns.is_none(),
        })
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self, Error> {
        Ok(self)
    }

    fn serialize_tuple(self, _: usize) -> Result<Self, Error> {
        Ok(self)
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Ignore<()>, Error> {
        Err(ser::Error::custom("HSDS records are structs, not maps"))
    }

    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Ignore<()>, Error> {
        Ok(Ignore::default())
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Ignore<()>, Error> {
        Ok(Ignore::default())
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Ignore<()>, Error> {
        Ok(Ignore::default())
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Error> {
        Ok(())
    }

    // A scalar where records may be holds none.
    scalars!((), |_| (); serialize_bool: bool, serialize_i8: i8, serialize_i16: i16,
        serialize_i32: i32, serialize_i64: i64, serialize_u8: u8, serialize_u16: u16,
        serialize_u32: u32, serialize_u64: u64, serialize_f32: f32, serialize_f64: f64,
        serialize_char: char, serialize_str: &str, serialize_bytes: &[u8]);

    fn serialize_none(self) -> Result<(), Error> {
        Ok(())
    }
    fn serialize_unit(self) -> Result<(), Error> {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<(), Error> {
        Ok(())
    }
}

impl ser::SerializeSeq for Records<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(Records {
            tables: &mut *self.tables,
            table: self.table,
        })
    }

    fn end(self) -> Result<(), Error> {
        Ok(())
    }
}

impl ser::SerializeTuple for Records<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }

    fn end(self) -> Result<(), Error> {
        Ok(())
    }
}

impl ser::SerializeStruct for Record<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        if self.skip {
            return Ok(());
        }
        let column = self.tables.column_index(self.table, key);
        if key == "id" {
            self.id = value.serialize(Cell)?;
            if self.tables.has_row(self.table, &self.id) {
                self.skip = true;
                return Ok(());
            }
            if let Some(column) = column {
                self.cells[column] = self.id.clone();
            }
        } else if let Some(column) = column {
            self.cells[column] = value.serialize(Cell)?;
        }
        if let Some(inner) = table_of(key) {
            value.serialize(Records {
                tables: &mut *self.tables,
                table: inner,
            })?;
        }
        Ok(())
    }

    fn end(self) -> Result<(), Error> {
        if !self.skip {
            self.tables.insert_row(self.table, self.id, self.cells);
        }
        Ok(())
    }
}

/// Serialises a value as a CSV cell: text as it is, numbers and booleans as JSON writes them,
/// anything else (absent, `null`, a record or a list) empty.
struct Cell;

/// Numbers as a `serde_json::Value` would write them.
fn number(value: impl Into<serde_json::Value>) -> String {
    match value.into() {
        serde_json::Value::Number(n) => n.to_string(),
        _ => String::new(),
    }
}

impl ser::Serializer for Cell {
    type Ok = String;
    type Error = Error;
    type SerializeSeq = Ignore<String>;
    type SerializeTuple = Ignore<String>;
    type SerializeTupleStruct = Ignore<String>;
    type SerializeTupleVariant = Ignore<String>;
    type SerializeMap = Ignore<String>;
    type SerializeStruct = Ignore<String>;
    type SerializeStructVariant = Ignore<String>;

    fn serialize_str(self, v: &str) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_char(self, v: char) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_bool(self, v: bool) -> Result<String, Error> {
        Ok(v.to_string())
    }
    scalars!(String, number; serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_f32: f32, serialize_f64: f64);
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<String, Error> {
        value.serialize(self)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<String, Error> {
        value.serialize(self)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<String, Error> {
        Ok(variant.to_string())
    }
    fn serialize_none(self) -> Result<String, Error> {
        Ok(String::new())
    }
    fn serialize_unit(self) -> Result<String, Error> {
        Ok(String::new())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<String, Error> {
        Ok(String::new())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<String, Error> {
        Ok(String::new())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<String, Error> {
        Ok(String::new())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Ignore<String>, Error> {
        Ok(Ignore::default())
    }
    fn serialize_tuple(self, _: usize) -> Result<Ignore<String>, Error> {
        Ok(Ignore::default())
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Ignore<String>, Error> {
        Ok(Ignore::default())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Ignore<String>, Error> {
        Ok(Ignore::default())
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Ignore<String>, Error> {
        Ok(Ignore::default())
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Ignore<String>, Error> {
        Ok(Ignore::default())
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Ignore<String>, Error> {
        Ok(Ignore::default())
    }
}

/// A compound value that is not looked into: it ends as `T::default()`.
pub struct Ignore<T>(std::marker::PhantomData<T>);

impl<T> Default for Ignore<T> {
    fn default() -> Self {
        Ignore(std::marker::PhantomData)
    }
}

macro_rules! ignore {
    ($trait:ident, $method:ident $(, $key:ident : $key_type:ty)?) => {
        impl<T: Default> ser::$trait for Ignore<T> {
            type Ok = T;
            type Error = Error;

            fn $method<V: Serialize + ?Sized>(
                &mut self,
                $($key: $key_type,)?
                _: &V,
            ) -> Result<(), Error> {
                Ok(())
            }

            fn end(self) -> Result<T, Error> {
                Ok(T::default())
            }
        }
    };
}

ignore!(SerializeSeq, serialize_element);
ignore!(SerializeTuple, serialize_element);
ignore!(SerializeTupleStruct, serialize_field);
ignore!(SerializeTupleVariant, serialize_field);
ignore!(SerializeStruct, serialize_field, _key: &'static str);
ignore!(SerializeStructVariant, serialize_field, _key: &'static str);

impl<T: Default> ser::SerializeMap for Ignore<T> {
    type Ok = T;
    type Error = Error;

    fn serialize_key<K: Serialize + ?Sized>(&mut self, _: &K) -> Result<(), Error> {
        Ok(())
    }

    fn serialize_value<V: Serialize + ?Sized>(&mut self, _: &V) -> Result<(), Error> {
        Ok(())
    }

    fn end(self) -> Result<T, Error> {
        Ok(T::default())
    }
}
