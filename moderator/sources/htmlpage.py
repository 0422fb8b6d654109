"""Generic HTML pages and Disqus XML exports (format `html`), with the standard html.parser.

Comments are found the common ways: elements whose class or id names comment text
(`comment-content`, `comment-body`, `comment-text`, Disqus's `post-message`, a `<message>`), or,
on pages without such names, comment items (`class="comment"`, `id="comment-12"`, `<article>`
and `<li>` inside a `comments` section). Author and time come from the item around the text;
`parent_id` from reply nesting (a reply list inside the replied-to comment) or Disqus's
`<parent dsq:id>`. Script, style, template and noscript content never becomes text.
"""

import bisect
import re
from html.parser import HTMLParser

from moderator.errors import InputError
from moderator.sources.common import (
    dump_article,
    positional_id,
    slugify,
    source_stem,
    tidy_text,
)
from moderator.table import KIND_COMMENT

_SKIPPED = {"script", "style", "template", "noscript", "svg", "math", "iframe", "object"}
_VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
}  # fmt: skip
_BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
    "article", "section", "header", "footer", "pre", "table", "dd", "dt", "hr", "message",
}  # fmt: skip
_CLOSES_P = _BLOCK - {"br"}
_MAX_DEPTH = 256
_CONTENT = re.compile(
    r"^(?:comment|reply)[-_]?(?:content|text|body|message|entry)$|^post[-_]message$"
    r"|^(?:comment|message)[-_]?text$"
)
_ITEM = re.compile(
    r"^(?:comment|(?:li|div)[-_]comment|comment[-_]?\d+|(?:li|div)[-_]comment[-_]\d+|c\d+)$"
    r"|^comment[-_](?:item|container|wrapper|node|single|entry)$"
)
_ITEM_TAGS = {"article", "li", "post"}
_LIST = re.compile(r"^(?:children|replies|comment[-_]?replies|reply[-_]?list|sub[-_]?comments)$")
_ROOT = re.compile(
    r"^(?:comments|commentlist|comment[-_]list|comments[-_](?:list|area|section|wrapper|block)"
    r"|comment[-_]section|disqus[-_]thread|responses)$"
)
_META = re.compile(
    r"author|avatar|meta|date|time|reply|actions|vote|like|share|report|permalink|says|byline"
    r"|username|flag|footer|header|edit"
)
_AUTHOR = re.compile(r"^(?:fn|author[-_]?name|user[-_]?name|username|nickname)$")
_AUTHOR_LOOSE = re.compile(r"^(?:(?:comment|post)[-_]?)?author$|^(?:comment[-_])?user$")
_TIME = re.compile(r"date|time|published|createdat")
_DECLARED = re.compile(
    r"\b(\d[\d,]{0,9})\s+(?:comments?|comment\(s\)|responses?|replies|thoughts? on|reactions?)\b",
    re.IGNORECASE,
)
_COUNT_ELEMENT = re.compile(r"comments?[-_]?(?:count|title|number)|^count$")
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.DOTALL)
_SCRIPT_ONLY_TEXT = 200


