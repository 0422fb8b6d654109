"""Property: any text or bytes give a comments table or the documented InputError, nothing else."""

import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from moderator.errors import InputError
from moderator.sources import FORMATS, read_input
from moderator.table import COMMENT_COLUMNS

# Pieces of every format's syntax, so that generated inputs reach deep into each reader.
FRAGMENTS = [
    "Reply\n",
    "27 Comment(s)\n",
    "Comment Policy * Denotes Required Field\n",
    "By Someone\n",
    '- @handle: "quoted"\n',
    "[gloss]",
    "<div class='comment-content'>",
    "<li class='comment'>",
    "<ol class='children'>",
    "</div>",
    "</li>",
    "<script>",
    "</script>",
    "<template>",
    "<![CDATA[",
    "]]>",
    "<disqus><post dsq:id='1'><message>",
    "<parent dsq:id='1'/>",
    "&amp;",
    "&#0;",
    "text,author\n",
    '"',
    ",",
    ";",
    "\t",
    "\n",
    "\r",
    '{"text": "x"}\n',
    '[{"body": 1}, ',
    "{",
    "]",
    "Привет, мир",
    "Қазақ",
]
documents = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=20), max_size=40).map("".join)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(data, format="auto"):
    try:
        parsed = read_input(io.BytesIO(data), format=format)
    except InputError as error:
        message = str(error)
        assert message and "\n" not in message
        return
    assert list(parsed.comments.columns) == list(COMMENT_COLUMNS)
    assert parsed.comments["position"].dtype == "int64"
    assert all(isinstance(text, str) for text in parsed.comments["text"])
    assert isinstance(parsed.summary(), str)


@SETTINGS
@given(st.binary(max_size=2000))
def test_arbitrary_bytes(data):
    check(data)


@SETTINGS
@given(documents)
def test_arbitrary_structured_text(text):
    check(text.encode("utf-8", "surrogatepass"))


@SETTINGS
@given(documents, st.sampled_from(FORMATS))
def test_arbitrary_text_in_every_format(text, format):
    check(text.encode("utf-8", "surrogatepass"), format)
