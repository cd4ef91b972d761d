//! Markdown bodies → a small tree of blocks and inline spans that the print template lays out.
//!
//! The tree is data, never markup: text stays text whatever characters it holds, so content
//! cannot run as typst code. Raw HTML and images are dropped (a brochure prints words);
//! tables are kept as paragraphs of their cells.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Serialize;

/// A block of a Markdown body.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Block {
    /// A heading, level 1–6 (the template scales them below the brochure's own headings).
    Heading {
        /// 1 for `#`, 2 for `##`, …
        level: u8,
        /// Its text.
        spans: Vec<Span>,
    },
    /// A paragraph.
    Par {
        /// Its text.
        spans: Vec<Span>,
    },
    /// A bulleted or numbered list.
    List {
        /// The first number of a numbered list; `None` for bullets.
        start: Option<u64>,
        /// Each item's blocks.
        items: Vec<Vec<Block>>,
    },
    /// A block quote.
    Quote {
        /// What it quotes.
        blocks: Vec<Block>,
    },
    /// A thematic break (`---`).
    Rule,
}

/// A run of inline text.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Span {
    /// Plain text.
    Text {
        /// The characters, as written.
        text: String,
    },
    /// `**strong**`.
    Strong {
        /// What is strong.
        spans: Vec<Span>,
    },
    /// `*emphasis*`.
    Emph {
        /// What is emphasised.
        spans: Vec<Span>,
    },
    /// `` `code` ``.
    Code {
        /// The code, as written.
        text: String,
    },
    /// A link; the template prints its text and, when different, its address.
    Link {
        /// The address.
        url: String,
        /// The link text.
        spans: Vec<Span>,
    },
    /// A hard line break.
    Break,
}

/// What is being built while events arrive: a container of blocks or of spans.
enum Open {
    Blocks(Vec<Block>, Container),
    Spans(Vec<Span>, Inline),
}

enum Container {
    Root,
    Quote,
    Item,
    List(Option<u64>, Vec<Vec<Block>>),
}

enum Inline {
    Par,
    Heading(u8),
    Strong,
    Emph,
    Link(String),
}