class _Node:
    __slots__ = ("attrs", "children", "parent", "tag", "tokens")

    def __init__(self, tag, attrs, parent):
        self.tag = tag
        self.attrs = attrs
        self.parent = parent
        self.children = []
        classes = (attrs.get("class") or "").lower().split()
        identifier = (attrs.get("id") or "").lower().strip()
        self.tokens = classes + ([identifier] if identifier else [])

    def matches(self, pattern):
        return any(pattern.search(token) for token in self.tokens)

    def walk(self):
        """This node and its descendants in document order (iterative: pages nest deeply)."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(child for child in reversed(node.children) if isinstance(child, _Node))


class _TreeBuilder(HTMLParser):
    """A forgiving DOM: unclosed <p>/<li> close themselves, stray end tags are ignored."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root", {}, None)
        self.current = self.root
        self.depth = 0
        self.skipping = 0
        self.skipped_characters = 0

    def handle_starttag(self, tag, attrs):
        if self.skipping:
            self.skipping += tag in _SKIPPED
            return
        if tag in _SKIPPED:
            self.skipping = 1
            return
        if tag in _CLOSES_P and self.current.tag == "p":
            self._close("p")
        if tag in ("li", "dt", "dd"):
            self._close_open(tag, stop={"ul", "ol", "dl"})
        node = _Node(tag, {name: value or "" for name, value in attrs}, self.current)
        self.current.children.append(node)
        if tag not in _VOID and self.depth < _MAX_DEPTH:
            self.current = node
            self.depth += 1

    def handle_startendtag(self, tag, attrs):
        if not self.skipping and tag not in _SKIPPED:
            self.handle_starttag(tag, attrs)
            if self.current.tag == tag and tag not in _VOID:
                self._close(tag)

    def handle_endtag(self, tag):
        if self.skipping:
            self.skipping -= tag in _SKIPPED
            return
        self._close(tag)

    def handle_data(self, data):
        if self.skipping:
            self.skipped_characters += len(data)
        else:
            self.current.children.append(data)

    def _close(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent
            self.depth = _depth(self.current)

    def _close_open(self, tag, stop):
        node = self.current
        while node is not self.root and node.tag not in stop:
            if node.tag == tag:
                self.current = node.parent
                self.depth = _depth(self.current)
                return
            node = node.parent


def _depth(node):
    depth = 0
    while node.parent is not None:
        depth += 1
        node = node.parent
    return depth


def parse_html(text):
    """The page as a tree (CDATA sections, as in Disqus exports, read as markup)."""
    builder = _TreeBuilder()
    builder.feed(_CDATA.sub(lambda match: match.group(1), text))
    builder.close()
    return builder


def text_of(node, exclude=frozenset(), skip_meta=False):
    """Visible text under `node`, one line per block element, without the `exclude` subtrees."""
    parts = []
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
            continue
        if item is not node and (item in exclude or (skip_meta and item.matches(_META))):
            continue
        if item.tag in _BLOCK:
            parts.append("\n")
        stack.append("\n" if item.tag in _BLOCK else "")
        stack.extend(reversed(item.children))
    return tidy_text("".join(parts))


def read_html_page(text, source):
    """Parse one HTML page or Disqus export: (articles, comment columns, warnings)."""
    builder = parse_html(text)
    root = builder.root
    posts = [node for node in root.walk() if node.tag == "post"]
    if any(node.tag == "disqus" for node in root.walk()) and posts:
        return _read_disqus(root, posts, source)
    article = _article_metadata(root, source)
    comments = _find_comments(root)
    if not comments and builder.skipped_characters and len(text_of(root)) < _SCRIPT_ONLY_TEXT:
        raise InputError(
            f"{source}: the page is scripts and styles with no text; comments that a script "
            "loads are not in the saved file (export them as CSV or JSONL instead)"
        )
    columns = _columns(comments, article["article_id"], source)
    warnings = []
    parsed = len(comments)
    declared = article["declared_comment_count"]
    mismatch = declared is not None and declared != parsed
    if mismatch:
        warnings.append(f"{source}: the page declares {declared} comments but {parsed} were found")
    article.update(parsed_comment_count=parsed, count_mismatch=mismatch)
    return [article], columns, warnings


def _find_comments(root):
    """A record per comment: text, author, time, and the index of the record it replies to."""
    nodes = list(root.walk())
    contents = [node for node in nodes if node.tag == "message" or node.matches(_CONTENT)]
    if not contents:
        contents = [node for node in nodes if _is_item(node)]
    contents = _innermost(contents)
    holders = set()  # the comment text elements and every element around one
    for content in contents:
        node = content
        while node is not None and node not in holders:
            holders.add(node)
            node = node.parent
    siblings = _SiblingIndex(holders)
    records, index_of = [], {}
    for content in contents:
        item = _item_of(content, holders)
        index_of[content] = len(records)
        records.append(
            {
                "text": text_of(content, exclude=holders, skip_meta=True),
                "author": _author(item, content, holders),
                "posted_at": _time(item, holders, content),
                "parent": _parent(item, index_of, siblings),
            }
        )
    kept = [index for index, record in enumerate(records) if record["text"]]
    renumbered = {old: new for new, old in enumerate(kept)}
    for index in kept:
        records[index]["parent"] = renumbered.get(records[index]["parent"])
    return [records[index] for index in kept]


def _is_item(node):
    if node.matches(_ITEM):
        return True
    if node.tag in ("article", "li"):
        ancestor = node.parent
        while ancestor is not None:
            if ancestor.matches(_ROOT):
                return True
            ancestor = ancestor.parent
    return False


def _innermost(contents):
    """Drop a content element whose own text part is a nested content element."""
    content_set = set(contents)
    dropped = set()
    for content in contents:
        node = content.parent
        while node is not None:
            if node in content_set:
                dropped.add(node)
                break
            if _is_boundary(node) or node.tag in _ITEM_TAGS or node.matches(_ITEM):
                break
            node = node.parent
    return [content for content in contents if content not in dropped]


def _is_boundary(node):
    return node.tag in ("ol", "ul") or node.matches(_LIST) or node.matches(_ROOT)


def _is_item_like(node):
    return node.tag in _ITEM_TAGS or node.matches(_ITEM)


def _item_of(content, holders):
    """The comment item around a text element: the nearest item-like ancestor, else the
    element around the text when it holds no other comment, else the text element itself."""
    node = content
    while node is not None and not _is_boundary(node):
        if _is_item_like(node):
            return node
        node = node.parent
    wrapper = content.parent
    if wrapper is not None and sum(child in holders for child in wrapper.children) == 1:
        return wrapper
    return content


def _own_nodes(item, holders, content):
    """Nodes of `item` that belong to this comment, not to comments nested in it."""
    stack = [item]
    while stack:
        node = stack.pop()
        yield node
        for child in reversed(node.children):
            if isinstance(child, _Node) and (child not in holders or _contains(child, content)):
                stack.append(child)


def _contains(node, target):
    while target is not None:
        if target is node:
            return True
        target = target.parent
    return False


def _author(item, content, holders):
    own = list(_own_nodes(item, holders, content))
    for pattern in (_AUTHOR, _AUTHOR_LOOSE):
        for node in own:
            if node.tag == "author" or node.matches(pattern):
                name = next((n for n in node.walk() if n.tag == "name"), node)
                text = re.sub(r"\s+says:?$", "", text_of(name).replace("\n", " "))
                if text:
                    return text
    return ""


def _time(item, holders, content):
    for node in _own_nodes(item, holders, content):
        if node.tag in ("time", "createdat") or (node.tag != "#root" and node.matches(_TIME)):
            value = node.attrs.get("datetime") or node.attrs.get("title") or text_of(node)
            if value:
                return value.strip()
    return ""


class _SiblingIndex:
    """Per parent element: the positions of its children that hold comment text (bisectable)."""

    def __init__(self, holders):
        self._holders = holders
        self._cache = {}

    def preceding(self, node, include_items):
        """The nearest earlier sibling of `node` that holds comment text (item-like siblings,
        peers of an item, only when `include_items`)."""
        above = node.parent
        if above not in self._cache:
            position, every, non_items = {}, [], []
            for index, child in enumerate(above.children):
                if isinstance(child, _Node):
                    position[child] = index
                    if child in self._holders:
                        every.append(index)
                        if not _is_item_like(child):
                            non_items.append(index)
            self._cache[above] = (position, every, non_items)
        position, every, non_items = self._cache[above]
        indices = every if include_items else non_items
        found = bisect.bisect_left(indices, position[node]) - 1
        return above.children[indices[found]] if found >= 0 else None


def _parent(item, index_of, siblings):
    """The record a reply answers, found by climbing out of the reply list it sits in: the
    text beside that list (or beside the reply item itself) belongs to the replied-to comment."""
    node, crossed = item, _is_boundary(item)
    while node.parent is not None:
        above = node.parent
        if above.matches(_ROOT) or above.tag in ("body", "#root"):
            return None
        if crossed or _is_item_like(node):
            # Before crossing a reply list, earlier item-like siblings are earlier comments in
            # the same list, not the one replied to.
            sibling = siblings.preceding(node, include_items=crossed)
            if sibling is not None:
                owned = next((n for n in sibling.walk() if n in index_of), None)
                if owned is not None:
                    return index_of[owned]
        crossed = crossed or _is_boundary(above)
        node = above
    return None


def _columns(records, article_id, source):
    ids = [positional_id(article_id, number) for number in range(1, len(records) + 1)]
    return {
        "article_id": [article_id] * len(records),
        "comment_id": ids,
        "position": list(range(1, len(records) + 1)),
        "parent_id": [
            ids[record["parent"]] if record["parent"] is not None else "" for record in records
        ],
        "author": [record["author"] for record in records],
        "posted_at": [record["posted_at"] for record in records],
        "text": [record["text"] for record in records],
        "kind": [KIND_COMMENT] * len(records),
        "source": [str(source)] * len(records),
    }


def _meta(root, *names):
    for node in root.walk():
        if node.tag == "meta":
            key = (node.attrs.get("property") or node.attrs.get("name") or "").lower()
            if key in names and node.attrs.get("content", "").strip():
                return node.attrs["content"].strip()
    return ""


def _article_metadata(root, source):
    nodes = list(root.walk())
    title = _meta(root, "og:title", "twitter:title")
    if not title:
        heading = next((node for node in nodes if node.tag in ("h1", "title")), None)
        title = text_of(heading).replace("\n", " ") if heading else ""
    comment_area = {
        node for container in nodes if container.matches(_ROOT) for node in container.walk()
    }
    body = [
        {"kind": "paragraph", "text": text}
        for node in nodes
        if node.tag == "p" and node not in comment_area and not _inside_comment(node)
        if (text := text_of(node))
    ]
    declared = None
    for node in nodes:
        # A headline like "5 replies to critics" is no comment count: only headings in the
        # comments area, or elements named as a count, declare one.
        heading = node.tag in ("h2", "h3", "h4", "h5") and node in comment_area
        if heading or (node.tag != "#root" and node.matches(_COUNT_ELEMENT)):
            match = _DECLARED.search(text_of(node))
            if match:
                declared = int(match.group(1).replace(",", ""))
                break
    return {
        "article_id": slugify(title, fallback=source_stem(source)),
        "outlet": _meta(root, "og:site_name", "application-name"),
        "section": _meta(root, "article:section"),
        "title": title,
        "byline": _meta(root, "author", "article:author"),
        "dateline": "",
        "body": body,
        "declared_comment_count": declared,
    }


def _inside_comment(node):
    while node is not None:
        if node.matches(_CONTENT) or node.matches(_ITEM):
            return True
        node = node.parent
    return False


def _read_disqus(root, posts, source):
    """A Disqus XML export: <thread> elements (articles) and flat <post>s linked by ids."""
    threads = {}
    for node in root.walk():
        if node.tag == "thread" and node.attrs.get("dsq:id") and node.parent.tag == "disqus":
            title = next((text_of(n) for n in node.walk() if n.tag == "title"), "")
            link = next((text_of(n) for n in node.walk() if n.tag == "link"), "")
            threads[node.attrs["dsq:id"]] = slugify(title or link, fallback=source_stem(source))
    rows = []
    skipped = 0
    for post in posts:
        fields = {child.tag: child for child in post.children if isinstance(child, _Node)}
        deleted = "isdeleted" in fields and text_of(fields["isdeleted"]) == "true"
        text = text_of(fields["message"]) if "message" in fields else ""
        if deleted or not text:
            skipped += 1
            continue
        author = fields.get("author")
        name = next((n for n in author.walk() if n.tag == "name"), None) if author else None
        thread = fields.get("thread")
        parent = fields.get("parent")
        rows.append(
            {
                "article_id": threads.get(
                    thread.attrs.get("dsq:id") if thread else None, source_stem(source)
                ),
                "dsq_id": post.attrs.get("dsq:id", ""),
                "parent_dsq_id": parent.attrs.get("dsq:id", "") if parent else "",
                "author": text_of(name).replace("\n", " ") if name else "",
                "posted_at": text_of(fields["createdat"]) if "createdat" in fields else "",
                "text": text,
            }
        )
    numbers, ids = {}, {}
    for row in rows:
        numbers[row["article_id"]] = number = numbers.get(row["article_id"], 0) + 1
        row["position"] = number
        row["comment_id"] = positional_id(row["article_id"], number)
        if row["dsq_id"]:
            ids[row["dsq_id"]] = row["comment_id"]
    columns = {
        "article_id": [row["article_id"] for row in rows],
        "comment_id": [row["comment_id"] for row in rows],
        "position": [row["position"] for row in rows],
        "parent_id": [ids.get(row["parent_dsq_id"], "") for row in rows],
        "author": [row["author"] for row in rows],
        "posted_at": [row["posted_at"] for row in rows],
        "text": [row["text"] for row in rows],
        "kind": [KIND_COMMENT] * len(rows),
        "source": [str(source)] * len(rows),
    }
    articles = [
        dump_article(article_id, count)
        for article_id, count in (numbers or {source_stem(source): 0}).items()
    ]
    warnings = [f"{source}: skipped {skipped} deleted or empty posts"] if skipped else []
    return articles, columns, warnings
