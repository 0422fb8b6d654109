"""Open one input (a path, `-` for stdin, or a file object), refuse what is not text, decode it.

Page formats (saved text and HTML pages) are parsed as whole documents and are limited to
PAGE_SIZE_LIMIT bytes; tabular dumps stream through `decoded_chunks` in CHUNK_SIZE pieces.

Decoding: UTF-8 (a BOM is dropped), UTF-16 with a BOM, and the Cyrillic legacy encodings a
Russian or Kazakh site's export may use (cp1251, KZ-1048, KOI8-R), chosen by which one reads as
plausible Russian or Kazakh text. Undecodable input is an InputError naming the byte offset.
"""

import codecs
import io
import re
import sys
from pathlib import Path

from moderator.errors import InputError

PAGE_SIZE_LIMIT = 20 * 1024 * 1024
SAMPLE_SIZE = 64 * 1024
CHUNK_SIZE = 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ARCHIVES = ((b"\x1f\x8b", "gzip"), (b"PK\x03\x04", "zip"), (b"BZh", "bzip2"), (b"\xfd7zXZ", "xz"))
PARQUET_MAGIC = b"PAR1"
_LEGACY_ENCODINGS = ("cp1251", "kz1048", "koi8-r")
_LOWER = "а-яёәғқңөұүһі"
_UPPER = "А-ЯЁӘҒҚҢӨҰҮҺІ"
_LOWER_LETTER = re.compile(f"[{_LOWER}]")
_CYRILLIC_WORD = re.compile(f"[{_LOWER}{_UPPER}]{{2,}}")
_CASE_FLIP = re.compile(f"(?<=[{_LOWER}])[{_UPPER}]")
# Non-ASCII characters a Russian or Kazakh text plausibly holds besides its letters.
_EXPECTED_NON_ASCII = re.compile(f"[{_LOWER}{_UPPER}«»—–…№“”„‘’•·°€\u00a0\u00ad]")


class RawInput:
    """The bytes of one input: `head` (the first SAMPLE_SIZE bytes) for sniffing, then all of it."""

    def __init__(self, name, stream, path=None, size=None):
        self.name = name
        self.label = "stdin" if name == "-" else name  # how messages name the input
        self.path = path
        self.size = size
        self._stream = stream
        self.head = _read_up_to(stream, SAMPLE_SIZE)
        self.complete = len(self.head) < SAMPLE_SIZE
        self.bom, self.bom_encoding = b"", None
        for bom, encoding in _BOMS:
            if self.head.startswith(bom):
                self.bom, self.bom_encoding = bom, encoding
                break

    def chunks(self):
        """Every byte of the input, in pieces, the head first (readable once)."""
        yield self.head
        while chunk := self._stream.read(CHUNK_SIZE):
            yield chunk

    def read_all(self, limit=PAGE_SIZE_LIMIT, what="a page"):
        """The whole input, refused with a clear error beyond `limit` bytes."""
        if self.size is not None and self.size > limit:
            raise InputError(_too_large(self.label, self.size, limit, what))
        parts, total = [], 0
        for chunk in self.chunks():
            total += len(chunk)
            if total > limit:
                raise InputError(_too_large(self.label, None, limit, what))
            parts.append(chunk)
        return b"".join(parts)

    def close(self):
        if self._stream is not sys.stdin.buffer:
            self._stream.close()


def open_input(path_or_buffer):
    """Open a path, `-` (stdin) or a file object as a RawInput; user mistakes are InputErrors."""
    if hasattr(path_or_buffer, "read"):
        data = path_or_buffer.read()
        if isinstance(data, str):
            data = data.encode("utf-8", "surrogatepass")
        name = getattr(path_or_buffer, "name", None)
        raw = RawInput(name if isinstance(name, str) else "<stream>", io.BytesIO(data))
    elif str(path_or_buffer) == "-":
        raw = RawInput("-", sys.stdin.buffer)
    else:
        path = Path(path_or_buffer)
        try:
            if path.is_dir():
                raise InputError(f"{path} is a directory, not a file")
            stream = path.open("rb")
        except FileNotFoundError:
            raise InputError(f"{path}: no such file") from None
        except PermissionError:
            raise InputError(f"{path}: permission denied") from None
        except OSError as error:
            raise InputError(f"{path}: cannot be read ({error.strerror or error})") from None
        raw = RawInput(str(path), stream, path=path, size=path.stat().st_size)
    try:
        _refuse_non_text(raw)
    except InputError:
        raw.close()
        raise
    return raw


def _refuse_non_text(raw):
    if not raw.head[len(raw.bom) :].strip() and raw.complete:
        raise InputError(f"{raw.label} is empty")
    if raw.head.startswith(PARQUET_MAGIC) or raw.bom_encoding in ("utf-16-le", "utf-16-be"):
        return
    for magic, kind in _ARCHIVES:
        if raw.head.startswith(magic):
            raise InputError(f"{raw.label} is a {kind}-compressed file; unpack it first")
    controls = sum(raw.head.count(bytes([byte])) for byte in range(32) if byte not in b"\t\n\r\f")
    if b"\x00" in raw.head or controls > len(raw.head) // 20:
        raise InputError(f"{raw.label} looks like a binary file, not text")


