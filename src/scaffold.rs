//! `kartoteka new KIND ID`: a new content file with every field of the contract in place.
//!
//! Required fields hold a placeholder that `check` reports until an editor replaces it;
//! optional fields are commented out, each with a one-line explanation in Bulgarian. Vocabulary
//! fields list the ids the site's vocabularies.toml allows.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::model::{Kind, PLACEHOLDER, Vocab, Vocabularies};

/// Why `new` wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum NewError {
    /// The id does not follow the id pattern.
    #[error("`{id}` is not a valid id: {problem}; try `{suggestion}`")]
    BadId {
        /// The id given.
        id: String,
        /// What is wrong with it.
        problem: &'static str,
        /// A valid id made from it.
        suggestion: String,
    },
    /// A file of that name exists.
    #[error("{0} exists already; nothing was written (choose another id or edit that file)")]
    Exists(String),
    /// The home page is not made with `new`.
    #[error("`new` makes services, providers, partnerships, pages and brochures")]
    NotAFolderKind,
    /// Writing failed.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// What the system said.
        source: std::io::Error,
    },
}

/// Writes `content/<kind>/<id>.md` and `<id>.en.md` into the site at `root`.
/// Refuses to overwrite either file. Returns the paths written.
pub fn write_new(
    root: &Path,
    kind: Kind,
    id: &str,
    vocabularies: &Vocabularies,
) -> Result<Vec<PathBuf>, NewError> {
    if kind == Kind::Home {
        return Err(NewError::NotAFolderKind);
    }
    if let Some(problem) = crate::model::id::check_id(id) {
        return Err(NewError::BadId {
            id: id.to_string(),
            problem,
            suggestion: crate::model::id::suggest_id(id),
        });
    }
    let folder = root.join("content").join(kind.folder());
    let files = [
        (
            folder.join(format!("{id}.md")),
            default_file(kind, vocabularies),
        ),
        (folder.join(format!("{id}.en.md")), translation_file(kind)),
    ];
    if let Some((path, _)) = files.iter().find(|(p, _)| p.exists()) {
        return Err(NewError::Exists(path.display().to_string()));
    }
    let io = |path: &Path, source| NewError::Io {
        path: path.display().to_string(),
        source,
    };
    std::fs::create_dir_all(&folder).map_err(|e| io(&folder, e))?;
    for (path, text) in &files {
        // create_new: never overwrite, even if the file appeared since the check above.
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
            .and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes()))
            .map_err(|e| io(path, e))?;
    }
    Ok(files.into_iter().map(|(p, _)| p).collect())
}

/// A required text field with a placeholder.
fn required(out: &mut String, key: &str, what: &str) {
    let _ = writeln!(out, "{key} = \"{PLACEHOLDER}: {what}\"");
}

/// An optional field, commented out, with its explanation.
fn optional(out: &mut String, line: &str, why: &str) {
    let _ = writeln!(out, "# {line}    # {why}");
}

/// A comment listing the ids a vocabulary field may take.
fn allowed(out: &mut String, vocabularies: &Vocabularies, vocab: Vocab) {
    let ids = vocabularies.ids(vocab);
    if !ids.is_empty() {
        let _ = writeln!(
            out,
            "# възможни стойности ({}): {}",
            vocab.key(),
            ids.join(", ")
        );
    }
}

fn common(out: &mut String) {
    required(out, "title", "име");
    required(out, "summary", "едно изречение, до 300 знака");
    optional(out, "abbreviation = \"\"", "съкращение, напр. ЦОП");
    optional(
        out,
        "verified = 2026-01-31",
        "само денят, в който някой е потвърдил данните с доставчика",
    );
}

