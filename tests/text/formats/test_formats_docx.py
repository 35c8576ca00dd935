"""Word documents: the body's paragraphs in order; headers, notes and Word's TOC left out."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from flashgen.errors import InputError
from flashgen.text.formats import read_parts

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""

# A Chinese Word names its styles in English but gives them numeric IDs.
STYLES = f"""<?xml version="1.0" encoding="UTF-8"?><w:styles {W}>
<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="11"><w:name w:val="toc 1"/></w:style>
</w:styles>"""


def para(text: str, style: str = "") -> str:
    """One paragraph of one run, optionally styled by style ID."""
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{props}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


BODY = f"""
<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj>
</w:sdtPr><w:sdtContent>{para("目录")}{para("第一课 春节 1", "11")}</w:sdtContent></w:sdt>
{para("第一课 春节", "1")}
<w:p><w:r><w:t>春节是中国</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>最重要</w:t></w:r>
<w:del w:id="1" w:author="x"><w:r><w:delText>删掉的字</w:delText></w:r></w:del>
<w:ins w:id="2" w:author="x"><w:r><w:t>的节日</w:t></w:r></w:ins>
<w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t>。</w:t></w:r></w:p>
<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t><w:tab/><w:t>tab</w:t></w:r></w:p>
<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>
<w:r><w:instrText> HYPERLINK "http://x.cn" </w:instrText></w:r>
<w:r><w:fldChar w:fldCharType="separate"/></w:r>
<w:hyperlink><w:r><w:t>链接文字</w:t></w:r></w:hyperlink>
<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>{para("文本框")}
</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>{para("文本框")}
</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
<w:tbl><w:tr><w:tc>{para("饺子")}</w:tc><w:tc>{para("jiǎozi")}</w:tc></w:tr></w:tbl>
<w:p/>
{para("　　过年好！")}
<w:sectPr/>"""


def make_docx(body: str = BODY, core_title: str | None = None) -> bytes:
    """Zip a minimal Word document, with a header, footer and footnotes that must not be read."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr(
            "word/document.xml", f"<w:document {W} {MC}><w:body>{body}</w:body></w:document>"
        )
        z.writestr("word/styles.xml", STYLES)
        z.writestr("word/header1.xml", f"<w:hdr {W}>{para('页眉文字')}</w:hdr>")
        z.writestr("word/footer1.xml", f"<w:ftr {W}>{para('页脚文字')}</w:ftr>")
        z.writestr("word/footnotes.xml", f"<w:footnotes {W}>{para('脚注文字')}</w:footnotes>")
        if core_title is not None:
            z.writestr(
                "docProps/core.xml",
                '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
                'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
                f"<dc:title>{core_title}</dc:title></cp:coreProperties>",
            )
    return buffer.getvalue()


DOC = Path("课文.docx")


def test_body_paragraphs_in_order_as_clean_lines() -> None:
    [part] = read_parts(DOC, make_docx())
    assert part.lines == (
        "第一课 春节",
        "春节是中国最重要的节日。",
        "第一行",
        "第二行 tab",
        "链接文字",
        "饺子",
        "jiǎozi",
        "过年好！",
    )


@pytest.mark.parametrize("absent", ["目录", "删掉", "HYPERLINK", "文本框", "页眉", "页脚", "脚注"])
def test_toc_deletions_fields_textboxes_and_other_parts_are_left_out(absent: str) -> None:
    [part] = read_parts(DOC, make_docx())
    assert all(absent not in line for line in part.lines)


def test_title_comes_from_the_document_properties() -> None:
    assert read_parts(DOC, make_docx(core_title="春节课文"))[0].title == "春节课文"


def test_else_from_the_first_title_or_heading_paragraph() -> None:
    assert read_parts(DOC, make_docx(core_title=""))[0].title == "第一课 春节"
    titled = para("副标题") + para("春节读本", "a3") + BODY
    assert read_parts(DOC, make_docx(titled))[0].title == "春节读本"


def test_a_document_without_headings_has_no_title() -> None:
    assert read_parts(DOC, make_docx(para("只有正文。")))[0].title == ""


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (make_docx()[:300], "not a zip archive"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "old binary Office file"),
        (make_docx("<w:p>"), "not well-formed XML"),
    ],
    ids=["truncated", "old-doc", "broken-xml"],
)
def test_malformed_documents_raise_one_line_input_errors(data: bytes, why: str) -> None:
    with pytest.raises(InputError) as info:
        read_parts(DOC, data)
    assert str(info.value).startswith("课文.docx: not a valid DOCX file (")
    assert why in str(info.value) and "\n" not in str(info.value)


def test_a_zip_that_is_not_a_word_document() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(InputError, match="word/document.xml is missing"):
        read_parts(DOC, buffer.getvalue())
