#!/usr/bin/env python3
"""Rewrites a subset OpenType/CFF font with TrueType (glyf) outlines.

stb_truetype, which builds ImGui's font atlas at start-up, runs a CFF glyph's
charstring program three times per size (box, count, outline) and takes its
box from every control point; quadratic glyf outlines are read directly and
have tight boxes, so the atlas builds about twice as fast and, at high
devicePixelRatio, is half the height. Used by CMakeLists.txt after pyftsubset.

  otf2ttf.py IN.otf OUT.ttf
"""
import sys

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

# Largest distance between a cubic curve and its quadratic approximation, in
# thousandths of an em: 0.05 device pixels for a 27 px heading at dpr 2.
MAX_ERR_PER_MILLE = 1.0


def convert(src, dst):
    font = TTFont(src)
    if "CFF " not in font:
        sys.exit(f"otf2ttf: {src} has no CFF table")
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    max_err = MAX_ERR_PER_MILLE * font["head"].unitsPerEm / 1000

    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(None)
        # CFF contours run counter-clockwise, TrueType ones clockwise.
        glyphs[name].draw(Cu2QuPen(pen, max_err, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]

    # maxp 1.0 (what glyf fonts use); the point and contour maxima are
    # recalculated on save. No hinting: no zones beyond one, no programs.
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.numGlyphs = len(order)
    maxp.maxZones = 1
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements",
                  "maxPoints", "maxContours", "maxCompositePoints", "maxCompositeContours",
                  "maxComponentDepth"):
        setattr(maxp, field, 0)
    font["maxp"] = maxp

    font["post"].formatType = 3.0  # no glyph names: nothing reads them
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"
    font.save(dst)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[-1])
    convert(sys.argv[1], sys.argv[2])
