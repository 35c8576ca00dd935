"""Decode a document's bytes to text, and never guess silently.

Order of evidence: the user's ``--encoding``; a byte-order mark; strict UTF-8;
then the Chinese legacy encodings (GBK/GB18030 and Big5). GB18030 decodes almost
any bytes and GBK and Big5 share their byte ranges, so a legacy decoding is
accepted only when the text it gives looks like Chinese, the other family's
text clearly does not, and charset-normalizer (free to try every codec) agrees
that Chinese is among the cleanest readings. When the evidence is thin (a few
characters that read as plausible Chinese both ways) the user is asked to pass
``--encoding``.

>>> decode_bytes("学习".encode("utf-8"), "a.txt")
Decoded(text='学习', encoding='utf-8')
>>> decode_bytes("我们今天去学校上课。".encode("gbk"), "a.txt").encoding
'gbk'
"""

from __future__ import annotations

import codecs
import os
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from flashgen.errors import ConfigError, InputError
from flashgen.lexicon.han import UNIFIED_FIRST, UNIFIED_LAST

# Longest BOMs first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte order mark at the start of ``data`` names, if any.

    >>> bom_encoding(codecs.BOM_UTF16_LE + "字".encode("utf-16-le")), bom_encoding(b"ok")
    ('utf-16', None)
    """
    return next((codec for bom, codec in _BOMS if data.startswith(bom)), None)


# Each family lists its codecs narrowest first; the first that decodes strictly
# is the one reported (GBK text is also valid GB18030, Big5 also valid CP950).
_FAMILIES: tuple[tuple[str, ...], ...] = (
    ("gbk", "gb18030"),
    ("big5", "cp950", "big5hkscs"),
)

# A Han character is "common" at or above this share of all Han characters in
# wordfreq's Chinese data (after mapping traditional to simplified). 1e-6 keeps
# the ~4,200 most frequent characters, 99.9% of all Han characters in that data;
# a wrong GBK/Big5 decoding of the shipped samples lands on rarer characters (or
# kana, Cyrillic, bopomofo, private-use code points) for ~58% of its characters.
_COMMON_HAN_SHARE = 1e-6

# Real documents do contain some rare characters (names, quotations): up to 5%
# of a text's non-ASCII characters may be implausible and it still counts as
# Chinese. The seed article runs at 0.5% (one rare character, one "※").
_MAX_ODD_SHARE = 0.05

# The losing family must be worse by this share of odd characters (and by at
# least one character) for the winner to be accepted without --encoding.
_MIN_ODD_MARGIN = 0.10

# Punctuation and marks that running Chinese text is made of besides Han.
_TEXT_PUNCTUATION = frozenset("，。、；：？！“”‘’（）《》〈〉【】「」『』…—·～　－％")


# A forced --encoding whose reading has more odd characters than this share
# (rare Han, compatibility ideographs, symbols, U+FFFD) is probably the wrong one.
_MOJIBAKE_SHARE = 0.25
# ...judged only on a text with at least this many non-ASCII characters.
_MOJIBAKE_MIN_CHARS = 20

# A file mixing UTF-8 and legacy lines is read line by line, each its own way.
MIXED = "utf-8 and gbk, line by line"


@dataclass(frozen=True)
class Decoded:
    """A document's text and the encoding it was read with (a Python codec name, or MIXED).

    ``warning`` says why the text may be wrong (a forced encoding that gives mojibake).
    """

    text: str
    encoding: str
    warning: str = field(default="", repr=False)


def check_encoding(encoding: str) -> str:
    """The codec's normalised name if ``encoding`` is a text encoding, else a one-line error.

    Codecs such as rot13, hex, base64 and zlib turn bytes into bytes (or str into
    str), and ``undefined`` decodes nothing: none can read a document.

    >>> check_encoding("GBK")
    'gbk'
    >>> check_encoding("base64")
    Traceback (most recent call last):
    ...
    flashgen.errors.ConfigError: --encoding base64: not a text encoding (try gbk, big5 or utf-16)
    """
    try:
        info = codecs.lookup(encoding)
    except (LookupError, ValueError):  # ValueError: a name with NUL bytes
        raise ConfigError(f"--encoding {encoding}: unknown encoding name") from None
    if not getattr(info, "_is_text_encoding", True):
        raise ConfigError(f"--encoding {encoding}: not a text encoding (try gbk, big5 or utf-16)")
    try:
        info.decode(b"")  # "undefined" raises whatever it is given
    except (UnicodeError, LookupError):
        raise ConfigError(f"--encoding {encoding}: cannot decode any text") from None
    return info.name


def name_text(name: str) -> str:
    """A file name as text: names that are not UTF-8 (GBK names from a Windows zip) decoded.

    Python keeps undecodable bytes of a file name as lone surrogates, which no
    UTF-8 text (a deck name, a database field, a message) can hold. A name that
    reads as plain Chinese in GBK/GB18030 is read so; other bytes become U+FFFD.

    >>> name_text(os.fsdecode("春节".encode("gbk")))
    '春节'
    >>> name_text("学习")
    '学习'
    """
    if not any("\udc80" <= ch <= "\udcff" for ch in name):
        return name
    raw = os.fsencode(name)
    legacy = _strict(raw, _FAMILIES[0])
    if legacy is not None and odd_share(legacy.text)[0] <= _MAX_ODD_SHARE:
        return legacy.text
    return raw.decode("utf-8", errors="replace")


_SHORT_FILE_BYTES = 1024


def decode_bytes(data: bytes, name: str, encoding: str | None = None) -> Decoded:
    """Decode ``data`` (the bytes of the file called ``name``) to text.

    ``encoding`` is the user's ``--encoding``: used strictly, no detection.
    Raises :class:`InputError` (naming the file) when the bytes cannot be
    decoded or the encoding cannot be told, and :class:`ConfigError` for an
    unknown codec name.

    >>> decode_bytes(b"", "empty.txt")
    Decoded(text='', encoding='utf-8')
    >>> decode_bytes(b"\\xef\\xbb\\xbfok", "bom.txt")
    Decoded(text='ok', encoding='utf-8-sig')
    """
    if encoding is not None:
        decoded = _decode_as(data, name, encoding)
        return Decoded(decoded.text, encoding, _mojibake(decoded.text, name, encoding))
    if not data:
        return Decoded("", "utf-8")
    codec = bom_encoding(data)
    if codec is not None:
        return _decode_as(data, name, codec)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_legacy(data, name)
    # A few GBK/Big5 characters can happen to be valid UTF-8 ("一" in GBK reads
    # as Cyrillic "һ"): when the UTF-8 reading is not Chinese but a legacy
    # reading is, refuse to choose. Only short files are at risk: legacy bytes
    # past a kilobyte are practically never valid UTF-8 by chance, so long
    # files skip the check (and the 1 s it costs to load the character list).
    if (
        len(data) <= _SHORT_FILE_BYTES
        and odd_share(text)[0] > _MAX_ODD_SHARE
        and _legacy_reading(data) is not None
    ):
        raise InputError(f"{name}: cannot tell the encoding (UTF-8 or GBK/Big5?); pass --encoding")
    return Decoded(text, "utf-8")


def _decode_as(data: bytes, name: str, encoding: str) -> Decoded:
    """Decode strictly with one named codec, or raise a one-line error."""
    codec = check_encoding(encoding)
    try:
        return Decoded(data.decode(codec), encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: cannot decode as {encoding}: {_where(exc)}") from None
    except UnicodeError as exc:  # idna, punycode...: errors without a position
        raise InputError(f"{name}: cannot decode as {encoding}: {exc}") from None


def _mojibake(text: str, name: str, encoding: str) -> str:
    """A warning when a forced encoding's reading does not look like Chinese, else ""."""
    chars = sum(1 for ch in text if not ch.isascii())
    if chars < _MOJIBAKE_MIN_CHARS:
        return ""
    share, _ = odd_share(text)
    if share <= _MOJIBAKE_SHARE:
        return ""
    return (
        f"{name}: read as {encoding}, but {share:.0%} of its non-ASCII characters are "
        "unlikely in Chinese text: is --encoding right?"
    )


