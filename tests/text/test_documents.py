"""The shipped sample articles, titles, and sentence splitting."""

from __future__ import annotations

from flashgen import resources
from flashgen.config import BuildConfig
from flashgen.pipeline import BuildReport, load_documents
from flashgen.text.documents import split_sentences, title_of

SAMPLE_TITLES = [
    "前瞻布局和发展未来产业",
    "《求是》杂志发表习近平总书记重要文章 前瞻布局和发展未来产业",
    "习近平回信勉励中共一大纪念馆、南湖革命纪念馆少先队红领巾讲解员",
    "习近平复信参加“共航蔚蓝：中美青年友谊行”活动的两国学生",
]


def test_four_clean_sample_articles_ship_in_the_package() -> None:
    docs = load_documents(BuildConfig(), (), BuildReport())
    assert [d.title for d in docs] == SAMPLE_TITLES
    for doc in docs:
        assert "bookmark" not in doc.text and "—　1　—" not in doc.text
        assert doc.text.rstrip().splitlines()[-1].startswith("来源：")


def test_sample_files_are_read_through_importlib_resources() -> None:
    names = resources.sample_names()
    assert len(names) == 4
    assert resources.sample_bytes(names[0]).decode("utf-8").startswith(SAMPLE_TITLES[0])


def test_title_is_a_short_first_line_else_the_file_name() -> None:
    assert title_of("\n前瞻布局\n正文。", "f") == "前瞻布局"
    assert title_of("这是一个很长的句子，它以句号结束。\n", "f") == "f"
    assert title_of("", "f") == "f"


def test_sentences_split_on_end_marks_and_line_breaks_keeping_text() -> None:
    text = "他说：“好！”我们走吧；明天见…\n第二行"
    assert [s.text for s in split_sentences(text)] == [
        "他说：“好！”",
        "我们走吧；",
        "明天见…",
        "第二行",
    ]
