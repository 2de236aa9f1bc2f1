"""Hostile PDFs written byte by byte: decompression bombs, deep nesting, reference loops, lying headers."""
from __future__ import annotations

import zlib
from pathlib import Path


def pdf_bytes(objects: list[bytes], trailer_extra: bytes = b"", root: int = 1) -> bytes:
    """A PDF whose object n is ``objects[n - 1]``, with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, trailer_extra, xref)
    return bytes(out)


def stream(data: bytes, extra: bytes = b"", compress: bool = False) -> bytes:
    if compress:
        data = zlib.compress(data, 9)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def _page(contents: int, extra: bytes = b"", resources: bytes = b"<< /Font << /F1 4 0 R >> >>") -> bytes:
    return b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R /Resources %s %s >>" % (
        contents, resources, extra)


def _text(words: str) -> bytes:
    return b"BT /F1 12 Tf 72 700 Td (" + words.encode("latin-1") + b") Tj ET"


def simple_pdf(text: str) -> bytes:
    return pdf_bytes([
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", _page(5), _FONT,
        stream(_text(text)),
    ])


def flate_bomb(expanded_mb: int = 300) -> bytes:
    """One page whose content stream inflates from a few hundred KB to ``expanded_mb`` MB."""
    compressor = zlib.compressobj(9)
    block = b" " * (1 << 20)
    data = b"".join(compressor.compress(block) for _ in range(expanded_mb)) + compressor.flush()
    body = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
    return pdf_bytes([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", _page(5), _FONT, body])


def deep_nesting(depth: int = 100_000) -> bytes:
    """A page dictionary holding an array nested ``depth`` levels deep."""
    nested = b"[" * depth + b"]" * depth
    return pdf_bytes([
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        _page(5, b"/Deep " + nested), _FONT, stream(_text("Nested text")),
    ])


def page_tree_loop() -> bytes:
    """A page tree whose node lists itself as its own child."""
    return pdf_bytes([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                      _page(5), _FONT, stream(_text("Loop text"))])


def xobject_loop() -> bytes:
    """A form XObject that draws itself."""
    form = stream(b"/X1 Do " + _text("Form text"), b" /Type /XObject /Subtype /Form /BBox [0 0 612 792]"
                  b" /Resources << /XObject << /X1 6 0 R >> /Font << /F1 4 0 R >> >>")
    return pdf_bytes([
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        _page(5, resources=b"<< /XObject << /X1 6 0 R >> /Font << /F1 4 0 R >> >>"), _FONT,
        stream(b"/X1 Do"), form,
    ])


def xref_loop() -> bytes:
    """A trailer whose /Prev points back at its own cross-reference table."""
    good = simple_pdf("Text behind a looping xref")
    xref_at = int(good.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
    return good.replace(b"/Root 1 0 R ", b"/Root 1 0 R /Prev %d " % xref_at)


def giant_image() -> bytes:
    """An image XObject that claims 200000 x 200000 pixels, and no text."""
    image = stream(zlib.compress(b"\x00" * 1000), b" /Type /XObject /Subtype /Image /Width 200000 /Height 200000"
                   b" /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode")
    return pdf_bytes([
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        _page(5, resources=b"<< /XObject << /Im1 6 0 R >> >>"), _FONT,
        stream(b"q 612 0 0 792 0 0 cm /Im1 Do Q"), image,
    ])


def lying_page_count() -> bytes:
    """A page tree that claims a billion pages but has one."""
    return simple_pdf("One real page").replace(b"/Count 1 ", b"/Count 1000000000 ")


def truncated() -> bytes:
    whole = simple_pdf("This file was cut off in the middle of its download " * 20)
    return whole[: len(whole) // 2]


def header_then_garbage() -> bytes:
    return b"%PDF-1.4\n" + bytes(range(256)) * 64


HOSTILE = {
    "bomb.pdf": flate_bomb,
    "deep.pdf": deep_nesting,
    "tree-loop.pdf": page_tree_loop,
    "xobject-loop.pdf": xobject_loop,
    "xref-loop.pdf": xref_loop,
    "giant-image.pdf": giant_image,
    "lying-count.pdf": lying_page_count,
    "truncated.pdf": truncated,
    "garbage.pdf": header_then_garbage,
}


def write_hostile_pdfs(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, build in HOSTILE.items():
        (folder / name).write_bytes(build())
        written[name] = folder / name
    return written
