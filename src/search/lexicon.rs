//! Front coding: a sorted list of words stored as "how many letters are shared with the word
//! before" plus the rest, so "дневен дневна дневни" becomes "0дневен 4на 5и".
//!
//! The shared length is one base-36 digit (0–9, a–z), so at most 35 letters are shared; words
//! are separated by a space (a term never holds one). `decode` in `search.js` reverses it.

/// The most letters one word may share with the one before (one base-36 digit).
const MAX_SHARED: usize = 35;

/// Front-codes `words`, which must be sorted and free of spaces.
pub fn encode<S: AsRef<str>>(words: &[S]) -> String {
    let mut out = String::new();
    let mut previous: Vec<char> = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let chars: Vec<char> = word.as_ref().chars().collect();
        let shared = previous
            .iter()
            .zip(&chars)
            .take_while(|(a, b)| a == b)
            .count()
            .min(MAX_SHARED);
        if i > 0 {
            out.push(' ');
        }
        // `shared` is at most 35, so it is one base-36 digit.
        out.push(char::from_digit(shared as u32, 36).unwrap_or('0'));
        out.extend(&chars[shared..]);
        previous = chars;
    }
    out
}

/// Reverses [`encode`] (used by tests; the search page has its own copy).
pub fn decode(coded: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    if coded.is_empty() {
        return words;
    }
    for entry in coded.split(' ') {
        let mut chars = entry.chars();
        let shared = chars.next().and_then(|c| c.to_digit(36)).unwrap_or(0) as usize;
        let mut word: String = words
            .last()
            .map(|w| w.chars().take(shared).collect())
            .unwrap_or_default();
        word.extend(chars);
        words.push(word);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let words = ["2020", "дневен", "дневна", "дневни", "център", "центъра"];
        let coded = encode(&words);
        assert_eq!(coded, "02020 0дневен 4на 5и 0център 6а");
        assert_eq!(decode(&coded), words);
        assert!(decode("").is_empty());
        let long = ["a".repeat(40), format!("{}b", "a".repeat(39))];
        assert_eq!(decode(&encode(&long)), long);
    }
}
