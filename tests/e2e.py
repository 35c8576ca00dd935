"""Texts and checks shared by the end-to-end tests (``tests/end_to_end/``).

Running flashgen is :mod:`cli_run`'s (conftest's ``cli`` fixture), real Anki is
:mod:`anki_collection`'s; the helpers end-to-end tests used to import from here
still are.

(The folder is not named ``e2e``: a folder and a module of the same name side
by side make mypy skip the module without a word.)
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from anki_collection import Note, anki_notes
from cli_run import apkgs, assert_clean_exit, error_lines, flashgen
from click.testing import Result

__all__ = [
    "SPRING_FESTIVAL", "TAIWAN_NEWS", "Note", "anki_notes", "apkgs", "assert_clean_exit",
    "error_lines", "run", "visible",
]  # fmt: skip

# A realistic ~200-character simplified text (a short essay on the Spring Festival).
SPRING_FESTIVAL = (
    "春节是中国最重要的传统节日。每到春节前夕，在外地工作的人们纷纷踏上回家的旅途，"
    "与家人团聚。除夕晚上，全家人围坐在一起吃年夜饭，包饺子，看春节联欢晚会。"
    "孩子们最盼望的是收到长辈给的压岁钱。大年初一，人们穿上新衣服，走亲访友，"
    "互相拜年，祝福对方身体健康、万事如意。许多城市还会举办庙会，舞龙舞狮，热闹非凡。"
    "近年来，随着生活方式的变化，越来越多的家庭选择外出旅游过年，"
    "但团圆的意义始终没有改变。\n"
)

# A Taiwan-style news paragraph in traditional characters.
TAIWAN_NEWS = (
    "行政院今天召開記者會，宣布將推動新一波的數位轉型計畫，預計在未來四年投入新臺幣"
    "三百億元，協助中小企業導入人工智慧與雲端服務。經濟部長表示，臺灣的半導體產業在"
    "全球供應鏈中扮演關鍵角色，但許多傳統產業仍面臨人才短缺與技術落後的困境。政府希望"
    "透過補助與輔導，讓企業提升競爭力，同時兼顧環境保護與能源轉型。多位學者認為，這項"
    "政策方向正確，但執行細節仍需進一步釐清，避免資源分配不均。\n"
)

_TAG = re.compile(r"<[^>]+>")
_STYLE_OR_SCRIPT = re.compile(r"<(style|script)\b.*?</\1>", re.S | re.I)


def visible(markup: str) -> str:
    """The text a card shows for some HTML: no style or script, no tags, entities decoded.

    >>> visible('我们<span class="hw">发展</span>&amp;进步<style>.hw { color: red }</style>')
    '我们发展&进步'
    """
    return html.unescape(_TAG.sub("", _STYLE_OR_SCRIPT.sub("", markup)))


def run(*args: str | Path, stdin: bytes | None = None) -> Result:
    """``flashgen build ARGS`` in this process, from the current folder; never raises.

    Prefer conftest's ``cli`` fixture (``cli.build``), which runs from a folder of
    the test's own and checks that no traceback reached the user.
    """
    return flashgen("build", *args, input=stdin)
