"""decode_bytes: what encoding a document's bytes are read with, and when it refuses to guess."""

from __future__ import annotations

import codecs
import contextlib
from functools import cache

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from flashgen.errors import ConfigError, InputError
from flashgen.text.decode import Decoded, decode_bytes, odd_share

SHORT_SIMPLIFIED = "今天天气很好，我们一起去公园散步吧。"
SHORT_TRADITIONAL = "今天天氣很好，我們一起去公園散步吧。"
LONG_SIMPLIFIED = (
    "习近平总书记在回信中说，希望同学们珍惜青春时光，努力学习，全面发展。"
    "中美两国人民的友谊源远流长，青年是两国关系的未来。"
    "我们要加强交流合作，增进相互了解，为世界和平与发展作出贡献。"
    "这次活动让两国学生共同航行在蓝色的大海上，留下了美好的回忆。"
)
LONG_TRADITIONAL = (
    "台灣的夜市是觀光客最喜歡的地方之一，各種小吃應有盡有。"
    "我們從學校出發，坐捷運到士林，一邊走一邊吃，還買了幾件衣服。"
    "老闆娘非常熱情，告訴我們哪些東西最好吃，也教我們怎麼說台語。"
    "回家的時候已經很晚了，但是大家都覺得這一天過得很開心。"
)


@pytest.mark.parametrize(
    "text, codec, reported",
    [
        (SHORT_SIMPLIFIED, "utf-8", "utf-8"),
        (LONG_TRADITIONAL, "utf-8", "utf-8"),
        (SHORT_SIMPLIFIED, "utf-8-sig", "utf-8-sig"),
        (LONG_SIMPLIFIED, "utf-8-sig", "utf-8-sig"),
        (SHORT_SIMPLIFIED, "utf-16-le", "utf-16"),
        (LONG_TRADITIONAL, "utf-16-be", "utf-16"),
        (SHORT_TRADITIONAL, "utf-32-le", "utf-32"),
        (SHORT_SIMPLIFIED, "gbk", "gbk"),
        (LONG_SIMPLIFIED, "gbk", "gbk"),
        (SHORT_SIMPLIFIED, "gb2312", "gbk"),
        (SHORT_TRADITIONAL, "big5", "big5"),
        (LONG_TRADITIONAL, "big5", "big5"),
    ],
)
def test_round_trip_reports_encoding(text: str, codec: str, reported: str) -> None:
    data = text.encode(codec)
    bom = {
        "utf-16-le": codecs.BOM_UTF16_LE,
        "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32-le": codecs.BOM_UTF32_LE,
    }.get(codec, b"")
    assert decode_bytes(bom + data, "doc.txt") == Decoded(text, reported)


def test_gb18030_only_characters() -> None:
    # 㐀 (CJK Extension A) and the euro sign need GB18030's four-byte codes.
    text = LONG_SIMPLIFIED + "价格是100€，这个字是㐀。"
    assert decode_bytes(text.encode("gb18030"), "doc.txt") == Decoded(text, "gb18030")


def test_mixed_ascii_and_gbk() -> None:
    text = "第3章 Python编程入门：变量、函数和类（2024年版）\n共120页。\n"
    assert decode_bytes(text.encode("gbk"), "doc.txt").text == text


def test_empty_bytes_are_empty_utf8_text() -> None:
    assert decode_bytes(b"", "empty.txt") == Decoded("", "utf-8")


def test_user_encoding_is_used_strictly() -> None:
    data = SHORT_TRADITIONAL.encode("big5")
    assert decode_bytes(data, "doc.txt", "big5") == Decoded(SHORT_TRADITIONAL, "big5")
    with pytest.raises(InputError, match=r"^doc\.txt: cannot decode as utf-8: invalid bytes"):
        decode_bytes(data, "doc.txt", "utf-8")


def test_unknown_encoding_name() -> None:
    with pytest.raises(ConfigError, match="no-such-codec"):
        decode_bytes(b"abc", "doc.txt", "no-such-codec")


def test_binary_file_is_refused_with_its_name() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    with pytest.raises(InputError, match=r"^picture\.png: "):
        decode_bytes(png, "picture.png")


def test_latin1_text_is_not_read_as_chinese() -> None:
    data = "Résumé: naïve café owners in Zürich prefer crème brûlée.".encode("latin-1")
    with pytest.raises(InputError, match=r"^cv\.txt: .*--encoding"):
        decode_bytes(data, "cv.txt")


def test_ambiguous_two_characters_ask_for_encoding() -> None:
    # "你好" in GBK bytes is also Big5 for two ordinary characters, "斕疑".
    assert "你好".encode("gbk").decode("big5") == "斕疑"
    with pytest.raises(InputError, match=r"^a\.txt: cannot tell the encoding .*--encoding"):
        decode_bytes("你好".encode("gbk"), "a.txt")


