"""The preview page in real headless Chromium: cards draw, in the four tone colours, on a phone.

Skipped only when /usr/bin/chromium is absent (``apt-get install chromium``).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from sample_deck import build_sample_apkg

from flashgen.cards.preview import preview_apkg

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="/usr/bin/chromium is absent (apt-get install chromium)"
    ),
]

# The Chinese Support add-on's tone colours (day), and flashgen's night variants.
DAY = {1: (0xE3, 0x00, 0x00), 2: (0x02, 0xB3, 0x1C), 3: (0x15, 0x10, 0xF0),
       4: (0x89, 0x00, 0xBF), 5: (0x77, 0x77, 0x77)}  # fmt: skip
NIGHT = {1: (0xFF, 0x6B, 0x6B), 2: (0x4A, 0xDE, 0x5A), 3: (0x8C, 0x8C, 0xFF),
         4: (0xD4, 0x8C, 0xFF), 5: (0xA0, 0xA0, 0xA0)}  # fmt: skip
# Anti-aliasing blends glyph edges; glyph cores keep the exact colour, give or
# take rounding in colour management.
TOLERANCE = 6
# Each tone appears in several big hanzi and pinyin syllables: hundreds of
# exact pixels. 50 rules out a stray edge pixel of another colour.
MIN_PIXELS = 50
# Tall enough for the whole sample deck (16 cards) at desktop width.
FULL_PAGE = "1200,6000"


def chromium(url: str, tmp: Path, *args: str) -> str:
    cmd = [
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", f"--user-data-dir={tmp / 'profile'}", *args, url,
    ]  # fmt: skip
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=True)
    return done.stdout


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("browser")
    return preview_apkg(build_sample_apkg(tmp / "sample.apkg"), tmp / "preview.html")


def screenshot(page: Path, name: str, size: str, fragment: str = "") -> Image.Image:
    shot = page.parent / name
    chromium(page.as_uri() + fragment, page.parent, f"--screenshot={shot}", f"--window-size={size}")
    print(f"screenshot: {shot}")
    return Image.open(shot).convert("RGB")


def count_near(image: Image.Image, rgb: tuple[int, int, int]) -> int:
    """Pixels within TOLERANCE of ``rgb`` on every channel."""
    colours = image.getcolors(maxcolors=1 << 24) or []
    return sum(
        n
        for n, pixel in colours
        if isinstance(pixel, tuple)
        and all(abs(a - b) <= TOLERANCE for a, b in zip(pixel, rgb, strict=True))
    )


def assert_not_blank(image: Image.Image) -> None:
    colours = image.getcolors(maxcolors=1 << 20)
    assert colours is not None
    background = max(colours)[0]
    assert len(colours) > 100
    assert image.width * image.height - background > image.width * image.height // 10


@pytest.mark.slow
def test_cards_show_every_tone_colour(page: Path) -> None:
    image = screenshot(page, "day.png", FULL_PAGE)
    assert_not_blank(image)
    for tone, rgb in DAY.items():
        assert count_near(image, rgb) >= MIN_PIXELS, f"tone {tone} colour #{bytes(rgb).hex()}"


@pytest.mark.slow
def test_night_mode_uses_the_lighter_tone_colours(page: Path) -> None:
    image = screenshot(page, "night.png", FULL_PAGE, "#night")
    assert_not_blank(image)
    for tone, rgb in NIGHT.items():
        assert count_near(image, rgb) >= MIN_PIXELS, f"night tone {tone}"
        # Grey text anti-aliased on a dark background passes through any grey, so
        # only the chromatic day colours can be checked for absence.
        if tone != 5:
            assert count_near(image, DAY[tone]) < MIN_PIXELS, f"day tone {tone} in night mode"


def test_narrow_phone_screen_draws_the_cards(page: Path) -> None:
    image = screenshot(page, "phone.png", "360,2400")
    assert_not_blank(image)
    assert count_near(image, DAY[1]) >= MIN_PIXELS


def test_no_card_overflows_a_phone_wide_page(page: Path) -> None:
    """At 360px, no card's content is wider than the card (nothing clipped or scrolled)."""
    probe = page.with_name("probe.html")
    measure = (
        "<style>body{width:360px;box-sizing:border-box}</style><script>"
        "addEventListener('load',()=>{let w=0;document.querySelectorAll('.card')"
        ".forEach(c=>{w=Math.max(w,c.scrollWidth-c.clientWidth)});"
        "document.body.dataset.overflow=w;document.body.dataset.cards="
        "document.querySelectorAll('.card').length})</script></body>"
    )
    probe.write_text(page.read_text(encoding="utf-8").replace("</body>", measure))
    dom = chromium(probe.as_uri(), page.parent, "--dump-dom", "--window-size=500,2400")
    cards = re.search(r'data-cards="(\d+)"', dom)
    overflow = re.search(r'data-overflow="(-?\d+)"', dom)
    assert cards and overflow, dom[-500:]
    assert int(cards.group(1)) == 32
    assert int(overflow.group(1)) <= 0


