//! `vocabularies.toml`: the lists of ids, and their labels in every language's Fluent file.

use std::ops::Range;
use std::path::Path;

use toml::de::{DeTable, DeValue};

use super::fields::{FileCtx, Role};
use super::toml_error;
use crate::diagnostics::{Diagnostic, Severity, suggest};
use crate::load::read_text;
use crate::model::id::{check_id, suggest_id};
use crate::model::messages::SiteMessages;
use crate::model::{Lang, Vocab, Vocabularies};

const FILE: &str = "vocabularies.toml";
const LIMIT: u64 = 1024 * 1024;

/// The vocabularies, and where each id is written (for label errors).
pub struct Read {
    /// The lists.
    pub vocabularies: Vocabularies,
    /// Each id with its list and its span in the file.
    pub places: Vec<(Vocab, String, Range<usize>)>,
    /// The file's text, for positions.
    pub text: String,
}

/// Reads `vocabularies.toml` of the site at `root`.
pub fn load(root: &Path) -> (Read, Vec<Diagnostic>) {
    let mut read = Read {
        vocabularies: Vocabularies::default(),
        places: Vec::new(),
        text: String::new(),
    };
    let path = root.join(FILE);
    if !path.is_file() {
        let d = Diagnostic::whole_file(FILE, Severity::Error, "the site has no vocabularies.toml")
            .with_help("create it with the lists service_types, activities, target_groups, funding, localities, provider_kinds, partnership_kinds");
        return (read, vec![d]);
    }
    let file = match read_text(root, &path, LIMIT) {
        Ok(file) => file,
        Err(d) => return (read, vec![d]),
    };
    let ctx = FileCtx::new(file.source(), 0, Role::Default, file.path.clone());
    match DeTable::parse(&file.text) {
        Ok(table) => lists(&ctx, table.get_ref(), &mut read),
        Err(e) => ctx.push(toml_error(&ctx, &e)),
    }
    let diagnostics = ctx.into_diagnostics();
    read.text = file.text;
    (read, diagnostics)
}

fn lists(ctx: &FileCtx<'_>, table: &DeTable<'_>, read: &mut Read) {
    for (key, value) in table.iter() {
        let name = key.get_ref().as_ref();
        let Some(vocab) = Vocab::from_key(name) else {
            let known = Vocab::ALL.map(Vocab::key);
            let help = match suggest(name, known) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("the lists are: {}", known.join(", ")),
            };
            ctx.error(
                key.span(),
                format!("unknown list `{name}` in vocabularies.toml"),
                help,
            );
            continue;
        };
        let DeValue::Array(items) = value.get_ref() else {
            ctx.error(
                value.span(),
                format!("`{name}` must be a list of ids"),
                format!("write it like this: {name} = [\"first-id\", \"second-id\"]"),
            );
            continue;
        };
        for item in items.iter() {
            let DeValue::String(id) = item.get_ref() else {
                ctx.error(
                    item.span(),
                    format!("every id in `{name}` must be text in quotes"),
                    format!("write it like this: {name} = [\"first-id\", \"second-id\"]"),
                );
                continue;
            };
            if let Some(problem) = check_id(id) {
                ctx.error(
                    item.span(),
                    format!("`{id}` is not a valid id: {problem}"),
                    format!("write it as \"{}\"", suggest_id(id)),
                );
            } else if read.vocabularies.contains(vocab, id) {
                ctx.error(
                    item.span(),
                    format!("`{id}` is listed twice in `{name}`"),
                    "remove the repeated id",
                );
            } else {
                read.vocabularies.push(vocab, id);
                read.places.push((vocab, id.to_string(), item.span()));
            }
        }
    }
    for vocab in Vocab::ALL {
        if !table.contains_key(vocab.key()) {
            ctx.error(
                0..0,
                format!("vocabularies.toml has no `{}` list", vocab.key()),
                format!("add a line {} = [\"…\"]", vocab.key()),
            );
        }
    }
}

/// Every vocabulary id needs a label in every language: reports those that have none.
pub fn check_labels(read: &Read, messages: &SiteMessages) -> Vec<Diagnostic> {
    let source = crate::diagnostics::SourceText::new(FILE, &read.text);
    let mut out = Vec::new();
    for (vocab, id, span) in &read.places {
        let key = vocab.label_key(id);
        for lang in Lang::ALL {
            if !messages.defines(lang, &key) {
                out.push(
                    source
                        .error(
                            span.clone(),
                            format!(
                                "`{id}` in `{}` has no {} label",
                                vocab.key(),
                                lang.english_name()
                            ),
                        )
                        .with_help(format!(
                            "add a line `{key} = …` to i18n/{}.ftl",
                            lang.code()
                        )),
                );
            }
        }
    }
    out
}