def choose_encoding(raw, data=None):
    """The encoding of `data` (default: the head). UTF-8 first, else the plausible legacy one."""
    if raw.bom_encoding:
        return raw.bom_encoding
    sample = raw.head if data is None else data
    final = data is not None or raw.complete
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=final)
        return "utf-8"
    except UnicodeDecodeError as error:
        offset = error.start
    legacy = _legacy_encoding(sample)
    if legacy is None:
        raise InputError(
            f"{raw.label}: not valid UTF-8 at byte {offset}, and not Cyrillic cp1251, KZ-1048 or "
            "KOI8-R text either; convert it to UTF-8 (e.g. iconv -f ENCODING -t UTF-8)"
        )
    return legacy


def _legacy_encoding(sample):
    """The legacy Cyrillic encoding that reads `sample` most plausibly, or None."""
    scored = []
    for encoding in _LEGACY_ENCODINGS:
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        plausibility = _cyrillic_plausibility(text)
        if plausibility > 0:
            scored.append((plausibility, -_LEGACY_ENCODINGS.index(encoding), encoding))
    return max(scored)[2] if scored else None


def _cyrillic_plausibility(text):
    """Lowercase Cyrillic letters in words, less case flips inside words and unexpected characters.

    A text decoded with the wrong single-byte code page turns lowercase into uppercase letters
    (cp1251 vs KOI8-R) or letters into Serbian letters and symbols (cp1251 vs KZ-1048).
    """
    non_ascii = sum(1 for char in text if char >= "\x80")
    unexpected = non_ascii - len(_EXPECTED_NON_ASCII.findall(text))
    if unexpected * 10 > non_ascii:
        return 0
    lower = sum(len(_LOWER_LETTER.findall(word)) for word in _CYRILLIC_WORD.findall(text))
    return lower - 3 * len(_CASE_FLIP.findall(text)) - 3 * unexpected


def decoded_chunks(raw, encoding):
    """Decode the whole input in pieces; an undecodable byte is an InputError with its offset.

    A dump whose first 64 KiB are plain ASCII reads as UTF-8 until its first other byte; if
    that piece is not UTF-8 but plausible legacy Cyrillic, decoding switches to that encoding
    (nothing is lost: ASCII reads the same in all of them).
    """
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    ascii_so_far = encoding == "utf-8"
    fed = 0
    for index, chunk in enumerate(raw.chunks()):
        if index == 0:
            chunk = chunk[len(raw.bom) :]
            fed = len(raw.bom)
        pending = len(decoder.getstate()[0])
        try:
            text = decoder.decode(chunk)
        except UnicodeDecodeError as error:
            legacy = _legacy_encoding(chunk) if ascii_so_far else None
            if legacy is None:
                raise _undecodable(raw, encoding, fed - pending + error.start) from None
            encoding = legacy
            decoder = codecs.getincrementaldecoder(encoding)("strict")
            try:
                text = decoder.decode(chunk)
            except UnicodeDecodeError as error:
                raise _undecodable(raw, encoding, fed + error.start) from None
        ascii_so_far = ascii_so_far and chunk.isascii()
        fed += len(chunk)
        if text:
            yield text
    pending = len(decoder.getstate()[0])
    try:
        text = decoder.decode(b"", final=True)
    except UnicodeDecodeError as error:
        raise _undecodable(raw, encoding, fed - pending + error.start) from None
    if text:
        yield text


def decode_document(raw, limit=PAGE_SIZE_LIMIT, what="a page"):
    """The whole input as text (page formats), within `limit` bytes."""
    data = raw.read_all(limit, what)
    encoding = choose_encoding(raw, data[len(raw.bom) :])
    try:
        text = data[len(raw.bom) :].decode(encoding)
    except UnicodeDecodeError as error:
        raise _undecodable(raw, encoding, len(raw.bom) + error.start) from None
    if not text.strip():
        raise InputError(f"{raw.label} is empty")
    return text


def _undecodable(raw, encoding, offset):
    return InputError(
        f"{raw.label}: not valid {encoding} text at byte {offset}; convert it to UTF-8 "
        "(e.g. iconv -f ENCODING -t UTF-8)"
    )


def _too_large(name, size, limit, what):
    size_text = f" ({size / 2**20:.1f} MiB)" if size is not None else ""
    return (
        f"{name}{size_text} is larger than the {limit // 2**20} MiB limit for {what}; "
        "split it, or export the comments as CSV or JSONL, which stream"
    )


def _read_up_to(stream, size):
    parts, total = [], 0
    while total < size:
        part = stream.read(size - total)
        if not part:
            break
        parts.append(part)
        total += len(part)
    return b"".join(parts)
