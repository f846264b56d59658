"""Logo files: can a browser show this one at all?

A logo that cannot be shown (a broken SVG, one without the SVG namespace, an image
that does not open, a PDF) is an error (rules.py), so `make check` and the build
refuse it. Whether a logo that can be shown is legible (its size, its smallest text)
is the content health report's question (reports/health.py), which reads the file
through open_logo() too.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from etablerer.inputs.messages import _

RASTER_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp")
SVG_ROOT = "{http://www.w3.org/2000/svg}svg"


@dataclass(frozen=True)
class LogoImage:
    """A logo a browser can show: the SVG's root element, or a raster image's size in pixels."""

    svg: ET.Element | None = None
    width: int = 0
    height: int = 0


def open_logo(file: Path) -> LogoImage | str:
    """The logo in file, or why a browser could not show it (a phrase after the file's name)."""
    suffix = file.suffix.lower()
    if suffix == ".svg":
        return _open_svg(file)
    if suffix in RASTER_SUFFIXES:
        return _open_raster(file)
    if not suffix:
        return _("has no file extension such as .svg or .png; use SVG, PNG, JPEG, GIF or WebP")
    return _("is a {suffix} file; use SVG, PNG, JPEG, GIF or WebP").format(suffix=suffix)


def _open_svg(file: Path) -> LogoImage | str:
    try:
        root = ET.parse(file).getroot()
    except (ET.ParseError, OSError):
        return _("is not a readable SVG file (XML error); export it again")
    if root.tag == "svg":
        return _('has no xmlns="http://www.w3.org/2000/svg" on its <svg> element, so browsers do not draw it; '
                 "add it or export the file again")
    if root.tag != SVG_ROOT:
        shown = root.tag.rsplit("}", 1)[-1]
        return _("is not an SVG image (its first element is <{element}>, not <svg>); export it again as "
                 "SVG").format(element=shown)
    return LogoImage(svg=root)


def _open_raster(file: Path) -> LogoImage | str:
    from PIL import Image, UnidentifiedImageError  # only needed for raster logos

    try:
        with Image.open(file) as image:
            width, height = image.size
    except (UnidentifiedImageError, OSError):
        return _("cannot be read as an image; export it again as PNG")
    return LogoImage(width=width, height=height)
