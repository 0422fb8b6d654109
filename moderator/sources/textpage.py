"""Saved text of an article page (format `caravanserai`).

The Caravanserai layout: outlet, section, title and a `By ...` byline; body paragraphs (photo
captions repeated once more by the page); `Do you like this article?`; `27 Comment(s)`; the
`Comment Policy ...` line; then the reader comments, each ended by a `Reply` control line. The
English page carries translator glosses in square brackets inside comments; they are moved from
`text` to `glosses`. Other saved pages give their article metadata, 0 comments, and the social
media posts they quote (`- @handle: "..."`) as rows of kind `quoted_post`.
"""

import re

from moderator.sources.common import positional_id, slugify, source_stem, tidy_text
from moderator.table import KIND_COMMENT, KIND_QUOTED_POST, LIST_SEPARATOR

_COUNT_LINE = re.compile(
    r"^(\d[\d,]{0,9})\s+(?:comments?|comment\(s\)|комментари\w*)$"
    r"|^(?:комментарии|comments)\s*\((\d{1,9})\)$",
    re.IGNORECASE,
)
_POLICY_LINE = re.compile(r"^comment policy\b", re.IGNORECASE)
_REPLY_LINES = {"reply", "ответить", "жауап беру", "жауап"}
_ARTICLE_END_LINES = {"do you like this article?"}
_BYLINE = re.compile(r"^(?:by|автор:?|от)\s+\S.{0,80}$", re.IGNORECASE)
_GLOSS = re.compile(r"[^\S\n]*\[([^\[\]\n]{1,300})\]")
_CAPTION_CREDIT = re.compile(r"\[[^\[\]]{1,80}/[^\[\]]{1,40}\]$|^(?:credit|photo|фото):", re.I)
_DATELINE = re.compile(r"^([A-ZА-ЯЁ][A-ZА-ЯЁ .,'’-]{1,40}?)\s+(?:--|—|–)\s+\S")
_QUOTED_POST = re.compile(
    r"^[-–—•*]\s*@([\w.]{1,64})\s*:\s*[\"“«„](.+)[\"”»“]\s*[.,;]?$",
)
_HEADING_LENGTH = 60


def looks_like_comment_page(text):
    """Content sniffing: a saved page with a Caravanserai-style comment section."""
    for line in text.splitlines():
        line = line.strip()
        if _COUNT_LINE.match(line) or _POLICY_LINE.match(line):
            return True
    return False


def read_text_page(text, source):
    """Parse one saved text page: (articles, comment columns, warnings)."""
    lines = [line.strip() for line in text.splitlines()]
    count_index = _first(lines, lambda line: bool(_COUNT_LINE.match(line)))
    policy_index = _first(lines, lambda line: bool(_POLICY_LINE.match(line)))
    end_index = _first(lines, lambda line: line.lower() in _ARTICLE_END_LINES)
    article_end = min(
        i for i in (count_index, policy_index, end_index, len(lines)) if i is not None
    )
    comments_start = policy_index if policy_index is not None else count_index

    article = _article(lines[:article_end], source)
    declared = None
    if count_index is not None:
        match = _COUNT_LINE.match(lines[count_index])
        declared = int((match.group(1) or match.group(2)).replace(",", ""))

    warnings = []
    rows = [_quoted_post(match) for match in map(_QUOTED_POST.match, lines[:article_end]) if match]
    if comments_start is not None:
        comments, unended = _split_comments(lines[comments_start + 1 :])
        if unended and comments:
            comments.append(unended)
            warnings.append(
                f"{source}: the last comment has no Reply line after it (page saved incomplete?)"
            )
        elif unended:
            warnings.append(f"{source}: text after the comment section's start but no Reply lines")
        rows += [_comment(block) for block in comments]

    columns = _columns(rows, article["article_id"], source)
    parsed = sum(1 for row in rows if row["kind"] == KIND_COMMENT)
    mismatch = declared is not None and declared != parsed
    if mismatch:
        warnings.append(f"{source}: the page declares {declared} comments but {parsed} were found")
    article.update(
        declared_comment_count=declared, parsed_comment_count=parsed, count_mismatch=mismatch
    )
    return [article], columns, warnings


