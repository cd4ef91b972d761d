#!/usr/bin/env python3
"""Checks that PDF files are tagged and declare PDF/UA-1, with pikepdf.

veraPDF is the reference validator for PDF/UA-1; it is not used here because its
Maven artifacts cannot be installed where the tests run (docs/print.md). This is
the structure check a library can make, on every file given:

  - the document is tagged: a structure tree (/StructTreeRoot) and /MarkInfo
    /Marked true;
  - it has a language (/Lang) and a title, shown in the viewer's title bar
    (/ViewerPreferences /DisplayDocTitle true);
  - its XMP metadata identifies it as PDF/UA-1 (pdfuaid:part = 1);
  - every figure of the structure has alternative text (/Alt);
  - everything painted on a page (text, paths, images) is inside marked content:
    either tagged or an artifact;
  - the heading elements (H, H1-H6) exist, with levels that start at 1 and never
    skip one, and the outline (bookmarks) lists exactly their titles, in order.

Usage: check.py [--json] FILE.pdf...
Prints each file's problems (or, with --json, one JSON object per file with the
facts found) and exits 1 if any file has a problem, 2 on bad usage.
"""

import json
import re
import sys

import pikepdf

HEADING = re.compile(r"^H([1-6])?$")

# Content stream operators that paint: text, paths, images and shadings.
PAINTING = {"Tj", "TJ", "'", '"', "f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "Do", "sh"}


def text(value):
    """A PDF string or name as Python text, or None."""
    if value is None:
        return None
    if isinstance(value, pikepdf.Name):
        return str(value)[1:]
    return str(value)


def role(element, role_map):
    """The standard type of a structure element, following the role map."""
    kind = text(element.get("/S"))
    seen = set()
    while kind is not None and kind in role_map and kind not in seen:
        seen.add(kind)
        kind = text(role_map[kind])
    return kind


def elements(node):
    """Structure elements under node, depth first, in document order."""
    kids = node.get("/K")
    if kids is None:
        return
    if not isinstance(kids, pikepdf.Array):
        kids = [kids]
    for kid in kids:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield kid
            yield from elements(kid)


def outline_titles(pdf):
    """Every outline entry's title, depth first."""
    titles = []
    with pdf.open_outline() as outline:
        stack = list(reversed(outline.root))
        while stack:
            item = stack.pop()
            titles.append(item.title)
            stack.extend(reversed(item.children))
    return titles


def unmarked_painting(page):
    """How many painting operators of a page's content stand outside marked content."""
    depth = 0
    unmarked = 0
    for operands, operator in pikepdf.parse_content_stream(page):
        name = str(operator)
        if name in ("BDC", "BMC"):
            depth += 1
        elif name == "EMC":
            depth = max(depth - 1, 0)
        elif name in PAINTING and depth == 0:
            unmarked += 1
    return unmarked


def pdfua_part(pdf):
    """The PDF/UA part the XMP metadata declares, or None."""
    meta = pdf.open_metadata()
    part = meta.get("pdfuaid:part")
    return str(part) if part is not None else None


def facts(path):
    """What the file declares, and its problems."""
    found = {"file": path, "problems": []}
    problems = found["problems"]
    with pikepdf.open(path) as pdf:
        root = pdf.Root
        docinfo = pdf.docinfo
        found["title"] = text(docinfo.get("/Title"))
        found["lang"] = text(root.get("/Lang"))
        mark_info = root.get("/MarkInfo")
        found["marked"] = bool(mark_info is not None and mark_info.get("/Marked"))
        prefs = root.get("/ViewerPreferences")
        found["display_doc_title"] = bool(
            prefs is not None and prefs.get("/DisplayDocTitle")
        )
        found["pdfua_part"] = pdfua_part(pdf)
        tree = root.get("/StructTreeRoot")
        found["tagged"] = tree is not None
        found["figures"] = []
        found["headings"] = []
        found["tables"] = 0
        found["row_headers"] = 0
        if tree is not None:
            role_map = tree.get("/RoleMap") or {}
            role_map = {text(k)[1:] if text(k).startswith("/") else text(k): v for k, v in role_map.items()}
            for element in elements(tree):
                kind = role(element, role_map)
                if kind == "Figure":
                    found["figures"].append(text(element.get("/Alt")))
                elif kind == "Table":
                    found["tables"] += 1
                elif kind == "TH":
                    attributes = element.get("/A")
                    if attributes is not None and not isinstance(attributes, pikepdf.Array):
                        attributes = [attributes]
                    for attribute in attributes or []:
                        if isinstance(attribute, pikepdf.Dictionary) and text(
                            attribute.get("/Scope")
                        ) == "Row":
                            found["row_headers"] += 1
                elif kind and HEADING.match(kind):
                    level = HEADING.match(kind).group(1)
                    found["headings"].append(
                        {"level": int(level) if level else None, "title": text(element.get("/T"))}
                    )
        found["outline"] = outline_titles(pdf)
        found["unmarked_painting"] = {
            str(n): count
            for n, page in enumerate(pdf.pages, 1)
            if (count := unmarked_painting(page))
        }

    if not found["tagged"]:
        problems.append("not tagged: the document has no structure tree (/StructTreeRoot)")
    if not found["marked"]:
        problems.append("not marked as tagged: /MarkInfo /Marked is not true")
    if not found["lang"]:
        problems.append("no document language (/Lang in the catalog)")
    if not found["title"]:
        problems.append("no document title (/Title)")
    if not found["display_doc_title"]:
        problems.append("the viewer shows the file name, not the title (/DisplayDocTitle)")
    if found["pdfua_part"] != "1":
        problems.append(
            f"the XMP metadata does not declare PDF/UA-1 (pdfuaid:part is {found['pdfua_part']})"
        )
    for page, count in found["unmarked_painting"].items():
        problems.append(
            f"page {page}: {count} painting operator(s) neither tagged nor an artifact"
        )
    for n, alt in enumerate(found["figures"], 1):
        if not alt or not alt.strip():
            problems.append(f"figure {n} has no alternative text (/Alt)")
    if found["tagged"] and not found["headings"]:
        problems.append("no headings in the structure tree")
    previous = 0
    for heading in found["headings"]:
        level = heading["level"]
        if level is not None and level > previous + 1:
            problems.append(
                f"heading {heading['title']!r} skips from level {previous} to {level}"
            )
        if level is not None:
            previous = level
    titles = [h["title"] for h in found["headings"]]
    if found["tagged"] and titles != found["outline"]:
        problems.append(
            f"the outline {found['outline']!r} does not list the headings {titles!r}"
        )
    return found


def main(args):
    as_json = "--json" in args
    files = [a for a in args if a != "--json"]
    if not files:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    failed = False
    for path in files:
        try:
            found = facts(path)
        except (pikepdf.PdfError, OSError) as error:
            found = {"file": path, "problems": [f"cannot be read as a PDF: {error}"]}
        failed = failed or bool(found["problems"])
        if as_json:
            print(json.dumps(found, ensure_ascii=False, sort_keys=True))
        else:
            for problem in found["problems"]:
                print(f"{path}: {problem}")
            if not found["problems"]:
                print(f"{path}: tagged, PDF/UA-1 declared, structure checked")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