/// The `[[sources]]` table: it closes the front matter, since every line after a table header
/// belongs to the table.
fn sources(out: &mut String) {
    out.push_str(
        "\n# Източници: по една таблица [[sources]] за всеки документ, от който са данните.\n",
    );
    out.push_str("[[sources]]\n");
    required(out, "title", "заглавието на документа");
    let _ = writeln!(
        out,
        "date = \"{PLACEHOLDER}: датата на документа, напр. 2020-01-28 без кавички; само месец или година – в кавички, „2020-01“ или „2020“\""
    );
    optional(out, "ref = \"\"", "къде в документа, напр. „с. 3, т. 2“");
}

fn places(out: &mut String, vocabularies: &Vocabularies) {
    out.push_str(
        "\n# Адреси: по една таблица [[locations]] за всяко място (махнете # пред редовете).\n",
    );
    optional(out, "[[locations]]", "едно място");
    optional(out, "address = \"\"", "адрес, както се пише на място");
    optional(out, "locality = \"\"", "населено място (id)");
    allowed(out, vocabularies, Vocab::Localities);
    optional(out, "postcode = \"\"", "пощенски код, четири цифри");
    optional(out, "lat = 0.0", "географска ширина (от OpenStreetMap)");
    optional(out, "lon = 0.0", "географска дължина");
    optional(out, "hours = \"Mo-Fr 08:30-17:00\"", "работно време");
    optional(
        out,
        "wheelchair = true",
        "достъпно ли е с инвалидна количка",
    );
    optional(out, "note = \"\"", "бележка, напр. откъде е входът");
    out.push('\n');
    optional(out, "[contact]", "връзка");
    optional(out, "phone = [\"\"]", "телефони, напр. 082 123 456");
    optional(out, "email = \"\"", "електронна поща");
    optional(out, "website = \"\"", "уебсайт, с https://");
    optional(out, "facebook = \"\"", "страница във Facebook, с https://");
    optional(out, "person = \"\"", "лице за контакт");
    out.push('\n');
    optional(out, "[[licences]]", "лиценз или удостоверение");
    optional(out, "number = \"\"", "номер");
    optional(out, "issued = 2020-01-31", "дата на издаване");
    optional(
        out,
        "issuer = \"\"",
        "кой го е издал: id на доставчик или име",
    );
    optional(out, "scope = \"\"", "за какво е");
}

