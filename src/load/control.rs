//! Control characters: the invisible ones content may not hold.
//!
//! They come in by pasting from other programs or by TOML escapes (`"\u001b"`), are invisible
//! in an editor, and break what is made of the text: XML forbids them (the feeds would not
//! parse), HTML shows them as boxes or not at all, a spreadsheet or a terminal may act on them.
//! Tab and line feed are text; carriage return is allowed only as part of a CRLF line end.

/// Is `c` a control character that content may not hold (tab, line feed and carriage return
/// aside, which [`find`] judges by their place)?
pub fn is_forbidden(c: char) -> bool {
    matches!(
        c,
        '\u{0}'..='\u{8}'
            | '\u{b}'
            | '\u{c}'
            | '\u{e}'..='\u{1f}'
            | '\u{7f}'
            | '\u{fffe}'
            | '\u{ffff}'
    )
}

/// The byte offset and character of each forbidden control character in `text`, in order
/// (a carriage return is forbidden unless a line feed follows it).
pub fn find(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = text.as_bytes();
    text.char_indices().filter(move |&(i, c)| match c {
        '\r' => bytes.get(i + 1) != Some(&b'\n'),
        c => is_forbidden(c),
    })
}

/// How a control character is named in messages: `U+001B`.
pub fn name(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_characters_pass_and_control_characters_are_found() {
        assert_eq!(find("ред\tтекст\r\nнов ред\n").count(), 0);
        let found: Vec<_> = find("a\u{0}b\u{1b}[0m\rc\u{7f}\u{feff}\u{ffff}").collect();
        assert_eq!(
            found,
            [
                (1, '\u{0}'),
                (3, '\u{1b}'),
                (7, '\r'),
                (9, '\u{7f}'),
                (13, '\u{ffff}')
            ]
        );
        assert_eq!(name('\u{1b}'), "U+001B");
    }
}
