"""Checks on the committed MapLibre glyph files in ``assets/glyphs/``.

The map's text labels are drawn by MapLibre from these SDF glyph PBFs, served offline from
Dash's assets folder. A broken or missing file means labels silently disappear, so these
tests decode the files with a small protobuf reader (no protobuf dependency, and no need
for the build-time font tooling) and check the properties MapLibre relies on.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

GLYPH_DIR = Path(__file__).resolve().parent.parent / "assets" / "glyphs"
FONTSTACKS = ("Open Sans Regular", "Open Sans Bold")
#: Blocks that Serbian Latin, Serbian Cyrillic, English and common punctuation need.
REQUIRED_RANGES = ((0, 255), (256, 511), (1024, 1279), (8192, 8447))
#: Border of SDF pixels around every glyph bitmap, hard-coded in MapLibre.
BUFFER = 3
#: SDF value of the glyph outline: MapLibre draws the edge at 0.75 * 256.
EDGE = 192


# ------------------------------------------------------------------ protobuf reader --


def _read_varint(data: bytes, pos: int) -> tuple[int, int]:
    """Decode a base-128 varint at ``pos``; return (value, next position)."""
    result = shift = 0
    while True:
        if pos >= len(data):
            raise ValueError("truncated varint")
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return result, pos
        shift += 7
        if shift > 63:
            raise ValueError("varint too long")


def _fields(data: bytes) -> list[tuple[int, int | bytes]]:
    """Split a protobuf message into (field number, value) pairs.

    Varints come back as ints, length-delimited fields as bytes; fixed32/fixed64 fields
    (unused by the glyph format) are returned as raw bytes so unknown fields are skipped.
    """
    out: list[tuple[int, int | bytes]] = []
    pos = 0
    while pos < len(data):
        key, pos = _read_varint(data, pos)
        field, wire = key >> 3, key & 7
        if wire == 0:
            value, pos = _read_varint(data, pos)
            out.append((field, value))
        elif wire == 2:
            length, pos = _read_varint(data, pos)
            if pos + length > len(data):
                raise ValueError("truncated length-delimited field")
            out.append((field, data[pos : pos + length]))
            pos += length
        elif wire in (1, 5):
            size = 8 if wire == 1 else 4
            out.append((field, data[pos : pos + size]))
            pos += size
        else:
            raise ValueError(f"unsupported wire type {wire}")
    return out


def _unzigzag(value: int) -> int:
    """Decode a protobuf ``sint32``."""
    return (value >> 1) ^ -(value & 1)


@dataclass
class Glyph:
    """Decoded ``glyph`` message."""

    id: int
    bitmap: bytes
    width: int
    height: int
    left: int
    top: int
    advance: int

    def rows(self) -> list[bytes]:
        """The SDF bitmap as rows of (width + 2*BUFFER) bytes."""
        stride = self.width + 2 * BUFFER
        return [self.bitmap[i : i + stride] for i in range(0, len(self.bitmap), stride)]


@dataclass
class Fontstack:
    """Decoded ``fontstack`` message."""

    name: str
    range: str
    glyphs: dict[int, Glyph]


def decode_pbf(data: bytes) -> list[Fontstack]:
    """Decode a glyph PBF (``glyphs { repeated fontstack stacks = 1; }``)."""
    stacks = []
    for field, stack_bytes in _fields(data):
        assert field == 1 and isinstance(stack_bytes, bytes)
        name = rng = ""
        glyphs: dict[int, Glyph] = {}
        for sfield, svalue in _fields(stack_bytes):
            if sfield == 1:
                name = bytes(svalue).decode("utf-8")
            elif sfield == 2:
                rng = bytes(svalue).decode("utf-8")
            elif sfield == 3:
                g: dict[int, int | bytes] = {2: b"", 3: 0, 4: 0, 5: 0, 6: 0, 7: 0}
                g.update(_fields(bytes(svalue)))
                glyph = Glyph(
                    id=int(g[1]),
                    bitmap=bytes(g[2]),
                    width=int(g[3]),
                    height=int(g[4]),
                    left=_unzigzag(int(g[5])),
                    top=_unzigzag(int(g[6])),
                    advance=int(g[7]),
                )
                assert glyph.id not in glyphs, f"duplicate glyph {glyph.id}"
                glyphs[glyph.id] = glyph
        stacks.append(Fontstack(name, rng, glyphs))
    return stacks


def load(fontstack: str, start: int, end: int) -> Fontstack:
    """Read and decode ``assets/glyphs/<fontstack>/<start>-<end>.pbf`` (exactly one stack)."""
    stacks = decode_pbf((GLYPH_DIR / fontstack / f"{start}-{end}.pbf").read_bytes())
    assert len(stacks) == 1
    return stacks[0]


def glyph(fontstack: str, char: str) -> Glyph:
    """The glyph for ``char`` from the block file that MapLibre would request for it."""
    start = ord(char) // 256 * 256
    glyphs = load(fontstack, start, start + 255).glyphs
    assert ord(char) in glyphs, f"{char!r} (U+{ord(char):04X}) missing from {fontstack}"
    return glyphs[ord(char)]


# ---------------------------------------------------------------------------- tests --


def test_reader_decodes_known_bytes() -> None:
    """The reader itself: varints, zigzag and nesting on a hand-made message."""
    # glyph {id: 300, width: 1, height: 1, left: -2, top: -26, advance: 7, bitmap: 49 bytes}
    body = bytes([0x08, 0xAC, 0x02, 0x12, 49]) + bytes(range(49))
    body += bytes([0x18, 1, 0x20, 1, 0x28, 3, 0x30, 51, 0x38, 7])
    stack = bytes([0x0A, 1]) + b"X" + bytes([0x12, 3]) + b"0-1" + bytes([0x1A, len(body)]) + body
    (decoded,) = decode_pbf(bytes([0x0A, len(stack)]) + stack)
    assert (decoded.name, decoded.range) == ("X", "0-1")
    g = decoded.glyphs[300]
    assert (g.width, g.height, g.left, g.top, g.advance) == (1, 1, -2, -26, 7)
    assert g.bitmap == bytes(range(49))


@pytest.mark.parametrize("fontstack", FONTSTACKS)
@pytest.mark.parametrize(("start", "end"), REQUIRED_RANGES)
def test_range_file_is_well_formed(fontstack: str, start: int, end: int) -> None:
    """Each required block exists, names its own stack and range, and every glyph in it
    belongs to the block and has a bitmap of exactly (w+6)*(h+6) bytes, or none if empty."""
    path = GLYPH_DIR / fontstack / f"{start}-{end}.pbf"
    assert path.is_file(), f"missing {path}"
    stack = load(fontstack, start, end)
    assert stack.name == fontstack == path.parent.name
    assert stack.range == f"{start}-{end}"
    assert stack.glyphs, "block has no glyphs"
    for cp, g in stack.glyphs.items():
        assert start <= cp <= end
        if g.width == 0 or g.height == 0:
            assert (g.width, g.height, g.bitmap) == (0, 0, b""), f"U+{cp:04X}"
        else:
            assert len(g.bitmap) == (g.width + 2 * BUFFER) * (g.height + 2 * BUFFER), f"U+{cp:04X}"
        assert 0 <= g.advance <= 48, f"U+{cp:04X} advance {g.advance}"
        assert -48 <= g.top <= 24 and -24 <= g.left <= 48, f"U+{cp:04X} metrics"


def test_total_size_stays_small() -> None:
    """The PBFs are committed; keep them well under a megabyte."""
    total = sum(p.stat().st_size for p in GLYPH_DIR.rglob("*.pbf"))
    assert 0 < total < 800_000


@pytest.mark.parametrize("fontstack", FONTSTACKS)
@pytest.mark.parametrize("char", ["Š", "ž", "Ђ", "ш", "A", "O", "č", "ć", "đ", "Џ", "љ", "„", "€"])
def test_label_letters_have_real_bitmaps(fontstack: str, char: str) -> None:
    """Letters of Serbian (both scripts) and English labels exist with a drawable SDF: some
    pixel is inside the outline, and the 3 px border is entirely outside it (so no part
    of the glyph was clipped off its box)."""
    g = glyph(fontstack, char)
    assert g.width > 0 and g.height > 0
    assert len(g.bitmap) == (g.width + 6) * (g.height + 6)
    assert g.advance > 0
    assert max(g.bitmap) > EDGE
    rows = g.rows()
    border = [*rows[:BUFFER], *rows[-BUFFER:], *(r[:BUFFER] + r[-BUFFER:] for r in rows)]
    assert max(max(r) for r in border) < EDGE


@pytest.mark.parametrize("fontstack", FONTSTACKS)
def test_space_has_advance_but_no_bitmap(fontstack: str) -> None:
    """Word spacing comes from the space's advance; it has nothing to draw."""
    g = glyph(fontstack, " ")
    assert g.advance > 0
    assert (g.width, g.height, g.bitmap) == (0, 0, b"")


