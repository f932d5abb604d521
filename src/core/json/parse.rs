//! The parser: RFC 8259 text to a [`Value`], with a nesting limit and
//! errors that say where.

use super::value::{Map, Number, Value};

/// How deeply arrays and objects may nest (serde_json's limit too).
pub const MAX_DEPTH: usize = 128;

/// Why a text is not JSON, and where (1-based line and column, in
/// characters).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// What is wrong, e.g. "expected value".
    pub detail: &'static str,
    /// The line of the offending character.
    pub line: usize,
    /// The column of the offending character.
    pub column: usize,
}

/// Parses `text` as one JSON value (surrounding whitespace allowed).
pub fn from_str(text: &str) -> Result<Value, Error> {
    let mut p = Parser {
        s: text.as_bytes(),
        i: 0,
    };
    let v = p.value(MAX_DEPTH).map_err(|d| p.error(d))?;
    p.skip_ws();
    if p.i < p.s.len() {
        return Err(p.error("trailing characters"));
    }
    Ok(v)
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

type Parsed<T> = Result<T, &'static str>;

impl Parser<'_> {
    /// An error at the current byte (or the end of input).
    fn error(&self, detail: &'static str) -> Error {
        let end = self.i.min(self.s.len());
        let before = &self.s[..end];
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |n| n + 1);
        // Columns count characters (a Chinese character is one column):
        // every byte that does not continue a UTF-8 sequence starts one.
        let chars = before[line_start..]
            .iter()
            .filter(|&&b| b & 0xC0 != 0x80)
            .count();
        Error {
            detail,
            line: before.iter().filter(|&&b| b == b'\n').count() + 1,
            column: chars + 1,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Parsed<Value> {
        self.skip_ws();
        match self.peek() {
            None => Err("EOF while parsing a value"),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'"') => self.string().map(Value::String),
            Some(b'[') => self.array(depth),
            Some(b'{') => self.object(depth),
            Some(b'-' | b'0'..=b'9') => self.number().map(Value::Number),
            Some(_) => Err("expected value"),
        }
    }

    fn literal(&mut self, word: &str, v: Value) -> Parsed<Value> {
        for &b in word.as_bytes() {
            match self.peek() {
                None => return Err("EOF while parsing a value"),
                Some(c) if c == b => self.i += 1,
                Some(_) => return Err("expected value"),
            }
        }
        Ok(v)
    }

    fn nest(depth: usize) -> Parsed<usize> {
        depth
            .checked_sub(1)
            .filter(|&d| d > 0)
            .ok_or("recursion limit exceeded")
    }

    fn array(&mut self, depth: usize) -> Parsed<Value> {
        let depth = Self::nest(depth)?;
        self.i += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.i += 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value(depth)?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    return Ok(Value::Array(items));
                }
                Some(_) => return Err("expected `,` or `]`"),
                None => return Err("EOF while parsing a list"),
            }
            self.skip_ws();
            if self.peek() == Some(b']') {
                return Err("trailing comma");
            }
        }
    }

    fn object(&mut self, depth: usize) -> Parsed<Value> {
        let depth = Self::nest(depth)?;
        self.i += 1;
        let mut members = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.i += 1;
            return Ok(Value::Object(Map(members)));
        }
        loop {
            self.skip_ws();
            match self.peek() {
                Some(b'"') => {}
                Some(b'}') => return Err("trailing comma"),
                Some(_) => return Err("key must be a string"),
                None => return Err("EOF while parsing an object"),
            }
            let key = self.string()?;
            self.skip_ws();
            match self.peek() {
                Some(b':') => self.i += 1,
                Some(_) => return Err("expected `:`"),
                None => return Err("EOF while parsing an object"),
            }
            members.push((key, self.value(depth)?));
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    return Ok(Value::Object(Map(members)));
                }
                Some(_) => return Err("expected `,` or `}`"),
                None => return Err("EOF while parsing an object"),
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.i += 1;
        }
        self.i - start
    }

    fn number(&mut self) -> Parsed<Number> {
        let start = self.i;
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.i += 1;
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    return Err("invalid number");
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err("invalid number"),
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if self.digits() == 0 {
                return Err("invalid number");
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if self.digits() == 0 {
                return Err("invalid number");
            }
        }
        // Only ASCII was consumed, so this slice is valid UTF-8.
        let text = String::from_utf8_lossy(&self.s[start..self.i]).into_owned();
        Ok(Number(text))
    }

    /// A string starting at the opening quote. The input is a `&str`, so
    /// the bytes between escapes are valid UTF-8 and copied as they are.
    fn string(&mut self) -> Parsed<String> {
        self.i += 1;
        let mut out = Vec::new();
        loop {
            let run = self.i;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.i += 1;
            }
            out.extend_from_slice(&self.s[run..self.i]);
            match self.peek() {
                None => return Err("EOF while parsing a string"),
                Some(b'"') => {
                    self.i += 1;
                    // Escapes only ever add whole characters.
                    return Ok(String::from_utf8(out).unwrap_or_default());
                }
                Some(b'\\') => {
                    self.i += 1;
                    let c = self.escape()?;
                    out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                }
                Some(_) => {
                    return Err("control character (\\u0000-\\u001F) found while parsing a string")
                }
            }
        }
    }

    /// The character of the escape after a backslash.
    fn escape(&mut self) -> Parsed<char> {
        let c = match self.peek() {
            None => return Err("EOF while parsing a string"),
            Some(b'u') => {
                self.i += 1;
                return self.unicode_escape();
            }
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(_) => return Err("invalid escape"),
        };
        self.i += 1;
        Ok(c)
    }

    /// `\uXXXX` (after the `u`), joining a surrogate pair when one follows.
    fn unicode_escape(&mut self) -> Parsed<char> {
        let first = self.hex4()?;
        if !(0xD800..0xDC00).contains(&first) {
            // A BMP character, or a lone trailing surrogate.
            return Ok(char::from_u32(first).unwrap_or(char::REPLACEMENT_CHARACTER));
        }
        if self.s[self.i..].starts_with(b"\\u") {
            let save = self.i;
            self.i += 2;
            let second = self.hex4()?;
            if (0xDC00..0xE000).contains(&second) {
                let c = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                return Ok(char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER));
            }
            // Not a pair: the second escape is read on its own next.
            self.i = save;
        }
        Ok(char::REPLACEMENT_CHARACTER)
    }

    fn hex4(&mut self) -> Parsed<u32> {
        let mut n = 0;
        for _ in 0..4 {
            let d = match self.peek() {
                None => return Err("EOF while parsing a string"),
                Some(b) => (b as char).to_digit(16).ok_or("invalid escape")?,
            };
            n = n * 16 + d;
            self.i += 1;
        }
        Ok(n)
    }
}
