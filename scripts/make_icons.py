#!/usr/bin/env python3
"""Draws the app's icons (static/icons/) from the favicon's shapes (static/favicon.svg): a blue
rounded square with three points on a rising line. Plain Python (no imaging library): each pixel
is sampled 4 × 4 times, and the PNGs are written with zlib. Run from the repository root; the
icons are committed, so the build needs none of this.

- icon-192.png, icon-512.png: the favicon at those sizes (purpose "any").
- icon-maskable-512.png: full-bleed blue, the drawing inside the central safe circle (purpose
  "maskable": launchers cut it to their own shape).
"""
import struct
import zlib

BLUE = (0x08, 0x51, 0x9C)
POINTS = [((9, 22), (0xC6, 0xDB, 0xEF)), ((16, 14), (0x9E, 0xCA, 0xE1)), ((23, 9), (0xFF, 0xFF, 0xFF))]
WHITE = (0xFF, 0xFF, 0xFF)


def segment_distance(p, a, b):
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return ((px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2) ** 0.5


def colour_at(x, y, maskable):
    """The colour at (x, y) in the favicon's 32 × 32 space, or None outside the shape."""
    if maskable:
        # The drawing at 60 % in the middle: the safe zone is the central 80 % circle.
        x, y = 16 + (x - 16) / 0.6, 16 + (y - 16) / 0.6
    else:
        # The square's rounded corners (radius 7).
        cx, cy = min(max(x, 7), 25), min(max(y, 7), 25)
        if (x - cx) ** 2 + (y - cy) ** 2 > 49:
            return None
    for (px, py), colour in POINTS:
        if (x - px) ** 2 + (y - py) ** 2 <= 9:
            return colour
    line = [p for p, _ in POINTS]
    if min(segment_distance((x, y), line[i], line[i + 1]) for i in range(2)) <= 1:
        return WHITE
    return BLUE


def draw(size, maskable):
    rows = []
    n = 4
    for j in range(size):
        row = bytearray([0])
        for i in range(size):
            r = g = b = a = 0
            for sj in range(n):
                for si in range(n):
                    x = (i + (si + 0.5) / n) * 32 / size
                    y = (j + (sj + 0.5) / n) * 32 / size
                    c = colour_at(x, y, maskable)
                    if c:
                        r, g, b, a = r + c[0], g + c[1], b + c[2], a + 1
            samples = n * n
            if a:
                row += bytes([r // a, g // a, b // a, 255 * a // samples])
            else:
                row += bytes([0, 0, 0, 0])
        rows.append(bytes(row))
    return b"".join(rows)


def png(size, pixels):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(pixels, 9)) + chunk(b"IEND", b""))


for name, size, maskable in [("icon-192.png", 192, False), ("icon-512.png", 512, False),
                             ("icon-maskable-512.png", 512, True)]:
    with open(f"static/icons/{name}", "wb") as f:
        f.write(png(size, draw(size, maskable)))
    print("wrote", name)