@pytest.mark.parametrize("fontstack", FONTSTACKS)
def test_sdf_of_o_has_inside_and_outside(fontstack: str) -> None:
    """'O' is a ring: its SDF must rise above the edge value on the stroke and drop below it
    in the counter and around the letter, including at the very centre of the counter."""
    g = glyph(fontstack, "O")
    values = set(g.bitmap)
    assert any(v > EDGE for v in values)
    assert any(v < EDGE for v in values)
    rows = g.rows()
    centre = rows[len(rows) // 2][(g.width + 2 * BUFFER) // 2]
    assert centre < EDGE, "the hole of the O is filled in"


@pytest.mark.parametrize("fontstack", FONTSTACKS)
def test_vertical_metrics_follow_maplibre_convention(fontstack: str) -> None:
    """``top`` is the glyph's top relative to the baseline minus the font ascender at 24 px
    (26 for Open Sans), as in fontnik-built glyphs that MapLibre's layout is tuned for.
    Flat-bottomed letters of both scripts therefore end exactly at -26, accents go
    above capitals and descenders go below the baseline."""
    bottom = {c: glyph(fontstack, c).top - glyph(fontstack, c).height for c in "AxNшЖž"}
    assert set(bottom.values()) == {-26}, bottom
    assert glyph(fontstack, "p").top - glyph(fontstack, "p").height <= -26 - 4
    assert glyph(fontstack, "Š").top > glyph(fontstack, "A").top
    assert glyph(fontstack, "x").top < glyph(fontstack, "A").top


def test_bold_is_bolder_than_regular() -> None:
    """The two stacks are really different weights (not one font copied twice)."""
    regular, bold = glyph("Open Sans Regular", "l"), glyph("Open Sans Bold", "l")
    assert bold.width > regular.width
    assert sum(v > EDGE for v in bold.bitmap) > sum(v > EDGE for v in regular.bitmap)
