//! The inverted index: for each term, the documents it occurs in and how much it says there.
//!
//! Scores are mostly computed here, at build time. A posting carries a quantised BM25
//! "impact": the term frequency saturated and length-normalised per field, summed with the
//! fields' boosts (a word in the title outweighs the same word repeated in the body), times a
//! small prior by page kind. The search page only multiplies impacts by the words' IDF.

use rustc_hash::FxHashMap;

use super::docs::{Field, Kind};
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

/// Bits of a packed posting's count in each field (see [`Inverter`]): the body's counts run
/// higher than the others'. 31 bits in all, the 32nd is [`SPILLED`].
const WIDTHS: [u32; FIELDS] = [4, 4, 4, 4, 4, 4, 7];
/// Where each field's count starts in a packed posting.
const SHIFTS: [u32; FIELDS] = {
    let mut shifts = [0; FIELDS];
    let mut f = 1;
    while f < FIELDS {
        shifts[f] = shifts[f - 1] + WIDTHS[f - 1];
        f += 1;
    }
    shifts
};
/// The flag of a posting whose counts did not fit: its other 31 bits are its place in
/// [`Inverter`]'s spilled counts.
const SPILLED: u32 = 1 << 31;

/// Inverts documents one at a time, so that no document's text is kept once it is counted.
///
/// A posting is one `u64` while documents are added: the document number in the high 32
/// bits, and in the low 32 the term's count in each field, packed ([`WIDTHS`] bits each);
/// the rare posting with a count too high for its bits keeps its counts in a side table.
/// Impacts need every document's field lengths, so they are computed in [`Inverter::finish`],
/// from the exact counts, and the postings are packed for the page in place.
#[derive(Default)]
pub struct Inverter {
    /// term → its postings, in document order
    tf: FxHashMap<String, Vec<u64>>,
    /// The counts of the postings flagged [`SPILLED`].
    spilled: Vec<[u32; FIELDS]>,
    /// doc → field → length in words (0 where the field has none)
    lengths: Vec<[u32; FIELDS]>,
    /// doc → its kind (for the prior)
    kinds: Vec<Kind>,
    /// A buffer for the tokeniser.
    buffer: String,
}

impl Inverter {
    /// Adds the next document (numbered from 0 in the order added): its kind and its fields'
    /// texts.
    pub fn add(&mut self, kind: Kind, fields: &[(Field, String)]) {
        // Four billion documents would not fit in memory long before this number wraps.
        let d = self.kinds.len() as u64;
        let mut doc_lengths = [0; FIELDS];
        let (tf, spilled) = (&mut self.tf, &mut self.spilled);
        for (field, text) in fields {
            let f = *field as usize;
            for_each_token(text, &mut self.buffer, |token| {
                doc_lengths[f] += 1;
                // Most tokens were seen before: look up by `&str`, allocate only for new ones.
                let list = match tf.get_mut(token) {
                    Some(list) => list,
                    None => tf.entry(token.to_string()).or_default(),
                };
                if list.last().is_none_or(|posting| posting >> 32 != d) {
                    list.push(d << 32);
                }
                if let Some(posting) = list.last_mut() {
                    count(posting, f, spilled);
                }
            });
        }
        self.lengths.push(doc_lengths);
        self.kinds.push(kind);
    }

    /// The index of the documents added: impacts computed, quantised and packed.
    pub fn finish(self) -> Inverted {
        let Inverter {
            tf,
            spilled,
            lengths,
            kinds,
            ..
        } = self;
        // field → (total length, documents having it)
        let mut totals = [(0.0, 0.0); FIELDS];
        for doc_lengths in &lengths {
            for (total, &length) in totals.iter_mut().zip(doc_lengths) {
                if length > 0 {
                    total.0 += f64::from(length);
                    total.1 += 1.0;
                }
            }
        }
        let impact = |posting: u64| -> f64 {
            let d = (posting >> 32) as usize;
            let counts = counts(posting, &spilled);
            let sum: f64 = Field::ALL
                .iter()
                .zip(&counts)
                .filter(|(_, count)| **count > 0)
                .map(|(field, &count)| {
                    let f = *field as usize;
                    let tf = f64::from(count);
                    let (total, n) = totals[f];
                    let length = f64::from(lengths[d][f]);
                    let norm = 1.0 - B + B * length / (total / n).max(1.0);
                    f64::from(field.boost()) * tf * (K1 + 1.0) / (tf + K1 * norm)
                })
                .sum();
            sum * kinds[d].prior()
        };
        let mut tf: Vec<(String, Vec<u64>)> = tf.into_iter().collect();
        tf.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let max = tf
            .iter()
            .flat_map(|(_, list)| list.iter().map(|posting| impact(*posting)))
            .fold(f64::MIN_POSITIVE, f64::max);
        let top = f64::from(IMPACT_LEVELS - 1);
        for (_, list) in &mut tf {
            let mut previous = 0;
            for posting in list.iter_mut() {
                let level = ((impact(*posting) / max).sqrt() * top)
                    .round()
                    .clamp(1.0, top);
                let d = *posting >> 32;
                *posting = (d - previous) * u64::from(IMPACT_LEVELS) + level as u64;
                previous = d;
            }
        }
        let (terms, postings) = tf.into_iter().unzip();
        Inverted { terms, postings }
    }
}

