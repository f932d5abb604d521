//! What the tokenizer passes over without yielding tokens: comments,
//! bogus comments and doctypes, CDATA sections, and the content of raw-text
//! elements up to their end tag (script data with its escaped states).

use super::Tokenizer;

impl Tokenizer<'_> {
    /// Skips past the next `>` (or to the end): bogus comments, doctypes,
    /// `<?…>` and `<![CDATA[…]]>` (which outside SVG/MathML is a bogus
    /// comment in browsers too).
    pub(super) fn skip_past_gt(&mut self, from: usize) {
        self.pos = match self.src[from..].find('>') {
            Some(i) => from + i + 1,
            None => self.src.len(),
        };
    }

    /// Skips a `<!-- … -->` comment, including the `<!-->`, `<!--->` and
    /// `--!>` forms.
    pub(super) fn skip_comment(&mut self) {
        let body = self.pos + 4;
        let rest = &self.src[body..];
        self.pos = if rest.starts_with('>') {
            body + 1
        } else if rest.starts_with("->") {
            body + 2
        } else {
            let a = rest.find("-->").map(|i| i + 3);
            let b = rest.find("--!>").map(|i| i + 4);
            match (a, b) {
                (Some(x), Some(y)) => body + x.min(y),
                (Some(x), None) | (None, Some(x)) => body + x,
                (None, None) => self.src.len(),
            }
        };
    }

    /// True when `</name` or `<name` (per `end`) followed by a tag end
    /// starts at byte `at`.
    fn tag_at(&self, at: usize, name: &str, end: bool) -> bool {
        let b = self.bytes();
        let open = if end { 2 } else { 1 };
        let name_end = at + open + name.len();
        b.get(at) == Some(&b'<')
            && (!end || b.get(at + 1) == Some(&b'/'))
            && b.get(at + open..name_end)
                .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
            && matches!(
                b.get(name_end),
                None | Some(b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>')
            )
    }

    /// Skips script data up to its end tag, with the HTML standard's
    /// escaped states: after `<!--`, a `<script>` opens a "double-escaped"
    /// part in which `</script>` does not end the script (so
    /// `<script><!--<script></script>LEAK</script>` is all script), and
    /// `-->` goes back to plain script data.
    pub(super) fn skip_script(&mut self) {
        #[derive(PartialEq)]
        enum State {
            Data,
            Escaped,
            DoubleEscaped,
        }
        let b = self.bytes();
        let mut state = State::Data;
        let mut i = self.pos;
        while i < b.len() {
            match state {
                State::Data if b[i..].starts_with(b"<!--") => {
                    state = State::Escaped;
                    // `<!--` may share its dashes with `-->`: `<!-->`.
                    i += 2;
                    continue;
                }
                State::Data | State::Escaped if self.tag_at(i, "script", true) => {
                    self.pos = i;
                    return;
                }
                State::Escaped if self.tag_at(i, "script", false) => {
                    state = State::DoubleEscaped;
                }
                State::DoubleEscaped if self.tag_at(i, "script", true) => {
                    state = State::Escaped;
                }
                State::Escaped | State::DoubleEscaped if b[i..].starts_with(b"-->") => {
                    state = State::Data;
                    i += 3;
                    continue;
                }
                _ => {}
            }
            i += 1;
        }
        self.pos = b.len();
    }

    /// Skips a CDATA section: its text is inside SVG or MathML, so never
    /// shown.
    pub(super) fn skip_cdata(&mut self) {
        let body = self.pos + 9;
        self.pos = match self.src[body..].find("]]>") {
            Some(i) => body + i + 3,
            None => self.src.len(),
        };
    }

    /// Skips raw text up to (not including) `</name` followed by a tag end.
    pub(super) fn skip_raw(&mut self, name: &str) {
        let b = self.bytes();
        let mut i = self.pos;
        while let Some(off) = self.src[i..].find("</") {
            let at = i + off;
            let name_end = at + 2 + name.len();
            let matches = b
                .get(at + 2..name_end)
                .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()));
            if matches
                && matches!(
                    b.get(name_end),
                    None | Some(b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>')
                )
            {
                self.pos = at;
                return;
            }
            i = at + 2;
        }
        self.pos = self.src.len();
    }
}