/// The default-language file of a new item.
pub fn default_file(kind: Kind, vocabularies: &Vocabularies) -> String {
    let mut out = String::from(
        "+++\n# Заменете всяко „ПОПЪЛНЕТЕ…“; `kartoteka check` показва какво остава.\n",
    );
    match kind {
        Kind::Service => {
            common(&mut out);
            required(&mut out, "type", "вид услуга (id)");
            allowed(&mut out, vocabularies, Vocab::ServiceTypes);
            let _ = writeln!(out, "activities = [\"{PLACEHOLDER}: дейности (id)\"]");
            allowed(&mut out, vocabularies, Vocab::Activities);
            let _ = writeln!(out, "target_groups = [\"{PLACEHOLDER}: за кого е (id)\"]");
            allowed(&mut out, vocabularies, Vocab::TargetGroups);
            optional(
                &mut out,
                "provider = \"\"",
                "кой я предоставя: id на файл от content/providers/",
            );
            optional(&mut out, "units = 1", "колко отделни звена обхваща записът");
            optional(&mut out, "funding = \"\"", "финансиране (id)");
            allowed(&mut out, vocabularies, Vocab::Funding);
            optional(&mut out, "capacity = 0", "брой места");
            optional(&mut out, "users = 0", "брой потребители по последни данни");
            optional(&mut out, "age_min = 0", "най-малка възраст");
            optional(&mut out, "age_max = 0", "най-голяма възраст");
            optional(
                &mut out,
                "self_referral = true",
                "може ли да се дойде без направление от ДСП",
            );
            optional(&mut out, "fee = false", "плаща ли се");
            optional(&mut out, "related = [\"\"]", "свързани услуги (id)");
            optional(
                &mut out,
                "area_served = \"municipality\"",
                "къде работи услуга без адрес: \"municipality\" (цялата община) или населено място (id)",
            );
            places(&mut out, vocabularies);
            sources(&mut out);
        }
        Kind::Provider => {
            common(&mut out);
            required(&mut out, "kind", "вид организация (id)");
            allowed(&mut out, vocabularies, Vocab::ProviderKinds);
            optional(
                &mut out,
                "eik = \"\"",
                "ЕИК от Търговския регистър, 9 или 13 цифри",
            );
            places(&mut out, vocabularies);
            sources(&mut out);
        }
        Kind::Partnership => {
            common(&mut out);
            let _ = writeln!(
                out,
                "parties = [\"{PLACEHOLDER}: доставчик (id)\", \"{PLACEHOLDER}: друг доставчик (id)\"]"
            );
            required(&mut out, "kind", "вид споразумение (id)");
            allowed(&mut out, vocabularies, Vocab::PartnershipKinds);
            optional(
                &mut out,
                "start = 2020-01-31",
                "от кога е в сила, ако източник го казва; без него – не е известно",
            );
            optional(
                &mut out,
                "end = 2025-12-31",
                "последният ден в сила, или end = \"open\", ако източник казва, че е безсрочно; без него – не е известно",
            );
            optional(
                &mut out,
                "legal_basis = \"\"",
                "правно основание, напр. чл. 61 ЗМСМА",
            );
            optional(&mut out, "services = [\"\"]", "услуги, които обхваща (id)");
            sources(&mut out);
        }
        Kind::Page => {
            required(&mut out, "title", "заглавие");
            optional(&mut out, "summary = \"\"", "едно изречение за страницата");
            optional(
                &mut out,
                "menu = 1",
                "място в главното меню (без него страницата не е в менюто)",
            );
        }
        Kind::Brochure => {
            required(&mut out, "title", "заглавие на брошурата");
            optional(&mut out, "event = \"\"", "събитие: име, дата и място");
            optional(&mut out, "paper = \"a4\"", "размер: a4 или a5");
            out.push_str("\n# Кои услуги влизат: всички, които отговарят на всеки зададен ключ.\n");
            optional(&mut out, "[select]", "избор на услуги");
            optional(&mut out, "target_groups = [\"\"]", "за кого (id)");
            optional(&mut out, "activities = [\"\"]", "дейности (id)");
            optional(&mut out, "service_types = [\"\"]", "видове услуги (id)");
            optional(&mut out, "localities = [\"\"]", "населени места (id)");
            optional(&mut out, "providers = [\"\"]", "доставчици (id)");
            optional(&mut out, "services = [\"\"]", "отделни услуги (id)");
        }
        Kind::Home => {}
    }
    let _ = writeln!(
        out,
        "+++\n{PLACEHOLDER}: текстът на страницата, в Markdown."
    );
    out
}

/// The English file of a new item: only translatable fields.
pub fn translation_file(kind: Kind) -> String {
    let mut out = String::from(
        "+++\n# The English translation: only translatable fields. Replace every „ПОПЪЛНЕТЕ…“.\n",
    );
    required(&mut out, "title", "the name in English");
    match kind {
        Kind::Service | Kind::Provider | Kind::Partnership => {
            required(&mut out, "summary", "one sentence in English");
            optional(
                &mut out,
                "[[sources]]",
                "one per source, in the same order as the Bulgarian file",
            );
            optional(&mut out, "title = \"\"", "the document's title in English");
        }
        Kind::Page => optional(&mut out, "summary = \"\"", "one sentence in English"),
        Kind::Brochure => optional(&mut out, "event = \"\"", "the event's name, date and place"),
        Kind::Home => {}
    }
    if kind == Kind::Partnership {
        optional(&mut out, "legal_basis = \"\"", "the legal basis in English");
    }
    if matches!(kind, Kind::Service | Kind::Provider) {
        out.push_str("# [[locations]] repeat the Bulgarian file's by position, with only address and note.\n");
    }
    let _ = writeln!(out, "+++\n{PLACEHOLDER}: the text in English, in Markdown.");
    out
}