/// Counts one more occurrence in field `f` of a posting (see [`Inverter`]).
fn count(posting: &mut u64, f: usize, spilled: &mut Vec<[u32; FIELDS]>) {
    let packed = *posting as u32;
    if packed & SPILLED != 0 {
        spilled[(packed & !SPILLED) as usize][f] += 1;
        return;
    }
    let most = (1 << WIDTHS[f]) - 1;
    if (packed >> SHIFTS[f]) & most < most {
        *posting += 1 << SHIFTS[f];
    } else {
        let mut counts = unpack(packed);
        counts[f] += 1;
        let place = spilled.len() as u32;
        spilled.push(counts);
        *posting = (*posting >> 32 << 32) | u64::from(SPILLED | place);
    }
}

/// A posting's count in each field.
fn counts(posting: u64, spilled: &[[u32; FIELDS]]) -> [u32; FIELDS] {
    let packed = posting as u32;
    if packed & SPILLED != 0 {
        spilled[(packed & !SPILLED) as usize]
    } else {
        unpack(packed)
    }
}

/// The counts of a packed posting that was not spilled.
fn unpack(packed: u32) -> [u32; FIELDS] {
    let mut counts = [0; FIELDS];
    for (f, count) in counts.iter_mut().enumerate() {
        *count = (packed >> SHIFTS[f]) & ((1 << WIDTHS[f]) - 1);
    }
    counts
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
    fn packed_counts_hold_every_count_in_every_field() {
        // Up to each field's most and past it (spilled), in every field of one posting.
        for n in [1, 14, 15, 16, 127, 128, 300] {
            let mut spilled = Vec::new();
            let mut posting = 7 << 32;
            for (f, _) in Field::ALL.iter().enumerate() {
                for _ in 0..n + f as u32 {
                    count(&mut posting, f, &mut spilled);
                }
            }
            let expected: [u32; FIELDS] = std::array::from_fn(|f| n + f as u32);
            assert_eq!(counts(posting, &spilled), expected, "{n} each");
            assert_eq!(posting >> 32, 7, "the document number stays");
        }
    }

    /// The inversion as it was before postings were packed: every term's documents with their
    /// counts in full, impacts computed from them. The packed inverter must ship the same.
    fn unpacked(docs: &[(Kind, Vec<(Field, String)>)]) -> (Vec<String>, Vec<Vec<u64>>) {
        let mut tf: FxHashMap<String, Vec<(usize, [u32; FIELDS])>> = FxHashMap::default();
        let mut buffer = String::new();
        let mut lengths: Vec<[f64; FIELDS]> = Vec::new();
        for (d, (_, fields)) in docs.iter().enumerate() {
            let mut doc_lengths = [0.0; FIELDS];
            for (field, text) in fields {
                let f = *field as usize;
                for_each_token(text, &mut buffer, |token| {
                    doc_lengths[f] += 1.0;
                    let list = tf.entry(token.to_string()).or_default();
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
                    let norm = 1.0 - B + B * lengths[d][f] / (total / n).max(1.0);
                    f64::from(field.boost()) * tf * (K1 + 1.0) / (tf + K1 * norm)
                })
                .sum();
            sum * docs[d].0.prior()
        };
        let mut tf: Vec<_> = tf.into_iter().collect();
        tf.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let max = tf
            .iter()
            .flat_map(|(_, by_doc)| by_doc.iter().map(|(d, counts)| impact(*d, counts)))
            .fold(f64::MIN_POSITIVE, f64::max);
        let top = f64::from(IMPACT_LEVELS - 1);
        tf.into_iter()
            .map(|(term, by_doc)| {
                let mut previous = 0;
                let list = by_doc
                    .iter()
                    .map(|(d, counts)| {
                        let level = ((impact(*d, counts) / max).sqrt() * top)
                            .round()
                            .clamp(1.0, top);
                        let delta = (d - previous) as u64;
                        previous = *d;
                        delta * u64::from(IMPACT_LEVELS) + level as u64
                    })
                    .collect();
                (term, list)
            })
            .unzip()
    }

    #[test]
    fn packed_postings_are_those_of_full_counts() {
        let repeat = |word: &str, n: usize| format!("{word} ").repeat(n);
        let docs: Vec<(Kind, Vec<(Field, String)>)> = vec![
            (
                Kind::Service,
                vec![
                    (Field::Title, "Дневен център за деца".to_string()),
                    (Field::Summary, repeat("грижа", 15)),
                    (Field::Body, repeat("център", 200) + &repeat("дом", 3)),
                ],
            ),
            (
                Kind::Provider,
                vec![
                    (Field::Title, repeat("център", 16) + "Русе"),
                    (Field::Labels, repeat("грижа", 40)),
                    (Field::Place, "Русе Русе ул. Борисова".to_string()),
                    (Field::Body, repeat("дом", 127) + &repeat("деца", 128)),
                ],
            ),
            (Kind::Page, vec![(Field::Title, "За нас".to_string())]),
            (
                Kind::Partnership,
                vec![
                    (Field::Provider, repeat("община", 17)),
                    (Field::Body, repeat("дом център", 20)),
                ],
            ),
        ];
        let mut inverter = Inverter::default();
        for (kind, fields) in &docs {
            inverter.add(*kind, fields);
        }
        let Inverted { terms, postings } = inverter.finish();
        let (expected_terms, expected) = unpacked(&docs);
        assert_eq!(terms, expected_terms);
        assert_eq!(postings, expected);
        // The documents differ enough that the levels do too.
        let levels: std::collections::BTreeSet<u64> = postings
            .iter()
            .flatten()
            .map(|n| n % u64::from(IMPACT_LEVELS))
            .collect();
        assert!(levels.len() > 5, "{levels:?}");
    }

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