def _article(lines, source):
    paragraphs = [line for line in lines if line]
    byline_index = _first(paragraphs[:6], lambda line: bool(_BYLINE.match(line)))
    outlet = section = byline = ""
    if byline_index:
        title = paragraphs[byline_index - 1]
        if byline_index >= 2:
            outlet = paragraphs[0]
        if byline_index >= 3:
            section = paragraphs[byline_index - 2]
        byline = re.sub(r"^\S+:?\s+", "", paragraphs[byline_index])
        body_lines = paragraphs[byline_index + 1 :]
    else:
        index = _title_index(paragraphs)
        title_line = paragraphs[index] if index is not None else None
        title = (title_line or "")[:200]
        start = index + 1 if index is not None else 0
        body_lines = [line for line in paragraphs[start:] if line != title_line]
    body = _body(body_lines)
    dateline = ""
    for paragraph in body:
        if paragraph["kind"] == "paragraph":
            match = _DATELINE.match(paragraph["text"])
            dateline = match.group(1).strip() if match else ""
            break
    return {
        "article_id": slugify(title, fallback=source_stem(source)),
        "outlet": outlet,
        "section": section,
        "title": title,
        "byline": byline,
        "dateline": dateline,
        "body": body,
    }


def _title_index(paragraphs):
    """The first line the page repeats (a headline shown twice), else the first headline-like
    line, else the first line (None for an empty page)."""
    seen = set()
    for paragraph in paragraphs[:8]:
        if paragraph in seen and len(paragraph.split()) >= 3:
            return paragraphs.index(paragraph)
        seen.add(paragraph)
    for index, paragraph in enumerate(paragraphs):
        if len(paragraph.split()) >= 4 and len(paragraph) <= 200:
            return index
    return 0 if paragraphs else None


def _body(lines):
    """Paragraphs in order; a caption the page repeats appears once, marked as a caption."""
    body = []
    for line in lines:
        if body and body[-1]["text"] == line:
            body[-1]["kind"] = "caption"
            continue
        if _CAPTION_CREDIT.search(line):
            kind = "caption"
        elif len(line) <= _HEADING_LENGTH and not re.search(r"[.!?:;\"”»)]$", line):
            kind = "heading"
        else:
            kind = "paragraph"
        body.append({"kind": kind, "text": line})
    return body


def _split_comments(lines):
    """Blocks of lines each ended by a Reply line, and the lines left after the last one."""
    blocks, current = [], []
    for line in lines:
        if line.lower() in _REPLY_LINES:
            if any(current):
                blocks.append(current)
            current = []
        else:
            current.append(line)
    return blocks, current if any(current) else []


def _comment(lines):
    raw = "\n".join(lines)
    glosses = [tidy_text(match.group(1)) for match in _GLOSS.finditer(raw)]
    return {
        "kind": KIND_COMMENT,
        "author": "",
        "text": tidy_text(_GLOSS.sub("", raw)),
        "glosses": LIST_SEPARATOR.join(gloss.replace(LIST_SEPARATOR, "/") for gloss in glosses),
    }


def _quoted_post(match):
    return {"kind": KIND_QUOTED_POST, "author": match.group(1), "text": tidy_text(match.group(2))}


def _columns(rows, article_id, source):
    numbers = {KIND_COMMENT: 0, KIND_QUOTED_POST: 0}
    ids = []
    for row in rows:
        numbers[row["kind"]] += 1
        ids.append(positional_id(article_id, numbers[row["kind"]], row["kind"]))
    return {
        "article_id": [article_id] * len(rows),
        "comment_id": ids,
        "position": list(range(1, len(rows) + 1)),
        "author": [row["author"] for row in rows],
        "text": [row["text"] for row in rows],
        "glosses": [row.get("glosses", "") for row in rows],
        "kind": [row["kind"] for row in rows],
        "source": [str(source)] * len(rows),
    }


def _first(items, predicate):
    return next((index for index, item in enumerate(items) if predicate(item)), None)
