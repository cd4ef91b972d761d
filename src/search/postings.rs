//! The inverted index: for each term, the documents it occurs in and how much it says there.
//!
//! Scores are mostly computed here, at build time. A posting carries a quantised BM25
//! "impact": the term frequency saturated and length-normalised per field, summed with the
//! fields' boosts (a word in the title outweighs the same word repeated in the body), times a
//! small prior by page kind. The search page only multiplies impacts by the words' IDF.

use rustc_hash::FxHashMap;

use super::docs::{Document, Field};
use super::text::for_each_token;

/// BM25 saturation: how fast repeated matches stop adding to the score.
pub const K1: f64 = 2.0;
/// BM25 length normalisation: how much long pages are held back.
pub const B: f64 = 0.75;
/// Impacts are stored as 1 to `IMPACT_LEVELS - 1`, on a square-root scale (finer for the many
/// weak matches): the page turns level `q` back into `(q / (IMPACT_LEVELS - 1))²`.
pub const IMPACT_LEVELS: u32 = 64;

/// Terms and their postings, in term order.
pub struct Inverted {
    /// Every term, sorted.
    pub terms: Vec<String>,
    /// For each term, its postings packed one number each: `docDelta × IMPACT_LEVELS +
    /// impact`, where `docDelta` is the document number minus the previous one in the list.
    pub postings: Vec<Vec<u64>>,
}

const FIELDS: usize = Field::ALL.len();

/// The documents a term occurs in, in increasing order, with its frequency in each field.
type Occurrences = Vec<(usize, [u32; FIELDS])>;

/// Inverts `docs` (document numbers are positions in the slice).
pub fn invert(docs: &[Document]) -> Inverted {
    // term → where it occurs
    let mut tf: FxHashMap<String, Occurrences> = FxHashMap::default();
    let mut buffer = String::new();
    // doc → field → length in words (0 where the field has none)
    let mut lengths: Vec<[f64; FIELDS]> = Vec::with_capacity(docs.len());
    for (d, doc) in docs.iter().enumerate() {
        let mut doc_lengths = [0.0; FIELDS];
        for (field, text) in &doc.fields {
            let f = *field as usize;
            for_each_token(text, &mut buffer, |token| {
                doc_lengths[f] += 1.0;
                // Most tokens were seen before: look up by `&str`, allocate only for new ones.
                let list = match tf.get_mut(token) {
                    Some(list) => list,
                    None => tf.entry(token.to_string()).or_default(),
                };
                if list.last().is_none_or(|(last, _)| *last != d) {
                    list.push((d, [0; FIELDS]));
                }
                if let Some((_, counts)) = list.last_mut() {
                    counts[f] += 1;
                }
            });
        }
        lengths.push(doc_lengths);
    }
    // field → (total length, documents having it)
    let mut totals = [(0.0, 0.0); FIELDS];
    for doc_lengths in &lengths {
        for (total, &length) in totals.iter_mut().zip(doc_lengths) {
            if length > 0.0 {
                total.0 += length;
                total.1 += 1.0;
            }
        }
    }
    let impact = |d: usize, counts: &[u32; FIELDS]| -> f64 {
        let sum: f64 = Field::ALL
            .iter()
            .zip(counts)
            .filter(|(_, count)| **count > 0)
            .map(|(field, &count)| {
                let f = *field as usize;
                let tf = f64::from(count);
                let (total, n) = totals[f];
                let length = lengths[d][f];
                let norm = 1.0 - B + B * length / (total / n).max(1.0);
                f64::from(field.boost()) * tf * (K1 + 1.0) / (tf + K1 * norm)
            })
            .sum();
        sum * docs[d].kind.prior()
    };
    let mut tf: Vec<(String, Occurrences)> = tf.into_iter().collect();
    tf.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let max = tf
        .iter()
        .flat_map(|(_, by_doc)| by_doc.iter().map(|(d, counts)| impact(*d, counts)))
        .fold(f64::MIN_POSITIVE, f64::max);
    let mut terms = Vec::with_capacity(tf.len());
    let mut postings = Vec::with_capacity(tf.len());
    for (term, by_doc) in tf {
        let mut list = Vec::with_capacity(by_doc.len() * 2);
        let mut previous = 0;
        for (d, fields) in &by_doc {
            let top = f64::from(IMPACT_LEVELS - 1);
            let level = ((impact(*d, fields) / max).sqrt() * top)
                .round()
                .clamp(1.0, top);
            list.push((d - previous) as u64 * u64::from(IMPACT_LEVELS) + level as u64);
            previous = *d;
        }
        terms.push(term);
        postings.push(list);
    }
    Inverted { terms, postings }
}

