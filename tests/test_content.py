"""Content stage: the seed file holds the original's text, character for character,
and bad content gets exact, located messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from hearing_docs.content import loading
from hearing_docs.content.model import BulletList
from hearing_docs.errors import ContentError
from support import SEED_CONTENT, SEED_TEXT, SIGNATURE_LINE


def _original_paragraphs() -> list[str]:
    """The seed's paragraphs, with its five mid-sentence page breaks joined."""
    blocks = [b.strip() for b in SEED_TEXT.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    joined: list[str] = []
    for block in blocks:
        if joined and block[0].islower():  # a page break inside a sentence
            joined[-1] += " " + block
        else:
            joined.append(block)
    return joined


def _rendered_paragraphs() -> list[str]:
    hearing = loading.load(SEED_CONTENT)
    letter, summary = hearing.letter, hearing.summary
    parts = [
        "THE PRESIDENT\nOF THE\nGENERAL ASSEMBLY",
        "22 July 2016",
        letter.salutation,
        *letter.body,
        letter.closing,
        letter.signatory.signature_alt,
        letter.signatory.name,
        "\n".join(letter.addressees),
        "**" + summary.title + "**",
        "18 July 2016",
        "**" + "\n".join(summary.venue) + "**",
    ]
    for section in summary.sections:
        parts.append(section.heading)
        parts += [p for p in section.paragraphs if not isinstance(p, BulletList)]
    return parts


def test_seed_content_is_the_original_character_for_character() -> None:
    original = _original_paragraphs()
    ours = _rendered_paragraphs()
    assert len(ours) == len(original)
    for expected, actual in zip(original, ours, strict=True):
        assert actual == expected


def test_signature_description_is_the_alt_text_not_text() -> None:
    hearing = loading.load(SEED_CONTENT)
    assert hearing.letter.signatory.signature_alt.startswith(SIGNATURE_LINE)
    assert hearing.letter.signatory.signature == "signatures/mogens-lykketoft.png"


def _problems(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "h.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        loading.load(path)
    return [str(p).removeprefix(f"{path}:") for p in caught.value.problems]


MINIMAL = """\
letter:
  date: 2016-07-22
  salutation: "Excellency,"
  body: [Text.]
  closing: Closing.
  signatory: {name: A Name}
  addressees: [To all]
summary:
  title: Title
  date: 2016-07-18
  venue: [Room]
  sections:
    - heading: Overview
      paragraphs: [Text.]
"""


def test_minimal_content_is_valid(tmp_path: Path) -> None:
    path = tmp_path / "h.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    hearing = loading.load(path)
    assert hearing.template == "un-pga" and hearing.language == "en"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "  closing: Closing.",
            "  closng: Closing.",
            [
                "1:1: letter.closing: required field is missing",
                "5:3: letter.closng: unknown field 'closng'; did you mean 'closing'?",
            ],
        ),
        (
            "  date: 2016-07-18",
            "  date: 2016-02-30",
            ["10:9: summary.date: '2016-02-30' is not a date that exists"],
        ),
        (
            "  date: 2016-07-18",
            "  date: 18 July 2016",
            [
                "10:9: summary.date: '18 July 2016' is not a date: write a day as YYYY-MM-DD "
                "(2016-07-18), several days as a list of days, consecutive days as 'from:' and "
                "'to:' days, or a month as YYYY-MM (2014-09)"
            ],
        ),
        (
            "  body: [Text.]",
            "  body: Text.",
            ["4:9: letter.body: expected a list (lines starting with '- '), got 'Text.'"],
        ),
        ("  body: [Text.]", "  body: []", ["4:9: letter.body: must have at least one entry"]),
        (
            "      paragraphs: [Text.]",
            "      paragraphs: [Text., {bulets: [x]}]",
            [
                "14:27: summary.sections[0].paragraphs[1].bullets: required field is missing",
                "14:28: summary.sections[0].paragraphs[1].bulets: unknown field 'bulets'; "
                "did you mean 'bullets'?",
            ],
        ),
        (
            "  signatory: {name: A Name}",
            "  signatory: {name: A Name, signature: s.png}",
            [
                "6:14: letter.signatory.signature_alt: "
                "describe the signature image for screen readers"
            ],
        ),
        (
            "  signatory: {name: A Name}",
            "  signatory: {name: A Name, signature: ../../etc/s.png, signature_alt: x}",
            [
                "6:40: letter.signatory.signature: must be a path relative to the content "
                "file, inside its folder"
            ],
        ),
        (
            '  salutation: "Excellency,"',
            '  salutation: "Excellency,\\x07"',
            [
                "3:15: letter.salutation: contains U+0007, a control character "
                "that a document cannot hold"
            ],
        ),
        (
            "summary:",
            "language: english\nsummary:",
            ["8:11: language: 'english' is not a language tag such as en, fr or es-MX"],
        ),
    ],
)
def test_bad_content_messages(tmp_path: Path, old: str, new: str, expected: list[str]) -> None:
    assert old in MINIMAL
    assert _problems(tmp_path, MINIMAL.replace(old, new, 1)) == expected
