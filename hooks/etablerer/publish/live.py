"""`make verify-live`: is the copy a municipality publishes the newest bundle, file for file?

Fetches URL/manifest.json (the copy's own, copymanifest.py) and every file the newest
bundle's manifest lists, over HTTP, and compares them with that manifest (from dist/ or
from the published <preview>/dist/). Reports the copy as stale (older than the newest
bundle, with both dates), and each file changed, missing, or extra (listed by the live
manifest, not by the bundle's). Only the standard library: urllib.
"""

from __future__ import annotations

import hashlib
import json
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.error import HTTPError, URLError
from urllib.parse import quote, urljoin
from urllib.request import Request, urlopen

from etablerer.inputs.messages import _, ngettext
from etablerer.publish.bundles import manifest_name
from etablerer.publish.copymanifest import COPY_MANIFEST

TIMEOUT = 60  # seconds per request
WORKERS = 8  # requests side by side
USER_AGENT = "etablerer-verify-live/1"


class LiveError(Exception):
    """The check cannot be made (the newest bundle's manifest cannot be had); the message says why."""


class _Missing(Exception):
    pass


@dataclass(frozen=True)
class LiveComparison:
    url: str
    copy: str
    bundle_as_of: str
    bundle_commit: str
    live_as_of: str | None  # None: no readable manifest.json on the server
    stale: bool
    changed: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()
    reasons: dict[str, str] = field(default_factory=dict)  # why a file counts as missing

    @property
    def matches(self) -> bool:
        return not (self.stale or self.changed or self.missing or self.extra)


def as_folder_url(url: str) -> str:
    return url if url.endswith("/") else url + "/"


def fetch(url: str) -> bytes:
    """The body at `url`; raises _Missing (with the reason) for anything but a 200."""
    try:
        with urlopen(Request(url, headers={"User-Agent": USER_AGENT}), timeout=TIMEOUT) as response:
            return response.read()
    except HTTPError as exc:
        raise _Missing(f"HTTP {exc.code}") from None
    except (URLError, OSError, ValueError) as exc:
        raise _Missing(str(getattr(exc, "reason", exc))) from None


def bundle_manifest(bundles: str, copy: str) -> dict:
    """The newest bundle's manifest of `copy`: from a folder (dist/) or a URL (<preview>/dist/)."""
    name = manifest_name(copy)
    if "://" in bundles:
        where = urljoin(as_folder_url(bundles), name)
        try:
            raw = fetch(where)
        except _Missing as exc:
            raise LiveError(_("cannot fetch the newest bundle's manifest {where} ({reason}).").format(
                where=where, reason=exc)) from None
    else:
        where = f"{as_folder_url(bundles)}{name}"
        try:
            with open(where, "rb") as stream:
                raw = stream.read()
        except OSError as exc:
            raise LiveError(_("cannot read the newest bundle's manifest {where} ({reason}); run make site and "
                              "make bundles, or give BUNDLES=<preview>/dist/.").format(
                where=where, reason=exc.strerror or exc)) from None
    try:
        document = json.loads(raw)
        if document["copy"] != copy or not isinstance(document["files"], dict):
            raise ValueError(copy)
        return document
    except (ValueError, KeyError, TypeError):
        raise LiveError(_("{where} is not a bundle manifest of the copy '{copy}'.").format(
            where=where, copy=copy)) from None


def compare_live(url: str, copy: str, bundle: dict) -> LiveComparison:
    base = as_folder_url(url)
    expected: dict[str, str] = {rel: entry["sha256"] for rel, entry in bundle["files"].items()}

    def get(rel: str) -> tuple[str, bytes | None, str]:
        try:
            return rel, fetch(urljoin(base, quote(rel, safe="/"))), ""
        except _Missing as exc:
            return rel, None, str(exc)

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        fetched = list(pool.map(get, [COPY_MANIFEST, *sorted(expected)]))
    changed, missing, reasons = [], [], {}
    live_manifest: dict | None = None
    for rel, body, reason in fetched:
        if body is None:
            missing.append(rel)
            reasons[rel] = reason
        elif rel == COPY_MANIFEST:
            try:
                live_manifest = json.loads(body)
                if not isinstance(live_manifest, dict) or not isinstance(live_manifest.get("files"), dict):
                    raise ValueError(rel)
            except ValueError:
                live_manifest = None
                changed.append(rel)
            else:
                own = {k: v for k, v in bundle.items() if k != "bundle"}
                if live_manifest != own:
                    changed.append(rel)
        elif hashlib.sha256(body).hexdigest() != expected[rel]:
            changed.append(rel)
    live_as_of = live_manifest.get("as_of") if live_manifest else None
    live_as_of = live_as_of if isinstance(live_as_of, str) else None
    extra = sorted(set(live_manifest["files"]) - set(expected)) if live_manifest else []
    stale = live_as_of is not None and live_as_of < bundle["as_of"]
    return LiveComparison(url=base, copy=copy, bundle_as_of=bundle["as_of"], bundle_commit=bundle["commit"],
                          live_as_of=live_as_of, stale=stale, changed=tuple(sorted(changed)),
                          missing=tuple(sorted(missing)), extra=tuple(extra), reasons=reasons)


def report(result: LiveComparison) -> str:
    values = {"url": result.url, "copy": result.copy, "date": result.bundle_as_of,
              "commit": result.bundle_commit[:12]}
    if result.matches:
        return _("OK: {url} is the newest '{copy}' bundle, built on {date} from commit {commit}: every file is "
                 "there and unchanged.").format(**values)
    lines = [_("{url} is not the newest '{copy}' bundle, built on {date} from commit {commit}:").format(**values)]
    if result.stale:
        lines.append(_("  stale: the published copy was built on {live}; the newest bundle on {bundle}").format(
            live=result.live_as_of, bundle=result.bundle_as_of))
    lines += [_("  changed: {file} (not what the newest bundle holds)").format(file=rel) for rel in result.changed]
    lines += [_("  missing: {file} (cannot be fetched: {reason})").format(file=rel, reason=result.reasons.get(rel, ""))
              for rel in result.missing]
    lines += [_("  extra:   {file} (listed by the published manifest, not by the newest bundle)").format(file=rel)
              for rel in result.extra]
    count = len(result.changed) + len(result.missing) + len(result.extra)
    lines.append(ngettext("{count} file differs. Install the newest bundle (see the README, "
                          "'For municipal web teams').",
                          "{count} files differ. Install the newest bundle (see the README, "
                          "'For municipal web teams').", count).format(count=count))
    return "\n".join(lines)
