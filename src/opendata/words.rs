//! Every plain string the open data export and its page need, in both languages: one table per
//! language, chosen by [`words`]. Nothing else in `opendata` branches on the language.

use crate::model::{Lang, Vocab};

/// The facts the page text is written around.
#[derive(Clone, Debug)]
pub struct PageFacts {
    /// Number of services, organisations and locations in the files.
    pub services: usize,
    /// Number of organisations.
    pub organizations: usize,
    /// The build date, `YYYY-MM-DD`.
    pub build_date: String,
    /// The municipality, or the site's title when config.toml names none.
    pub publisher: String,
}

/// One language's strings.
pub struct Words {
    /// Names of the vocabularies, in the order of [`Vocab::ALL`].
    vocab_names: [&'static str; 7],
    /// What each vocabulary classifies, in the same order.
    vocab_descriptions: [&'static str; 7],
    /// `fee = false`.
    pub free_of_charge: &'static str,
    /// `fee = true`.
    pub charges: &'static str,
    /// `self_referral = true`.
    pub self_referral: &'static str,
    /// `self_referral = false`.
    pub needs_referral: &'static str,
    /// Heading of the target groups in `eligibility_description`.
    pub target_groups: &'static str,
    /// The age range in words.
    pub ages: fn(Option<u32>, Option<u32>) -> Option<String>,
    /// `wheelchair = true`.
    pub wheelchair: &'static str,
    /// `wheelchair = false`.
    pub no_wheelchair: &'static str,
    /// The name of the Bulgarian language.
    pub bulgarian: &'static str,
    /// Why services are listed as delivered in Bulgarian.
    pub language_note: &'static str,
    /// `identifier_type` of an ЕИК.
    pub eik: &'static str,
    /// A licence in words: number, date of issue, issuer, scope.
    pub licence: fn(&str, Option<&str>, Option<&str>, Option<&str>) -> String,
    /// Name of the organisation that stands for "provider not listed".
    pub unknown_provider: &'static str,
    /// Its description.
    pub unknown_provider_description: &'static str,
    /// Label of public-holiday rules in schedule notes.
    pub public_holidays_note: &'static str,
    /// The open data page's title.
    pub page_title: &'static str,
    /// The open data page's paragraphs.
    pub page_paragraphs: fn(&PageFacts) -> Vec<String>,
    /// The licence sentence: with a licence name and optional address, or none set.
    pub licence_sentence: fn(Option<&str>) -> String,
    /// Descriptions of the files: HSDS JSON, the data package, one CSV table (by name).
    pub file_json: &'static str,
    /// The data package descriptor.
    pub file_datapackage: &'static str,
    /// One CSV table, given its HSDS name.
    pub file_table: fn(&str) -> String,
    /// A title for the data package.
    pub package_description: &'static str,
    /// Names of the numbers kept as attribute values, in the order of `context::FIGURES`.
    pub figures: [&'static str; 3],
    /// The name of the taxonomy of those numbers.
    pub figures_taxonomy: &'static str,
    /// What that taxonomy is.
    pub figures_description: &'static str,
}

impl Words {
    /// The name of a vocabulary ("Целеви групи").
    pub fn vocab_name(&self, vocab: Vocab) -> &'static str {
        self.vocab_names[vocab_index(vocab)]
    }

    /// What a vocabulary classifies.
    pub fn vocab_description(&self, vocab: Vocab) -> &'static str {
        self.vocab_descriptions[vocab_index(vocab)]
    }
}

fn vocab_index(vocab: Vocab) -> usize {
    Vocab::ALL
        .iter()
        .position(|v| *v == vocab)
        .unwrap_or_default()
}

/// The strings of `lang`.
pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Bg => &BG,
        Lang::En => &EN,
    }
}