def test_two_characters_decided_when_the_other_reading_is_rare() -> None:
    data = "明天".encode("gbk")
    assert data.decode("big5") == "隴毞"  # one uncommon, one rare character
    assert decode_bytes(data, "a.txt") == Decoded("明天", "gbk")


def test_legacy_bytes_that_happen_to_be_utf8_ask_for_encoding() -> None:
    # "学校" in GBK is valid UTF-8 for two Cyrillic letters, "ѧУ".
    data = "学校".encode("gbk")
    assert data.decode("utf-8") == "ѧУ"
    with pytest.raises(InputError, match=r"^a\.txt: cannot tell the encoding .*--encoding"):
        decode_bytes(data, "a.txt")


def test_utf8_text_in_other_languages_is_kept() -> None:
    text = "Привет, мир! Καλημέρα κόσμε. こんにちは世界。"
    assert decode_bytes(text.encode("utf-8"), "a.txt") == Decoded(text, "utf-8")


@cache
def _common_chars(traditional: bool) -> list[str]:
    """The 2,500 most frequent Han characters in wordfreq's Chinese data."""
    import opencc
    from wordfreq import get_frequency_dict

    counts: dict[str, float] = {}
    for word, freq in get_frequency_dict("zh").items():
        for ch in word:
            if "\u4e00" <= ch <= "\u9fff":
                counts[ch] = counts.get(ch, 0.0) + freq
    top = sorted(counts, key=counts.__getitem__, reverse=True)[:2500]
    if traditional:
        s2tw = opencc.OpenCC("s2tw")
        top = sorted({s2tw.convert(ch) for ch in top})
    codec = "big5" if traditional else "gbk"
    return [ch for ch in top if _encodable(ch, codec)]


def _encodable(ch: str, codec: str) -> bool:
    try:
        ch.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def _valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _chinese(traditional: bool) -> st.SearchStrategy[str]:
    alphabet = st.sampled_from(_common_chars(traditional) + list("，。！？、"))
    return st.text(alphabet, min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(text=_chinese(traditional=False))
def test_short_gbk_text_is_never_decoded_wrongly(text: str) -> None:
    data = text.encode("gbk")
    # Bytes that are also valid UTF-8 are read as UTF-8 by design: 路 in GBK is
    # C2 B7, which is "·" in UTF-8, and nothing in two bytes tells them apart.
    assume(not _valid_utf8(data))
    try:
        assert decode_bytes(data, "s.txt").text == text
    except InputError as exc:
        assert "--encoding" in str(exc)


@settings(max_examples=300, deadline=None)
@given(text=_chinese(traditional=True))
def test_short_big5_text_is_never_decoded_wrongly(text: str) -> None:
    data = text.encode("big5")
    assume(not _valid_utf8(data))  # read as UTF-8 by design, as above
    try:
        assert decode_bytes(data, "s.txt").text == text
    except InputError as exc:
        assert "--encoding" in str(exc)


def test_most_real_sentences_are_decided() -> None:
    """Detection is useful, not just safe: a single real sentence is usually enough."""
    import re

    import opencc

    from flashgen.resources import sample_bytes, sample_names

    s2tw = opencc.OpenCC("s2tw")
    text = "".join(sample_bytes(n).decode("utf-8") for n in sample_names())
    sentences = [s for s in re.findall(r"[^。！？\n]{8,60}[。！？]", text) if s.isprintable()]
    decided = total = 0
    for simplified in sentences[:60]:
        for sentence, codec in ((simplified, "gbk"), (s2tw.convert(simplified), "big5")):
            try:
                data = sentence.encode(codec)
            except UnicodeEncodeError:
                continue
            total += 1
            with contextlib.suppress(InputError):
                decided += decode_bytes(data, "s.txt").text == sentence
    assert total >= 100
    assert decided >= 0.9 * total


def test_korean_euc_kr_is_not_read_as_chinese() -> None:
    # Hangul in EUC-KR uses the same bytes as common GB2312 characters.
    data = "안녕하세요. 오늘 날씨가 좋네요. 한국어 텍스트입니다.".encode("euc-kr")
    assert odd_share(data.decode("gbk")) == (0.0, 0)  # as GBK it looks like fine Chinese
    with pytest.raises(InputError, match=r"^k\.txt: .*Korean.*--encoding"):
        decode_bytes(data, "k.txt")


def test_damaged_utf8_is_reported_as_such() -> None:
    data = LONG_SIMPLIFIED.encode() + b"\xff" + LONG_SIMPLIFIED.encode()
    with pytest.raises(InputError, match=r"^d\.txt: not valid UTF-8 \(invalid bytes 0xff at"):
        decode_bytes(data, "d.txt")
