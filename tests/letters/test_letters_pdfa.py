"""Issue 10 item 5: PDF/A-2b. Every letter has an sRGB output intent with its embedded colour
profile, XMP metadata that says pdfaid part 2 / conformance B and agrees with the document
information, every font embedded, and the same bytes each time.

There is no PDF/A validator on this machine (veraPDF is not installed and not in the registry
lists used here), so these tests check the parts PDF/A-2b requires that a letter could miss; they
are not a full validation."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from typing import Any, cast

import pytest
from pypdf import PdfReader

from conftest import Make, pdf_trailer
from vergoedingcheck.letters import render_pdf
from vergoedingcheck.letters.render import LetterRenderer, _xmp_date

NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
}

CASES = [
    ("resident", "nl", "unsafe_bijstand_year"),
    ("resident", "en", "safe_bijstand"),
    ("office", "nl", "safe_bijstand"),
    ("coordinator", "nl", None),
]


def _root(pdf: bytes) -> tuple[PdfReader, dict[str, Any]]:
    reader = PdfReader(io.BytesIO(pdf))
    return reader, cast(dict[str, Any], pdf_trailer(reader)["/Root"])


def _one(tree: ET.Element, path: str) -> str:
    found = tree.findall(path, NS)
    assert len(found) == 1, path
    return found[0].text or ""


@pytest.mark.parametrize(("kind", "lang", "key"), CASES)
def test_output_intent_with_the_srgb_profile(make: Make, kind: str, lang: str, key: str | None) -> None:
    _reader, root = _root(render_pdf(make(kind, lang, key)))
    (intent,) = [x.get_object() for x in root["/OutputIntents"]]
    assert intent["/Type"] == "/OutputIntent" and intent["/S"] == "/GTS_PDFA1"
    assert intent["/OutputConditionIdentifier"] == "sRGB IEC61966-2.1"
    profile = intent["/DestOutputProfile"].get_object()
    assert profile["/N"] == 3  # RGB
    icc = profile.get_data()
    assert icc[36:40] == b"acsp" and icc[16:20] == b"RGB "  # an ICC profile of an RGB colour space
    assert int.from_bytes(icc[0:4], "big") == len(icc)  # the header's size is the profile's


@pytest.mark.parametrize(("kind", "lang", "key"), CASES)
def test_xmp_says_pdfa_2b_and_agrees_with_the_info(make: Make, kind: str, lang: str, key: str | None) -> None:
    reader, root = _root(render_pdf(make(kind, lang, key)))
    meta: Any = root["/Metadata"].get_object()  # a stream: pypdf types it as PdfObject
    assert meta["/Type"] == "/Metadata" and meta["/Subtype"] == "/XML"
    assert "/Filter" not in meta  # PDF/A: the metadata stream is not compressed
    data = meta.get_data()
    assert data.startswith(b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>')
    tree = ET.fromstring(data.decode("utf-8").split("?>", 1)[1].rsplit("<?xpacket", 1)[0])
    assert _one(tree, ".//pdfaid:part") == "2"
    assert _one(tree, ".//pdfaid:conformance") == "B"
    info: dict[str, Any] | None = cast(dict[str, Any] | None, reader.metadata)
    assert info is not None
    assert _one(tree, ".//dc:title/rdf:Alt/rdf:li") == info["/Title"]
    assert _one(tree, ".//dc:creator/rdf:Seq/rdf:li") == info["/Author"]
    assert _one(tree, ".//dc:description/rdf:Alt/rdf:li") == info["/Subject"]
    assert _one(tree, ".//pdf:Producer") == info["/Producer"]
    assert _one(tree, ".//xmp:CreatorTool") == info["/Creator"]
    assert _one(tree, ".//xmp:CreateDate") == _xmp_date(str(info["/CreationDate"]))
    assert _one(tree, ".//xmp:ModifyDate") == _xmp_date(str(info["/ModDate"]))
    assert _one(tree, ".//dc:language/rdf:Bag/rdf:li") == root["/Lang"]


def test_xmp_date() -> None:
    # the letter's date 1 December 2026, midnight UTC, in both notations
    assert _xmp_date("D:20261201000000+00'00'") == "2026-12-01T00:00:00+00:00"
    assert _xmp_date("D:20250303101112+01'00'") == "2025-03-03T10:11:12+01:00"


def test_a_name_with_markup_characters_stays_well_formed_xmp(make: Make) -> None:
    # the title holds the resident's name: "<", "&" are data and the XMP must still parse
    from dataclasses import replace

    letter = make("resident", "nl", "safe_bijstand")
    letter = replace(letter, head=replace(letter.head, title="Brief aan A & B <test>"))
    _reader, root = _root(render_pdf(letter))
    data = root["/Metadata"].get_object().get_data().decode("utf-8")
    tree = ET.fromstring(data.split("?>", 1)[1].rsplit("<?xpacket", 1)[0])
    assert _one(tree, ".//dc:title/rdf:Alt/rdf:li") == "Brief aan A & B <test>"


@pytest.mark.parametrize(("kind", "lang", "key"), CASES)
def test_the_pdfa_letter_is_byte_reproducible(make: Make, kind: str, lang: str, key: str | None) -> None:
    first = render_pdf(make(kind, lang, key))
    assert render_pdf(make(kind, lang, key)) == first
    assert LetterRenderer().render(make(kind, lang, key)) == first  # a fresh renderer: the same
