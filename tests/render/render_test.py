#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""`smm report html` really draws: scripts/render-report-html.sh renders the demo page and
screenshots it with headless Chromium; this checks that each PNG has the requested size, is not
blank (enough ink, several colours: the charts' palette) and that the page holds its sections.
Exit 77 (ctest: skipped) when chromium is not installed.

    render_test.py SMM OUTDIR
"""
import os
import struct
import subprocess
import sys
import zlib

SOURCE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def pixels(path):
    """(width, height, rows of bytes, bytes per pixel) of an 8-bit RGB or RGBA PNG."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path}: not a PNG"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6), f"{path}: depth {depth}, colour type {colour}"
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if f == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif f == 2:
            line = bytearray((a + b) & 255 for a, b in zip(line, prev))
        elif f == 3:
            for i in range(stride):
                line[i] = (line[i] + ((line[i - bpp] if i >= bpp else 0) + prev[i]) // 2) & 255
        elif f == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b, c = prev[i], prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return width, height, rows, bpp


def check(path, size):
    width, height, rows, bpp = pixels(path)
    assert (width, height) == size, f"{path}: {width}x{height}, expected {size[0]}x{size[1]}"
    colours, ink, total = set(), 0, 0
    for line in rows[::4]:
        for x in range(0, width * bpp, bpp * 2):
            rgb = bytes(line[x:x + 3])
            colours.add(rgb)
            ink += rgb != b"\xff\xff\xff"
            total += 1
    share = ink / total
    print(f"{os.path.basename(path)}: {width}x{height}, {len(colours)} colours, {share:.1%} not white")
    assert len(colours) >= 16, f"{path}: only {len(colours)} colours: blank or unstyled?"
    assert 0.02 <= share <= 0.8, f"{path}: {share:.1%} of the pixels are not white"


def main():
    smm, out = sys.argv[1], sys.argv[2]
    run = subprocess.run([os.path.join(SOURCE, "scripts/render-report-html.sh"), smm, out])
    if run.returncode == 77:
        return 77
    if run.returncode != 0:
        print(f"render-report-html.sh failed with {run.returncode}", file=sys.stderr)
        return 1
    page = open(os.path.join(out, "report.html"), encoding="utf-8").read()
    for needle in ("<svg", "<polyline", 'id="followers"', 'id="top"', 'id="response"', "&lt;script&gt;"):
        assert needle in page, f"report.html lacks {needle}"
    assert "<script" not in page
    check(os.path.join(out, "desktop.png"), (1200, 2000))
    check(os.path.join(out, "phone.png"), (390, 2600))
    return 0


if __name__ == "__main__":
    sys.exit(main())
