"""The promise these suites test: what `etablerer check` accepts, the build builds, and the
content checks (tests/content/checks.py: static_problems) pass on what it built.

holds(root, day) runs the two commands an editor (and CI) runs, `python -m etablerer check`
and `python -m etablerer build`, in the project folder `root` with the as-of date `day`,
then the content checks on the result. Any step that fails fails the test with what the
editor would read.
"""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

from PIL import Image, ImageDraw

from etablerer.inputs.loading import load_data
from tests.content.checks import static_problems
from tests.support.environ import PINNED_DAY
from tests.support.project import run_etablerer
from tests.support.site import BuiltSite

MESSAGE = re.compile(r"^(?P<place>[^\s:]+:\d+): ", re.M)  # file:line at the start of a report line


def checked(root: Path, day: date = PINNED_DAY) -> str:
    """`etablerer check` on root: must exit 0. Returns what it printed."""
    result = run_etablerer(root, day, "check")
    assert result.returncode == 0, f"make check refused the edit:\n{result.stdout}{result.stderr}"
    assert "Traceback" not in result.stderr, result.stderr
    return result.stdout


def findings(root: Path, day: date = PINNED_DAY) -> list[str]:
    """Every content health finding, one line each (`make check STRICT=1` lists them all;
    it exits 1 when there are any, which is not the point here)."""
    result = run_etablerer(root, day, "check", "--strict")
    assert result.returncode in (0, 1) and "Traceback" not in result.stderr, result.stderr
    return [line.removeprefix("merknad: ") for line in result.stdout.splitlines() if line.startswith("merknad: ")]


def built(root: Path, day: date = PINNED_DAY, site: Path | None = None) -> BuiltSite:
    """`etablerer build --site …` on root: must exit 0. Returns the built site."""
    site = site or root.parent / "site"
    result = run_etablerer(root, day, "build", "--site", str(site))
    assert result.returncode == 0, f"the build failed after make check passed:\n{result.stdout}{result.stderr}"
    assert (site / "index.html").is_file() and (site / "manifest.json").is_file(), "the build wrote no site"
    return BuiltSite(site, load_data(root / "data", root / "content", root), day)


def content_checked(site: BuiltSite) -> BuiltSite:
    problems = static_problems(site, every_copy=False)  # the copies are compared byte for byte; pages read once
    assert problems == [], "the content checks fail on what the build made:\n" + "\n".join(problems)
    return site


def holds(root: Path, day: date = PINNED_DAY, site: Path | None = None) -> BuiltSite:
    """check exits 0, the build exits 0, static_problems is []; returns the built site."""
    checked(root, day)
    return content_checked(built(root, day, site))


def refused(root: Path, day: date = PINNED_DAY) -> tuple[str, str]:
    """check and build both refuse (exit 1, no traceback); returns (check's report, build's report)."""
    check = run_etablerer(root, day, "check")
    build = run_etablerer(root, day, "build", "--site", str(root.parent / "site"))
    for name, result in (("check", check), ("build", build)):
        assert result.returncode == 1, f"{name} exited {result.returncode}:\n{result.stdout}{result.stderr}"
        assert "Traceback" not in result.stderr, f"{name} printed a traceback:\n{result.stderr}"
    assert not (root.parent / "site").exists(), "a refused build wrote site/"
    return check.stderr, build.stderr


def places(report: str) -> list[str]:
    """The file:line problem lines of a report, as the editor reads them."""
    return [line for line in report.splitlines() if MESSAGE.match(line)]


# --- logos as the official files would be ---------------------------------------------------

def copy_pages(site, copy: str) -> dict[str, object]:
    return {rel: site.soup_of(site.copy_dir(copy) / rel) for rel in site.html_pages(copy)}


def logo_sources(site, copy: str, alt: str) -> set[str]:
    """The file names of every <img> with this alt text, on every page of a copy (pages that
    only redirect have none, and are left out)."""
    found: dict[str, set[str]] = {}
    for rel, soup in copy_pages(site, copy).items():
        if soup.find("meta", attrs={"http-equiv": "refresh"}) or rel.endswith("404.html"):
            continue
        found[rel] = {img["src"].rsplit("/", 1)[-1] for img in soup.find_all("img") if img.get("alt") == alt}
    assert found, f"{copy}: no pages"
    without = sorted(rel for rel, names in found.items() if not names)
    assert without == [], f"{copy}: pages without the logo '{alt}': {without[:5]}"
    return set().union(*found.values())


def real_svg(text: str) -> str:
    """An organisation's logo as an official file would be: a viewBox, text readable at 180 px."""
    return f"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 120" width="360" height="120" role="img">
  <title>{text}</title>
  <rect width="360" height="120" fill="#00467f"/>
  <circle cx="60" cy="60" r="36" fill="#ffd100"/>
  <text x="112" y="72" font-family="sans-serif" font-size="30" fill="#ffffff">{text}</text>
</svg>
"""


def real_png(text: str) -> bytes:
    """A raster logo 480 px wide (the guide asks for at least 360), drawn with Pillow."""
    image = Image.new("RGBA", (480, 160), (255, 255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 479, 159), outline=(200, 16, 46, 255), width=6)
    draw.ellipse((24, 40, 104, 120), fill=(200, 16, 46, 255))
    draw.text((124, 66), text, fill=(20, 20, 20, 255))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
