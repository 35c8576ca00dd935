"""Source, byline and date lines: the furniture of a news page, never an example sentence.

A news text carries lines that say where it comes from, who wrote it and when:
``来源：《人民日报》（2026年06月01日01版）``, ``本报记者 张三``, ``（记者 李四）``,
``责任编辑：王五``, ``2026年06月01日01版``. They hold words (人民日报, 记者) but
show no use of them. :func:`is_byline` recognises such a line by its shape:

- a credit label and a colon: 来源, 作者, 记者, 编辑, 责任编辑, 出处, 图, 摄影 ...;
- a credit in brackets, or a line opening with 本报记者 / 本报讯 / a wire dateline
  (新华社北京5月31日电) with little text after it;
- a line that is nothing but dates, numbers, edition marks and names in 《》.

A sentence that opens with a dateline and then says something is no byline:
:func:`credit_prefix` gives the length of that opening, so an example can
prefer a sentence without one.

>>> is_byline("来源：《人民日报》（2026年06月01日01版）"), is_byline("人民日报发表评论。")
(True, False)
"""

from __future__ import annotations

import re

# People and sources a news page credits (the label of "LABEL：name").
_CREDIT = (
    r"(?:来源|稿源|出处|作者|原作者|文|图|文图|图文|摄|摄影|摄像|记者|本报记者|特约记者|通讯员|"
    r"编辑|责编|责任编辑|主编|编审|审核|审校|校对|监制|制图|设计|翻译|译者|口述|整理|"
    r"策划|统筹|执行|视频|供图|新闻来源|原标题|来源网站|转载自|本文来源)"
)
_COLON = r"\s*[：:]"
_LABEL_LINE = re.compile(rf"^[（(【\[]?\s*{_CREDIT}{_COLON}")
# Labels that only ever name a source: whatever follows them is a citation.
_SOURCE_LABEL = re.compile(
    r"^[（(【\[]?\s*(?:来源|稿源|出处|新闻来源|来源网站|转载自|本文来源|原标题)\s*[：:]"
)
# A bracketed credit: （记者 张三）, （通讯员 李四 记者 王五）, 【责任编辑：赵六】.
_BRACKETED = re.compile(rf"^[（(【\[]\s*{_CREDIT}[\s：:]")
# An opening credit: 本报记者 张三, 本报讯, 本报北京6月1日电, 新华社北京5月31日电, 人民网北京电.
_PLACE_DATE = r"[\u4e00-\u9fff]{0,8}?(?:\d{1,2}月\d{1,2}日)?"
_OPENING = re.compile(
    rf"^(?:本报记者|本报讯|(?:特约)?记者(?=[ \u3000])|通讯员(?=[ \u3000])|"
    rf"本报{_PLACE_DATE}电|[\u4e00-\u9fff]{{1,6}}社{_PLACE_DATE}电|"
    rf"[\u4e00-\u9fff]{{1,6}}网{_PLACE_DATE}电|[（(]\s*[\u4e00-\u9fff]{{1,6}}社{_PLACE_DATE}电\s*[）)])"
)
# What a date or edition line is made of, besides names in 《》.
_DATE_PARTS = re.compile(
    r"《[^》]*》|\d+|[０-９]+|[年月日时分号期版第刊周星期一二三四五六日]|[\s/\-.:：,，、（）()【】\[\]]"
)
_HAN = re.compile(r"[\u4e00-\u9fff]")
# Text left after a credit that is still only a name or two (张三 李四), not a sentence.
_NAME_ROOM = 8


def _han_count(text: str) -> int:
    return len(_HAN.findall(text))


def is_date_line(line: str) -> bool:
    """A line of dates, numbers and edition marks only (a newspaper's page line).

    >>> is_date_line("2026年06月01日01版"), is_date_line("《人民日报》（2026年06月01日 第01版）")
    (True, True)
    >>> is_date_line("6月1日是儿童节。"), is_date_line("2026")
    (False, False)
    """
    if not re.search(r"\d|[０-９]", line) or not re.search(r"[年月日版期]", line):
        return False
    return not _DATE_PARTS.sub("", line).strip()


def credit_prefix(line: str) -> int:
    """The length of a credit or dateline that opens ``line`` (0 when none does).

    >>> credit_prefix("新华社北京5月31日电 在六一到来之际，他回信。")
    11
    >>> credit_prefix("本报记者说，今天天气很好。")
    0
    """
    m = _OPENING.match(line.strip())
    if m is None:
        return 0
    rest = line.strip()[m.end() :]
    if m.group(0) == "本报记者" and rest[:1] not in ("", " ", "\u3000"):
        return 0  # 本报记者说 is a sentence about a reporter
    return m.end()


def is_byline(line: str) -> bool:
    """A source, byline, credit or date line (see the module's doc).

    >>> is_byline("本报记者 张三 李四"), is_byline("（记者 王五）"), is_byline("责任编辑：赵六")
    (True, True, True)
    >>> is_byline("新华社北京5月31日电 在“六一”国际儿童节即将到来之际，习近平给少先队员回信。")
    False
    """
    text = line.strip()
    if not text:
        return False
    if _SOURCE_LABEL.match(text) or is_date_line(text):
        return True
    label = _LABEL_LINE.match(text)
    if label:  # 记者：你怎么看？ opens an interview's question, 记者：张三 credits
        return _names_only(text[label.end() :])
    if _BRACKETED.match(text):
        return _names_only(re.sub(r"[（(【\[].*?[）)】\]]", "", text, count=1))
    cut = credit_prefix(text)
    return bool(cut) and _names_only(text[cut:])


def _names_only(rest: str) -> bool:
    """What follows a credit is a name or two, not a sentence."""
    return _han_count(rest) <= _NAME_ROOM and not re.search(r"[。！？?!，,]", rest)