def _decode_lines(data: bytes) -> Decoded | None:
    """A file of UTF-8 lines and GBK lines (two files pasted together), read line by line.

    None unless both kinds occur and the whole reads as Chinese.
    """
    if b"\0" in data:
        return None
    lines, kinds = [], set()
    for raw in data.split(b"\n"):
        try:
            lines.append(raw.decode("utf-8"))
            kinds.add("utf-8" if not raw.isascii() else "ascii")
        except UnicodeDecodeError:
            legacy = _strict(raw, _FAMILIES[0])
            if legacy is None:
                return None
            lines.append(legacy.text)
            kinds.add("gbk")
    text = "\n".join(lines)
    if {"utf-8", "gbk"} <= kinds and odd_share(text)[0] <= _MAX_ODD_SHARE:
        return Decoded(text, MIXED)
    return None


def _where(exc: UnicodeDecodeError) -> str:
    """``"invalid bytes 0xff 0xfe at offset 12"`` for an error message."""
    bad = " ".join(f"0x{b:02x}" for b in exc.object[exc.start : min(exc.end, exc.start + 4)])
    return f"invalid bytes {bad} at offset {exc.start}"


def _strict(data: bytes, codecs_: tuple[str, ...]) -> Decoded | None:
    """The first codec of a family that decodes ``data`` without error, if any."""
    for codec in codecs_:
        try:
            return Decoded(data.decode(codec), codec)
        except UnicodeDecodeError:
            continue
    return None


def _legacy_reading(data: bytes) -> Decoded | None:
    """A GBK or Big5 reading of ``data`` that looks like Chinese, if there is one."""
    for codecs_ in _FAMILIES:
        decoded = _strict(data, codecs_)
        if decoded is not None and odd_share(decoded.text)[0] <= _MAX_ODD_SHARE:
            return decoded
    return None


