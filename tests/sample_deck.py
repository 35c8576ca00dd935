"""A small real deck for the preview tests, built with genanki and flashgen's note type.

Fields are filled the way the pipeline fills them (tones.py, definitions.py),
from real CC-CEDICT entries; between them the words use all five tones.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from flashgen.cards import notetype
from flashgen.cards.definitions import format_composed, format_definition
from flashgen.cards.meta import frequency_words, hsk_label
from flashgen.pinyin.html import pinyin_html
from flashgen.pinyin.spelling import numbered_to_zhuyin

DECK_ID = 2_059_400_110
DECK_NAME = "flashgen preview test"

# (simplified, traditional, numbered, senses, example, example pinyin, example traditional)
WORDS = [
    (
        "供给",
        "供給",
        "gong1 ji3",
        ["to furnish", "to provide", "supply (as in supply and demand)"],
        '要保障粮食<span class="hw">供给</span>。',
        "Yào bǎozhàng liángshi gōngjǐ.",
        "要保障糧食供給。",
    ),
    (
        "女儿",
        "女兒",
        "nu:3 er2",
        ["daughter"],
        '她的<span class="hw">女儿</span>在北京上学。',
        "Tā de nǚ'ér zài Běijīng shàngxué.",
        "她的女兒在北京上學。",
    ),
    ("葡萄", "葡萄", "pu2 tao5", ["grape"], "", "", ""),
    (
        "事业",
        "事業",
        "shi4 ye4",
        [
            "undertaking",
            "project",
            "activity",
            "(charitable, political or revolutionary) cause",
            "publicly funded institution, enterprise or foundation",
            "career",
            "occupation",
            "CL:個|个[ge4]",
        ],
        '教育是一项伟大的<span class="hw">事业</span>。',
        "Jiàoyù shì yí xiàng wěidà de shìyè.",
        "教育是一項偉大的事業。",
    ),
]
COMPOSED = (
    "新质生产力",
    "新質生產力",
    "xin1 zhi4 sheng1 chan3 li4",
    [("新质", "new quality"), ("生产力", "productive forces")],
    '发展<span class="hw">新质生产力</span>是推动高质量发展的内在要求。',
    "Fāzhǎn xīnzhì shēngchǎnlì shì tuīdòng gāo zhìliàng fāzhǎn de nèizài yāoqiú.",
    "發展新質生產力是推動高質量發展的內在要求。",
)


# A word no dictionary lists whose parts do not explain it: no definition, so no Recall card.
BARE = (
    "并跑",
    "並跑",
    "bing4 pao3",
    '越来越多领域实现“<span class="hw">并跑</span>”乃至“领跑”。',
    'Yuèláiyuè duō lǐngyù shíxiàn "bìngpǎo" nǎizhì "lǐngpǎo".',
    "越來越多領域實現“並跑”乃至“領跑”。",
)


def _fields(
    simp: str,
    trad: str,
    numbered: str,
    definition: str,
    classifier: str,
    example: str,
    ex_pinyin: str,
    ex_trad: str,
    notes: str,
) -> list[str]:
    values = {
        "Simplified": simp,
        "Traditional": trad,
        "Pinyin": pinyin_html(numbered),
        "PinyinNumbered": numbered,
        "Zhuyin": numbered_to_zhuyin(numbered),
        "Definition": definition,
        "Classifier": classifier,
        "Example": example,
        "ExamplePinyin": ex_pinyin,
        "ExampleTraditional": ex_trad,
        "Source": "sample:1-future-industries",
        "Level": hsk_label(None),
        "Frequency": frequency_words(3.1),
        "Audio": "",
        "Notes": notes,
    }
    return [values[name] for name in notetype.FIELDS]


def sample_fields() -> list[list[str]]:
    """Field lists of the sample notes, in FIELDS order."""
    notes = []
    for simp, trad, numbered, senses, example, ex_pinyin, ex_trad in WORDS:
        definition, classifier = format_definition(senses)
        notes.append(
            _fields(simp, trad, numbered, definition, classifier, example, ex_pinyin, ex_trad, "")
        )
    simp, trad, numbered, parts, example, ex_pinyin, ex_trad = COMPOSED
    notes.append(
        _fields(
            simp,
            trad,
            numbered,
            format_composed(parts),
            "",
            example,
            ex_pinyin,
            ex_trad,
            "composed term",
        )
    )
    simp, trad, numbered, example, ex_pinyin, ex_trad = BARE
    notes.append(_fields(simp, trad, numbered, "", "", example, ex_pinyin, ex_trad, ""))
    return notes


def build_sample_apkg(path: Path) -> Path:
    """Write the sample deck to ``path`` with genanki; return ``path``."""
    import genanki

    from flashgen.cards.apkg import model as flashgen_model

    model = flashgen_model()  # the note type flashgen itself writes
    deck = genanki.Deck(DECK_ID, DECK_NAME)
    for fields in sample_fields():
        deck.add_note(genanki.Note(model=model, fields=fields, guid=genanki.guid_for(fields[0])))
    write_with_genanki(genanki.Package(deck), path)
    return path


def write_with_genanki(package: Any, path: Path, timestamp: float | None = None) -> None:
    """genanki's own ``Package.write_to_file`` (a deck as another tool makes it).

    genanki leaves its collection database in the temporary folder; here that
    folder is one of its own, removed afterwards.
    """
    with tempfile.TemporaryDirectory(prefix="genanki-") as folder:
        saved, tempfile.tempdir = tempfile.tempdir, folder
        try:
            package.write_to_file(str(path), timestamp=timestamp)
        finally:
            tempfile.tempdir = saved