static BG: Words = Words {
    vocab_names: [
        "Видове услуги",
        "Дейности по Закона за социалните услуги",
        "Целеви групи",
        "Финансиране",
        "Населени места",
        "Видове организации",
        "Видове партньорства",
    ],
    vocab_descriptions: [
        "Видът на социалната услуга.",
        "Десетте групи дейности по Закона за социалните услуги (в сила от 01.07.2020).",
        "За кого е услугата.",
        "Откъде идват парите за услугата.",
        "Населеното място, в което е адресът.",
        "Какъв вид е организацията.",
        "Какъв вид е споразумението между организации.",
    ],
    free_of_charge: "Услугата е безплатна за потребителите.",
    charges: "Услугата е платена: потребителите заплащат такса.",
    self_referral: "Можете да се обърнете направо към услугата, без направление от Дирекция „Социално подпомагане“.",
    needs_referral: "Нужно е направление от Дирекция „Социално подпомагане“.",
    target_groups: "Целеви групи",
    ages: |min, max| match (min, max) {
        (Some(a), Some(b)) => Some(format!("Възраст: от {a} до {b} години.")),
        (Some(a), None) => Some(format!("Възраст: от {a} години.")),
        (None, Some(b)) => Some(format!("Възраст: до {b} години.")),
        (None, None) => None,
    },
    wheelchair: "Достъпно с инвалидна количка.",
    no_wheelchair: "Няма достъп с инвалидна количка.",
    bulgarian: "български",
    language_note: "Социалните услуги в България се предоставят на български език; източниците на указателя не посочват други езици.",
    eik: "ЕИК (Единен идентификационен код)",
    licence: |number, issued, issuer, scope| {
        let mut text = format!("№ {number}");
        if let Some(date) = issued {
            text.push_str(&format!(" от {date}"));
        }
        if let Some(issuer) = issuer {
            text.push_str(&format!(", издаден от {issuer}"));
        }
        if let Some(scope) = scope {
            text.push_str(&format!(" ({scope})"));
        }
        text
    },
    unknown_provider: "Доставчикът не е посочен",
    unknown_provider_description: "Източниците на указателя не посочват кой предоставя тези услуги.",
    public_holidays_note: "Официални празници",
    page_title: "Отворени данни",
    page_paragraphs: |f| {
        vec![
            format!(
                "Данните от този указател са свободни за повторна употреба – от Агенцията за социално подпомагане, от телефонни линии за помощ, от журналисти, от Портала за отворени данни. Тук са всички {} услуги и {} организации на указателя, създадени отново при последното публикуване на сайта ({}). Публикува ги {}.",
                f.services, f.organizations, f.build_date, f.publisher
            ),
            "Файловете следват международния стандарт за указатели на социални услуги Human Services Data Specification (HSDS) 3.0 на Open Referral. hsds.json съдържа масивите organizations и services; всяка услуга е пълен обект по HSDS с организацията, адресите, работното време, телефоните, лицата за контакт, финансирането и класификациите си (вид услуга, дейности, целеви групи, финансиране, населено място). Същите данни са и в табличната форма на HSDS – файлове CSV с описание datapackage.json (Frictionless Data Package).".to_string(),
            "HSDS няма полета на няколко езика, затова всеки език е в отделни файлове: hsds.json и csv/bg/ са на български, hsds.en.json и csv/en/ – на английски. Записите в двата езика имат едни и същи идентификатори. Където английски превод още липсва, текстът е на български, а адресите – транслитерирани.".to_string(),
            "Идентификаторите са UUID, версия 5, изведени от идентификаторите на указателя (например service/<id> за услуга, provider/<id> за организация) – не се променят между публикациите. Адресът на страницата на всяка услуга и организация е в полетата url и uri. Часовете са местно време в България.".to_string(),
        ]
    },
    licence_sentence: |licence| match licence {
        Some(name) => format!("Данните се публикуват под лиценз {name}."),
        None => "Общината още не е посочила лиценз на данните.".to_string(),
    },
    file_json: "Всички организации и услуги по HSDS 3.0, в JSON",
    file_datapackage: "Описание на таблиците CSV (Frictionless Data Package)",
    file_table: |name| format!("Таблица „{name}“ на HSDS, CSV"),
    package_description: "Социалните услуги и организациите на указателя по Human Services Data Specification (HSDS) 3.0, таблична форма.",
    figures: [
        "Брой отделни звена",
        "Капацитет (места)",
        "Брой потребители по последни данни",
    ],
    figures_taxonomy: "Числа за услугата",
    figures_description: "Числа за услугата, за които HSDS 3.0 няма поле; числото е стойността (value) на атрибута.",
};

