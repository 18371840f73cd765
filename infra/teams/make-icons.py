#!/usr/bin/env python3
"""Draws StudyBot's Teams icons (an open book) as PNG files, with only the standard library.

color.png   192x192, full colour: white book on a rounded blue square.
outline.png 32x32, white book on a transparent background (Teams tints it).

Run from anywhere: python3 infra/teams/make-icons.py  (writes next to this script).
"""
import os
import struct
import zlib

ACCENT = (37, 99, 235)  # keep in sync with accentColor in manifest.template.json
LEFT_PAGE = [(0.17, 0.30), (0.48, 0.37), (0.48, 0.78), (0.17, 0.71)]
RIGHT_PAGE = [(0.52, 0.37), (0.83, 0.30), (0.83, 0.71), (0.52, 0.78)]


def inside_convex(poly, x, y):
    sign = 0
    for (x1, y1), (x2, y2) in zip(poly, poly[1:] + poly[:1]):
        cross = (x2 - x1) * (y - y1) - (y2 - y1) * (x - x1)
        if cross != 0:
            if sign == 0:
                sign = 1 if cross > 0 else -1
            elif (cross > 0) != (sign > 0):
                return False
    return True


def text_lines(page, left):
    """Thin bands across a page, like lines of text, following its slant."""
    (ax, ay), (bx, by) = page[0], page[1]
    lines = []
    for i in range(3):
        top = 0.10 + i * 0.11
        x1, x2 = (ax + 0.05, bx - 0.04) if left else (ax + 0.04, bx - 0.05)
        slope = (by - ay) / (bx - ax)
        y1 = ay + top + slope * (x1 - ax)
        y2 = ay + top + slope * (x2 - ax)
        lines.append([(x1, y1), (x2, y2), (x2, y2 + 0.035), (x1, y1 + 0.035)])
    return lines


def in_rounded_square(x, y, radius=0.2):
    cx = min(max(x, radius), 1 - radius)
    cy = min(max(y, radius), 1 - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def pixel(kind, x, y):
    on_book = inside_convex(LEFT_PAGE, x, y) or inside_convex(RIGHT_PAGE, x, y)
    if kind == "outline":
        return (255, 255, 255, 255) if on_book else (0, 0, 0, 0)
    if not in_rounded_square(x, y):
        return (0, 0, 0, 0)
    on_line = any(inside_convex(l, x, y) for p, left in ((LEFT_PAGE, True), (RIGHT_PAGE, False)) for l in text_lines(p, left))
    return (*ACCENT, 255) if on_line or not on_book else (255, 255, 255, 255)


def render(kind, size, samples=4):
    rows = []
    for py in range(size):
        row = bytearray([0])  # filter type: none
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(samples):
                for sx in range(samples):
                    r, g, b, a = pixel(kind, (px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size)
                    acc = [acc[0] + r * a, acc[1] + g * a, acc[2] + b * a, acc[3] + a]
            alpha = acc[3] / (samples * samples)
            colour = [round(c / acc[3]) if acc[3] else 0 for c in acc[:3]]
            row += bytes(colour + [round(alpha)])
        rows.append(bytes(row))
    return b"".join(rows)


def png(size, raw):
    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    for name, kind, size in (("color.png", "color", 192), ("outline.png", "outline", 32)):
        with open(os.path.join(here, name), "wb") as f:
            f.write(png(size, render(kind, size)))
        print("wrote", os.path.join(here, name))
