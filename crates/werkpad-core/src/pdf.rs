//! A plain, printable A4 document with the PDF base fonts (Helvetica, no embedding), used
//! for the plan van aanpak a kandidaat takes home.

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str};

const WIDTH: f32 = 595.0;
const HEIGHT: f32 = 842.0;
const MARGIN: f32 = 56.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Title,
    Heading,
    Body,
    Small,
}

impl Style {
    fn size(self) -> f32 {
        match self {
            Style::Title => 20.0,
            Style::Heading => 13.0,
            Style::Body => 10.5,
            Style::Small => 9.0,
        }
    }

    fn bold(self) -> bool {
        matches!(self, Style::Title | Style::Heading)
    }
}

/// Lines of text, laid out top to bottom with wrapping and page breaks.
#[derive(Default)]
pub struct Document {
    blocks: Vec<(Style, String, f32)>,
}

impl Document {
    pub fn add(&mut self, style: Style, text: impl Into<String>) -> &mut Self {
        self.add_indented(style, text, 0.0)
    }

    pub fn add_indented(
        &mut self,
        style: Style,
        text: impl Into<String>,
        indent: f32,
    ) -> &mut Self {
        self.blocks.push((style, text.into(), indent));
        self
    }

    pub fn render(&self) -> Vec<u8> {
        let mut pages: Vec<Content> = vec![Content::new()];
        let mut y = HEIGHT - MARGIN;
        for (style, text, indent) in &self.blocks {
            let size = style.size();
            let leading = size * 1.35;
            if matches!(style, Style::Heading) {
                y -= size * 0.6;
            }
            let width = WIDTH - 2.0 * MARGIN - indent;
            for line in wrap(text, width, size) {
                if y - leading < MARGIN {
                    pages.push(Content::new());
                    y = HEIGHT - MARGIN;
                }
                y -= leading;
                let page = pages.last_mut().expect("at least one page");
                page.begin_text();
                page.set_font(Name(if style.bold() { b"F2" } else { b"F1" }), size);
                page.next_line(MARGIN + indent, y);
                page.show(Str(&win_ansi(&line)));
                page.end_text();
            }
        }
        let mut pdf = Pdf::new();
        let catalog = Ref::new(1);
        let tree = Ref::new(2);
        let regular = Ref::new(3);
        let bold = Ref::new(4);
        let page_ids: Vec<Ref> = (0..pages.len())
            .map(|i| Ref::new(10 + 2 * i as i32))
            .collect();
        pdf.catalog(catalog).pages(tree);
        pdf.pages(tree)
            .kids(page_ids.iter().copied())
            .count(pages.len() as i32);
        pdf.type1_font(regular)
            .base_font(Name(b"Helvetica"))
            .encoding_predefined(Name(b"WinAnsiEncoding"));
        pdf.type1_font(bold)
            .base_font(Name(b"Helvetica-Bold"))
            .encoding_predefined(Name(b"WinAnsiEncoding"));
        for (i, content) in pages.into_iter().enumerate() {
            let content_id = Ref::new(11 + 2 * i as i32);
            let mut page = pdf.page(page_ids[i]);
            page.media_box(Rect::new(0.0, 0.0, WIDTH, HEIGHT));
            page.parent(tree);
            page.contents(content_id);
            let mut resources = page.resources();
            let mut fonts = resources.fonts();
            fonts.pair(Name(b"F1"), regular);
            fonts.pair(Name(b"F2"), bold);
            fonts.finish();
            resources.finish();
            page.finish();
            pdf.stream(content_id, &content.finish());
        }
        pdf.finish()
    }
}

/// Helvetica is about half an em wide on average; wider letters count more so lines never
/// run off the page.
fn text_width(s: &str, size: f32) -> f32 {
    s.chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '!' | '|' | ' ' => 0.28,
            'm' | 'w' | 'M' | 'W' => 0.85,
            c if c.is_uppercase() => 0.68,
            _ => 0.56,
        })
        .sum::<f32>()
        * size
}

fn wrap(text: &str, width: f32, size: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if text_width(&candidate, size) > width && !line.is_empty() {
                lines.push(std::mem::replace(&mut line, word.to_string()));
            } else {
                line = candidate;
            }
        }
        lines.push(line);
    }
    lines
}

/// The base fonts speak WinAnsi: Latin-1 plus a few typographic characters.
fn win_ansi(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| match c {
            '€' => 0x80,
            '…' => 0x85,
            '‘' => 0x91,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '•' => 0x95,
            '–' => 0x96,
            '—' => 0x97,
            c if (c as u32) < 0x80 || (0xA0..=0xFF).contains(&(c as u32)) => c as u32 as u8,
            _ => b'?',
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_wraps_and_dutch_letters_survive_encoding() {
        let lines = wrap(&"oriëntatie ".repeat(40), 300.0, 10.0);
        assert!(lines.len() > 1, "a long paragraph must wrap");
        assert!(lines
            .iter()
            .all(|l| text_width(l, 10.0) <= 300.0 || !l.contains(' ')));
        assert_eq!(
            win_ansi("ë€"),
            vec![0xEB, 0x80],
            "ë and € are WinAnsi characters"
        );
    }

    #[test]
    fn many_lines_make_several_pages() {
        let mut doc = Document::default();
        for i in 0..200 {
            doc.add(Style::Body, format!("Regel {i}"));
        }
        let bytes = doc.render();
        let pages = bytes.windows(10).filter(|w| w == b"/Type /Pag").count();
        assert!(bytes.starts_with(b"%PDF-"), "a PDF starts with its header");
        assert!(
            pages >= 3,
            "200 lines do not fit on one page ({pages} page objects)"
        );
    }
}