def _decode_legacy(data: bytes, name: str) -> Decoded:
    """Choose between GBK/GB18030 and Big5 on the evidence, or raise."""
    from charset_normalizer import is_binary

    decoded = [d for d in (_strict(data, c) for c in _FAMILIES) if d is not None]
    scored = sorted(((odd_share(d.text), d) for d in decoded), key=lambda pair: pair[0][0])
    if not scored or scored[0][0][0] > _MAX_ODD_SHARE:
        mixed = _decode_lines(data)
        if mixed is not None:
            return mixed
        if is_binary(data):
            raise _failure(data, name, "looks like a binary file, not text")
        raise _failure(
            data,
            name,
            "not UTF-8, and does not read as Chinese in GBK/GB18030 or Big5; pass --encoding",
        )
    (best_share, best_odd), best = scored[0]
    for (share, odd), _other in scored[1:]:
        if odd <= best_odd or share < best_share + _MIN_ODD_MARGIN:
            raise InputError(
                f"{name}: cannot tell the encoding (GBK or Big5?); pass --encoding gbk or big5"
            )
    _second_opinion(data, name)
    return best


def _second_opinion(data: bytes, name: str) -> None:
    """Raise unless charset-normalizer finds a Chinese reading among its least messy ones.

    It is free to try every codec: Korean EUC-KR, for one, reads as
    fluent-looking GBK, but as Korean it is cleaner still.
    """
    from charset_normalizer import from_bytes

    # BOM-less UTF-16/32 is never accepted, so its readings do not compete.
    matches = [m for m in from_bytes(data) if not m.encoding.startswith("utf_")]
    chinese = [m.chaos for m in matches if codecs.lookup(m.encoding).name in _chinese_codecs()]
    if not chinese or min(chinese) > min(m.chaos for m in matches):
        top = min(matches, key=lambda m: m.chaos, default=None)
        seen = f"{top.language} text in {top.encoding}" if top else "no known encoding"
        raise InputError(f"{name}: not UTF-8, and looks like {seen}; pass --encoding")


def _chinese_codecs() -> frozenset[str]:
    """Normalised names of the codecs that count as Chinese for the second opinion."""
    names = [c for family in _FAMILIES for c in family] + ["gb2312", "hz"]
    return frozenset(codecs.lookup(c).name for c in names)


def _failure(data: bytes, name: str, problem: str) -> InputError:
    """The error for undecodable bytes; mostly-UTF-8 files get a more precise one."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8", errors="replace")
        # Up to 1 bad sequence in 100 characters: a damaged UTF-8 file, not another encoding.
        if text.count("\ufffd") * 100 <= len(text):
            return InputError(f"{name}: not valid UTF-8 ({_where(exc)}); pass --encoding")
    return InputError(f"{name}: {problem}")


def odd_share(text: str) -> tuple[float, int]:
    """Share and count of a text's non-ASCII characters that are unlikely in Chinese prose.

    Odd: rare or unknown Han characters, kana, Cyrillic, bopomofo, symbols,
    private-use and control characters. Not odd: common Han (simplified or
    traditional), Chinese punctuation, full-width letters and digits.
    Text without non-ASCII characters has share 0.

    >>> odd_share("我们今天去学校。")
    (0.0, 0)
    >>> odd_share("иさぱ厩揭")[1]
    3
    """
    chars = [ch for ch in text if not ch.isascii()]
    if not chars:
        return 0.0, 0
    common = _common_han()
    odd = sum(1 for ch in chars if not _is_plain(ch, common))
    return odd / len(chars), odd


def _is_plain(ch: str, common: frozenset[str]) -> bool:
    """True for a character ordinary in Chinese prose (see :func:`odd_share`)."""
    if ch in _TEXT_PUNCTUATION or ch in common or unicodedata.category(ch) == "Zs":
        return True
    if "\uff01" <= ch <= "\uff5e":  # full-width ASCII forms, e.g. "１２３", "ＡＢＣ"
        return True
    if unicodedata.category(ch) == "Lo" and UNIFIED_FIRST <= ch <= UNIFIED_LAST:
        return _simplified(ch) in common
    return False


@cache
def _common_han() -> frozenset[str]:
    """Han characters at or above ``_COMMON_HAN_SHARE`` of wordfreq's Chinese text.

    Cached in the user's cache folder: building it takes 0.5 s, and every run
    with a short file (under 1 kB) needs it.
    """
    from flashgen import datacache

    def build() -> list[str]:
        from wordfreq import get_frequency_dict

        counts: dict[str, float] = {}
        for word, freq in get_frequency_dict("zh").items():
            for ch in word:
                if UNIFIED_FIRST <= ch <= UNIFIED_LAST:
                    counts[ch] = counts.get(ch, 0.0) + freq
        total = sum(counts.values())
        return sorted(ch for ch, c in counts.items() if c / total >= _COMMON_HAN_SHARE)

    return frozenset(datacache.cached("common-han-1", ("flashgen", "wordfreq"), build))


@cache
def _simplified(ch: str) -> str:
    """The simplified form of one traditional character (itself if none): ``"學"`` -> ``"学"``."""
    return _t2s().convert(ch)


@cache
def _t2s():  # type: ignore[no-untyped-def]
    """OpenCC's traditional-to-simplified converter (loaded once)."""
    import opencc

    return opencc.OpenCC("t2s")
