"""Helpers for the end-to-end tests: run ``flashgen build`` and open its decks in real Anki.

The tests call the real CLI (click's ``CliRunner`` on :func:`flashgen.cli.main`)
in a temporary working folder, so that no ``vocab/`` of the developer leaks in,
and check the written packages by importing them into a fresh Anki collection.
"""

from __future__ import annotations

import html
import re
import traceback
import zipfile
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner, Result

from flashgen.cli import main

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


def visible(markup: str) -> str:
    """The text a card shows for a field: tags removed, entities decoded.

    >>> visible('我们<span class="hw">发展</span>&amp;进步')
    '我们发展&进步'
    """
    return html.unescape(_TAG.sub("", markup))


def run(*args: str | Path, stdin: bytes | None = None) -> Result:
    """``flashgen build ARGS`` through the real CLI; never lets an exception escape."""
    result = CliRunner().invoke(main, ["build", *map(str, args)], input=stdin)
    return result


def assert_clean_exit(result: Result) -> None:
    """The run ended by itself or by ``sys.exit``: no traceback reached the user."""
    exc = result.exception
    if exc is not None and not isinstance(exc, SystemExit):
        text = "".join(traceback.format_exception(exc))
        raise AssertionError(f"flashgen crashed:\n{text}\noutput:\n{result.output}")
    assert "Traceback" not in result.output


def error_lines(result: Result) -> list[str]:
    """The ``error:`` lines (one per failed document) and click's ``Error:`` line."""
    return [line for line in result.stderr.splitlines() if line.lower().startswith("error")]


@dataclass(frozen=True)
class Note:
    """One imported note: its GUID, deck name and fields by name."""

    guid: str
    deck: str
    fields: dict[str, str]


def anki_notes(col_path: Path, *packages: Path) -> list[Note]:
    """Import ``packages`` (in order) into the Anki collection at ``col_path``; all its notes.

    The collection is created when missing, so calling again with the same
    ``col_path`` imports into the same collection (as a learner rebuilding does).
    """
    from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

    col = Collection(str(col_path))
    try:
        for apkg in packages:
            assert zipfile.is_zipfile(apkg), f"{apkg} is not a zip file"
            col.import_anki_package(
                ImportAnkiPackageRequest(
                    package_path=str(apkg),
                    options=ImportAnkiPackageOptions(with_scheduling=False),
                )
            )
        notes = []
        for nid in col.find_notes(""):
            note = col.get_note(nid)
            deck = col.decks.name(col.get_card(note.card_ids()[0]).did)
            notes.append(Note(note.guid, deck, dict(note.items())))
        return notes
    finally:
        col.close()


def apkgs(folder: Path) -> list[Path]:
    """The packages in an output folder, sorted by name."""
    return sorted(folder.glob("*.apkg"))