def test_hanzi_are_coloured_by_the_template_script(page: Path) -> None:
    """The script wraps each character of Simplified in its tone span (plain without JS)."""
    dom = chromium(page.as_uri(), page.parent, "--dump-dom")
    assert '<span class="tone1">供</span><span class="tone3">给</span>' in dom
    assert '<span class="tone3">女</span><span class="tone2">兒</span>' in dom
    html = page.read_text(encoding="utf-8")
    assert '<span class="tone1">供</span>' not in html  # the page itself keeps plain hanzi


def probe(page: Path, name: str, script: str, size: str = "1200,6000") -> dict[str, str]:
    """Run ``script`` in the page after load (the templates' scripts have run); its results.

    The script sets ``document.body.dataset`` entries; they come back as a dict.
    """
    path = page.with_name(name)
    hook = f"<script>addEventListener('load',()=>{{{script}}})</script></body>"
    path.write_text(page.read_text(encoding="utf-8").replace("</body>", hook), encoding="utf-8")
    dom = chromium(path.as_uri(), page.parent, "--dump-dom", f"--window-size={size}")
    body = re.search(r"<body([^>]*)>", dom)
    assert body, dom[-500:]
    return dict(re.findall(r'data-([\w-]+)="([^"]*)"', body.group(1)))


def test_recognition_fronts_show_plain_hanzi_and_backs_the_tone_colours(page: Path) -> None:
    """The tones are part of the answer: a coloured front would give them away."""
    found = probe(
        page,
        "tones.html",
        "let f=0,b=0,n=0;document.querySelectorAll('.fg-note').forEach(s=>{"
        "if(!s.querySelector('h2').textContent.endsWith('Recognition'))return;n++;"
        "const [front,back]=s.querySelectorAll('.card');"
        "f+=front.querySelectorAll('.hanzi [class^=tone], .trad [class^=tone]').length;"
        "b+=back.querySelectorAll('.hanzi [class^=tone]').length});"
        "Object.assign(document.body.dataset,{notes:n,front:f,back:b})",
    )
    assert int(found["notes"]) == 6
    assert int(found["front"]) == 0
    assert int(found["back"]) >= 12  # every character of every word, on the back


def test_sentence_blanks_never_break_across_lines(page: Path) -> None:
    """At every card width from 160 to 400 px, each gap is one box on one line."""
    found = probe(
        page,
        "gaps.html",
        "let gaps=0,broken=0,widths=0;const fronts=[...document.querySelectorAll('.fg-note')]"
        ".filter(s=>s.querySelector('h2').textContent.endsWith('Sentence'))"
        ".map(s=>s.querySelector('.card'));"
        "for(let w=160;w<=400;w+=4){widths++;fronts.forEach(c=>{c.style.width=w+'px';"
        "c.querySelectorAll('.sentence.front .hw').forEach(h=>{gaps++;"
        "if(h.getClientRects().length!==1)broken++})})}"
        "Object.assign(document.body.dataset,{gaps:gaps,broken:broken,widths:widths})",
    )
    assert int(found["gaps"]) >= 5 * int(found["widths"])
    assert int(found["broken"]) == 0


def test_a_word_without_a_definition_says_so_and_has_no_recall_card(page: Path) -> None:
    found = probe(
        page,
        "bare.html",
        "const s=[...document.querySelectorAll('.fg-note h2')].map(h=>h.textContent)"
        ".filter(t=>t.startsWith('并跑'));"
        "const r=[...document.querySelectorAll('.fg-note')].find(n=>n.querySelector('h2')"
        ".textContent==='并跑 · Recognition');"
        "Object.assign(document.body.dataset,{cards:s.join('|'),"
        "said:r.querySelectorAll('.card')[1].querySelector('.definition').textContent})",
    )
    assert found["cards"] == "并跑 · Recognition|并跑 · Sentence"
    assert found["said"] == "no dictionary entry for this word"


@pytest.mark.slow
def test_the_readme_picture_is_regenerated_by_its_script(tmp_path: Path) -> None:
    """benchmarks/render_card.py draws a card of the samples into a small PNG (docs/card.png)."""
    from testdata import ROOT

    script = ROOT / "benchmarks" / "render_card.py"
    out = tmp_path / "card.png"
    subprocess.run([sys.executable, str(script), "-o", str(out)], check=True, timeout=120)
    assert out.stat().st_size < 100_000
    image = Image.open(out).convert("RGB")
    assert image.width > 400 and image.height > 400
    assert count_near(image, DAY[4]) >= MIN_PIXELS  # 复 fù on the back, in tone 4
    committed = ROOT / "docs" / "card.png"
    assert committed.stat().st_size < 100_000
    assert Image.open(committed).size == image.size