/// One term's postings as the index ships them: a list short enough to load with the
/// lexicon's neighbours, and for a long list the rest in a file of its own.
#[derive(Debug, PartialEq)]
pub enum Split {
    /// At most [`TOP`] postings: all of them, packed as in [`Inverted::postings`].
    Whole(Vec<u64>),
    /// More than [`TOP`] postings.
    Long {
        /// The [`TOP`] strongest postings (by impact, then document number), in document
        /// order, packed.
        top: Vec<u64>,
        /// The others, in document order, packed.
        tail: Vec<u64>,
        /// The number of postings (the document frequency).
        df: usize,
        /// The weakest impact in `top`: no posting of `tail` is stronger…
        min_level: u64,
        /// …and those of the same impact are of documents after this one.
        last_doc: u64,
    },
}

/// How many postings of a long list are shipped before its tail: enough for the first page of
/// results of a one-word query in most cases, few enough that a common word costs little.
pub const TOP: usize = 64;

/// Splits a packed list (see [`Inverted::postings`]) into its strongest [`TOP`] postings and
/// the rest, so that a one-word query can show its first results before the rest is loaded.
pub fn split(list: &[u64]) -> Split {
    if list.len() <= TOP {
        return Split::Whole(list.to_vec());
    }
    let levels = u64::from(IMPACT_LEVELS);
    let mut doc = 0;
    let mut unpacked: Vec<(u64, u64)> = list
        .iter()
        .map(|n| {
            doc += n / levels;
            (doc, n % levels)
        })
        .collect();
    // Strongest first; among equals, the earlier document (the page's order for equal scores).
    unpacked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let (min_level, last_doc) = (unpacked[TOP - 1].1, unpacked[TOP - 1].0);
    let pack = |mut part: Vec<(u64, u64)>| -> Vec<u64> {
        part.sort_unstable();
        let mut previous = 0;
        part.into_iter()
            .map(|(d, level)| {
                let delta = d - previous;
                previous = d;
                delta * levels + level
            })
            .collect()
    };
    let tail = unpacked.split_off(TOP);
    Split::Long {
        top: pack(unpacked),
        tail: pack(tail),
        df: list.len(),
        min_level,
        last_doc,
    }
}

impl Split {
    /// The term's entry in a postings chunk: the list itself, or `[top, df, minLevel,
    /// lastDoc]` for a long list whose tail is in a file of its own.
    pub fn entry(&self) -> serde_json::Value {
        match self {
            Split::Whole(list) => serde_json::json!(list),
            Split::Long {
                top,
                df,
                min_level,
                last_doc,
                ..
            } => serde_json::json!([top, df, min_level, last_doc]),
        }
    }
}

/// Each term's document frequency class, one base-36 digit per term: ⌊log₂ df⌋ (at most
/// 35). The page uses it to pick the most common words among many prefix matches before
/// loading any postings; exact counts come with the postings.
pub fn frequency_classes(postings: &[Vec<u64>]) -> String {
    postings
        .iter()
        .map(|list| {
            let class = (list.len().max(1)).ilog2().min(35);
            char::from_digit(class, 36).unwrap_or('z')
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_list_ships_its_strongest_postings_first() {
        let levels = u64::from(IMPACT_LEVELS);
        // Documents 0, 1, 2, …: impact 5, except every tenth, 9.
        let list: Vec<u64> = (0..200)
            .map(|d| u64::from(d > 0) * levels + if d % 10 == 0 { 9 } else { 5 })
            .collect();
        assert_eq!(split(&list[..TOP]), Split::Whole(list[..TOP].to_vec()));
        let Split::Long {
            top,
            tail,
            df,
            min_level,
            last_doc,
        } = split(&list)
        else {
            panic!("200 postings are a long list");
        };
        assert_eq!((top.len(), tail.len(), df), (TOP, 200 - TOP, 200));
        // The 20 of impact 9, then the first 44 of impact 5: documents up to 48.
        assert_eq!((min_level, last_doc), (5, 48));
        let docs = |part: &[u64]| -> Vec<u64> {
            let mut doc = 0;
            part.iter()
                .map(|n| {
                    doc += n / levels;
                    doc
                })
                .collect()
        };
        assert!(docs(&top).contains(&190));
        assert_eq!(docs(&tail)[0], 49);
    }

    #[test]
    fn frequency_classes_are_log2() {
        let postings = vec![vec![1], vec![1; 2], vec![1; 5], vec![1; 1024]];
        assert_eq!(frequency_classes(&postings), "012a");
    }
}