static EN: Words = Words {
    vocab_names: [
        "Service types",
        "Activities under the Social Services Act",
        "Target groups",
        "Funding",
        "Places",
        "Kinds of organisation",
        "Kinds of partnership",
    ],
    vocab_descriptions: [
        "The kind of social service.",
        "The ten groups of activities of the Social Services Act (in force since 1 July 2020).",
        "Whom the service is for.",
        "Where the money for the service comes from.",
        "The town or village of the address.",
        "What kind of organisation it is.",
        "What kind of agreement between organisations it is.",
    ],
    free_of_charge: "The service is free of charge for its users.",
    charges: "The service charges its users a fee.",
    self_referral: "You can go to the service directly, without a referral from the Social Assistance Directorate.",
    needs_referral: "A referral from the Social Assistance Directorate is needed.",
    target_groups: "Target groups",
    ages: |min, max| match (min, max) {
        (Some(a), Some(b)) => Some(format!("Ages {a} to {b}.")),
        (Some(a), None) => Some(format!("Ages {a} and over.")),
        (None, Some(b)) => Some(format!("Ages up to {b}.")),
        (None, None) => None,
    },
    wheelchair: "Wheelchair accessible.",
    no_wheelchair: "Not wheelchair accessible.",
    bulgarian: "Bulgarian",
    language_note: "Social services in Bulgaria are delivered in Bulgarian; the directory's sources name no other languages.",
    eik: "EIK (Bulgarian Unified Identification Code)",
    licence: |number, issued, issuer, scope| {
        let mut text = format!("No. {number}");
        if let Some(date) = issued {
            text.push_str(&format!(" of {date}"));
        }
        if let Some(issuer) = issuer {
            text.push_str(&format!(", issued by {issuer}"));
        }
        if let Some(scope) = scope {
            text.push_str(&format!(" ({scope})"));
        }
        text
    },
    unknown_provider: "Provider not listed",
    unknown_provider_description: "The directory's sources do not say who runs these services.",
    public_holidays_note: "Public holidays",
    page_title: "Open data",
    page_paragraphs: |f| {
        vec![
            format!(
                "The data of this directory are free to reuse – by the Social Assistance Agency, by helplines, by journalists, by the Bulgarian open data portal. Here are all {} services and {} organisations of the directory, made afresh when the site was last published ({}). They are published by {}.",
                f.services, f.organizations, f.build_date, f.publisher
            ),
            "The files follow the international standard for directories of human services, Open Referral's Human Services Data Specification (HSDS) 3.0. hsds.json holds the arrays organizations and services; each service is a complete HSDS object with its organisation, addresses, opening hours, phones, contacts, funding and classifications (service type, activities, target groups, funding, place). The same data are in HSDS's tabular form too: CSV files described by datapackage.json (a Frictionless Data Package).".to_string(),
            "HSDS has no fields in several languages, so each language has its own files: hsds.json and csv/bg/ are in Bulgarian, hsds.en.json and csv/en/ in English. Records have the same identifiers in both languages. Where an English translation is still missing, the text is in Bulgarian and addresses are transliterated.".to_string(),
            "Identifiers are version 5 UUIDs made from the directory's own ids (for example service/<id> for a service, provider/<id> for an organisation), so they do not change from one publication to the next. The address of each service's and organisation's page is in the url and uri fields. Times are local time in Bulgaria.".to_string(),
        ]
    },
    licence_sentence: |licence| match licence {
        Some(name) => format!("The data are published under the {name} licence."),
        None => "The municipality has not yet chosen a licence for the data.".to_string(),
    },
    file_json: "All organisations and services in HSDS 3.0, as JSON",
    file_datapackage: "Description of the CSV tables (Frictionless Data Package)",
    file_table: |name| format!("HSDS table “{name}”, CSV"),
    package_description: "The directory's social services and organisations in the Human Services Data Specification (HSDS) 3.0, tabular form.",
    figures: [
        "Number of separate facilities",
        "Capacity (places)",
        "Number of users, as last reported",
    ],
    figures_taxonomy: "Figures about the service",
    figures_description: "Numbers about a service that HSDS 3.0 has no field for; the number is the attribute's value.",
};
