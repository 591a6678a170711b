#!/usr/bin/env python3
"""scripts/lib/render_icons.py SVG OUTDIR: renders every icon of the app from one SVG (assets/icon.svg)
with rsvg-convert (Debian's librsvg2-bin): favicon-32.png, icon-192.png, icon-512.png, and a maskable
icon-maskable-512.png whose artwork sits inside the central 80 % safe zone on a full-bleed background
(the SVG's first <rect> fill colour)."""
import os
import re
import subprocess
import sys
import tempfile

svg_path, out_dir = sys.argv[1], sys.argv[2]
os.makedirs(out_dir, exist_ok=True)
source = open(svg_path, encoding="utf-8").read()


def render(svg_file, size, name):
    out = os.path.join(out_dir, name)
    subprocess.run(["rsvg-convert", "-w", str(size), "-h", str(size), "-o", out, svg_file], check=True)


for size, name in [(32, "favicon-32.png"), (180, "apple-touch-icon.png"), (192, "icon-192.png"), (512, "icon-512.png")]:
    render(svg_path, size, name)

# Maskable: the same drawing scaled to 80 % in the middle of a full-bleed square of the background colour.
background = re.search(r'<rect[^>]*fill="([^"]+)"', source).group(1)
inner = re.sub(r"^.*?<svg[^>]*>|</svg>\s*$", "", source, flags=re.S)
maskable = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">'
    f'<rect width="512" height="512" fill="{background}"/>'
    f'<g transform="translate(51.2 51.2) scale(0.8)">{inner}</g></svg>'
)
with tempfile.NamedTemporaryFile("w", suffix=".svg", delete=False, encoding="utf-8") as f:
    f.write(maskable)
try:
    render(f.name, 512, "icon-maskable-512.png")
finally:
    os.unlink(f.name)