/// Converts a Markdown body to blocks.
pub fn blocks(markdown: &str) -> Vec<Block> {
    let mut stack = vec![Open::Blocks(Vec::new(), Container::Root)];
    let parser = Parser::new_ext(
        markdown,
        Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES,
    );
    let mut skip_depth = 0usize;
    for event in parser {
        if skip_depth > 0 {
            match event {
                Event::Start(_) => skip_depth += 1,
                Event::End(_) => skip_depth -= 1,
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(tag) => start(&mut stack, tag, &mut skip_depth),
            Event::End(end) => finish(&mut stack, end),
            Event::Text(t) => push_span(
                &mut stack,
                Span::Text {
                    text: t.into_string(),
                },
            ),
            Event::Code(t) => push_span(
                &mut stack,
                Span::Code {
                    text: t.into_string(),
                },
            ),
            Event::SoftBreak => push_span(&mut stack, Span::Text { text: " ".into() }),
            Event::HardBreak => push_span(&mut stack, Span::Break),
            Event::Rule => push_block(&mut stack, Block::Rule),
            Event::InlineMath(t) | Event::DisplayMath(t) => push_span(
                &mut stack,
                Span::Text {
                    text: t.into_string(),
                },
            ),
            Event::Html(_) | Event::InlineHtml(_) | Event::FootnoteReference(_) => {}
            Event::TaskListMarker(done) => {
                let mark = if done { "☑ " } else { "☐ " };
                push_span(&mut stack, Span::Text { text: mark.into() })
            }
        }
    }
    while stack.len() > 1 {
        close_top(&mut stack);
    }
    match stack.pop() {
        Some(Open::Blocks(blocks, _)) => blocks,
        _ => Vec::new(),
    }
}

fn start(stack: &mut Vec<Open>, tag: Tag<'_>, skip_depth: &mut usize) {
    let open = match tag {
        Tag::Paragraph | Tag::TableCell => Open::Spans(Vec::new(), Inline::Par),
        Tag::Heading { level, .. } => Open::Spans(Vec::new(), Inline::Heading(level_number(level))),
        Tag::BlockQuote(_) => Open::Blocks(Vec::new(), Container::Quote),
        Tag::List(start) => Open::Blocks(Vec::new(), Container::List(start, Vec::new())),
        Tag::Item => Open::Blocks(Vec::new(), Container::Item),
        Tag::Emphasis => Open::Spans(Vec::new(), Inline::Emph),
        Tag::Strong => Open::Spans(Vec::new(), Inline::Strong),
        Tag::Link { dest_url, .. } => Open::Spans(Vec::new(), Inline::Link(dest_url.into_string())),
        Tag::CodeBlock(_) => Open::Spans(Vec::new(), Inline::Par),
        Tag::Image { .. } | Tag::HtmlBlock | Tag::FootnoteDefinition(_) | Tag::MetadataBlock(_) => {
            *skip_depth = 1;
            return;
        }
        // Tables, strikethrough and the like: their contents pass through.
        _ => return,
    };
    stack.push(open);
}

fn finish(stack: &mut Vec<Open>, end: TagEnd) {
    let closes = matches!(
        end,
        TagEnd::Paragraph
            | TagEnd::TableCell
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Link
            | TagEnd::CodeBlock
    );
    // A tight list item holds its text without a paragraph: close that one first.
    if matches!(end, TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item) {
        while stack.len() > 1 && matches!(stack.last(), Some(Open::Spans(_, Inline::Par))) {
            close_top(stack);
        }
    }
    if closes && stack.len() > 1 {
        close_top(stack);
    }
}

fn close_top(stack: &mut Vec<Open>) {
    let Some(top) = stack.pop() else { return };
    match top {
        // A paragraph that held only an image or HTML has nothing left to print.
        Open::Spans(spans, Inline::Par) if spans.is_empty() => {}
        Open::Spans(spans, Inline::Par) => push_block(stack, Block::Par { spans }),
        Open::Spans(spans, Inline::Heading(level)) => {
            push_block(stack, Block::Heading { level, spans })
        }
        Open::Spans(spans, Inline::Strong) => push_span(stack, Span::Strong { spans }),
        Open::Spans(spans, Inline::Emph) => push_span(stack, Span::Emph { spans }),
        Open::Spans(spans, Inline::Link(url)) => push_span(stack, Span::Link { url, spans }),
        Open::Blocks(blocks, Container::Quote) => push_block(stack, Block::Quote { blocks }),
        Open::Blocks(blocks, Container::Item) => {
            if let Some(Open::Blocks(_, Container::List(_, items))) = stack.last_mut() {
                items.push(blocks);
            }
        }
        Open::Blocks(_, Container::List(start, items)) => {
            push_block(stack, Block::List { start, items })
        }
        Open::Blocks(blocks, Container::Root) => stack.push(Open::Blocks(blocks, Container::Root)),
    }
}

/// Adds a span where one belongs; text outside a paragraph (a tight list item) opens one.
fn push_span(stack: &mut Vec<Open>, span: Span) {
    if !matches!(stack.last(), Some(Open::Spans(..))) {
        stack.push(Open::Spans(Vec::new(), Inline::Par));
    }
    if let Some(Open::Spans(spans, _)) = stack.last_mut() {
        spans.push(span);
    }
}

/// Adds a block to the innermost block container, closing a paragraph left open by a tight item.
fn push_block(stack: &mut Vec<Open>, block: Block) {
    while matches!(stack.last(), Some(Open::Spans(_, Inline::Par))) && stack.len() > 1 {
        let Some(Open::Spans(spans, _)) = stack.pop() else {
            break;
        };
        push_into_blocks(stack, Block::Par { spans });
    }
    push_into_blocks(stack, block);
}

fn push_into_blocks(stack: &mut [Open], block: Block) {
    match stack.last_mut() {
        Some(Open::Blocks(blocks, Container::List(_, items))) => {
            // A block directly inside a list (not in an item) goes to the last item.
            match items.last_mut() {
                Some(item) => item.push(block),
                None => blocks.push(block),
            }
        }
        Some(Open::Blocks(blocks, _)) => blocks.push(block),
        Some(Open::Spans(spans, _)) => {
            // A block inside inline text (e.g. a list in a heading): keep its words.
            spans.push(Span::Text {
                text: plain_text(&block),
            });
        }
        None => {}
    }
}

fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// The words of a block, for the rare place only plain text fits.
pub fn plain_text(block: &Block) -> String {
    fn spans_text(spans: &[Span], out: &mut String) {
        for span in spans {
            match span {
                Span::Text { text } | Span::Code { text } => out.push_str(text),
                Span::Strong { spans } | Span::Emph { spans } | Span::Link { spans, .. } => {
                    spans_text(spans, out)
                }
                Span::Break => out.push(' '),
            }
        }
    }
    let mut out = String::new();
    match block {
        Block::Heading { spans, .. } | Block::Par { spans } => spans_text(spans, &mut out),
        Block::List { items, .. } => {
            let words: Vec<String> = items.iter().flatten().map(plain_text).collect();
            out.push_str(&words.join("; "));
        }
        Block::Quote { blocks } => {
            let words: Vec<String> = blocks.iter().map(plain_text).collect();
            out.push_str(&words.join(" "));
        }
        Block::Rule => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> Span {
        Span::Text { text: t.into() }
    }

    #[test]
    fn headings_paragraphs_and_inline_styles() {
        let got = blocks("## Теми\n\nТекст с **важно** и *наклонено*.\n");
        assert_eq!(
            got,
            vec![
                Block::Heading {
                    level: 2,
                    spans: vec![text("Теми")]
                },
                Block::Par {
                    spans: vec![
                        text("Текст с "),
                        Span::Strong {
                            spans: vec![text("важно")]
                        },
                        text(" и "),
                        Span::Emph {
                            spans: vec![text("наклонено")]
                        },
                        text("."),
                    ]
                },
            ]
        );
    }

    #[test]
    fn tight_and_numbered_lists() {
        let got = blocks("1. едно\n2. две\n\n- а\n- б\n");
        assert_eq!(
            got,
            vec![
                Block::List {
                    start: Some(1),
                    items: vec![
                        vec![Block::Par {
                            spans: vec![text("едно")]
                        }],
                        vec![Block::Par {
                            spans: vec![text("две")]
                        }],
                    ]
                },
                Block::List {
                    start: None,
                    items: vec![
                        vec![Block::Par {
                            spans: vec![text("а")]
                        }],
                        vec![Block::Par {
                            spans: vec![text("б")]
                        }],
                    ]
                },
            ]
        );
    }

    #[test]
    fn typst_and_html_stay_text_or_go() {
        let got = blocks(
            "#set page(width: 1pt) $x$ <b>bold</b> [link](https://x.org) \\\n#import \"a\"\n\n<script>x</script>\n\n![img](a.png)\n",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        let Block::Par { spans } = &got[0] else {
            panic!("{got:?}")
        };
        assert_eq!(spans[0], text("#set page(width: 1pt) $x$ "));
        assert!(spans.contains(&Span::Link {
            url: "https://x.org".into(),
            spans: vec![text("link")]
        }));
        assert!(spans.contains(&Span::Break));
        assert!(spans.contains(&text("#import \"a\"")));
    }

    #[test]
    fn quotes_nest_blocks() {
        let got = blocks("> Колкото и да сме различни.\n");
        assert_eq!(
            got,
            vec![Block::Quote {
                blocks: vec![Block::Par {
                    spans: vec![text("Колкото и да сме различни.")]
                }]
            }]
        );
    }
}
