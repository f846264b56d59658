#!/usr/bin/env python3
"""etablerer-sync: keep a municipality's copy of the Etablerertjenesten site fresh.

One file, Python >= 3.9, standard library only: it runs on a municipal web server without
the project's tooling. It downloads the newest bundle of one copy from where CI publishes
them (`make bundles`: dist/index.json, dist/etablerertjenesten-<slug>.json and .zip),
verifies it, unpacks it beside the served folder and swaps it in atomically.

    python3 etablerer-sync.py --source https://<preview>/dist/ --copy vestby \
        --target /var/www/html/etablerertjenesten [--keep 3] [--log /var/log/etablerer-sync.log]

Layout (TARGET is the folder the web server serves):

    TARGET                              a symbolic link -> .etablerer-<slug>/releases/<id>
    .etablerer-<slug>/releases/<id>/    one folder per installed bundle, <id> = <as_of>-<commit7>
    .etablerer-<slug>/history.json      the installed releases, oldest first (for --rollback)
    .etablerer-<slug>/lock              one run at a time

The swap replaces the link with one rename (rename(2) is atomic), so the served folder is
never half-written: a request sees the whole old copy or the whole new one. If TARGET is
an ordinary folder (a copy installed by hand), the first run moves it into releases/ as
manual-<time> (kept for --rollback) and puts the link in its place.

Which bundle is newer: the later as_of date wins; an older date is refused. With the same
as_of date and the same commit the copy is already installed (nothing to do). With the
same date and a different commit the bundle is accepted: the index is the publisher's
newest build, and a rebuild on the same day (an editor's fix after the nightly build)
must reach the servers; commits cannot be ordered without the repository.

Exit status: 0 installed, already up to date, rolled back or live copy equal;
1 refused (checksum, missing or extra file, older bundle, sample data, bad bundle) or
live copy differs; 3 network (download failed, timeout, HTTP error); 4 local (disk full,
target folder, another run holds the lock); 2 wrong options.
"""

from __future__ import annotations

import argparse
import errno
import fcntl
import hashlib
import json
import os
import re
import shutil
import stat
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile

if sys.version_info < (3, 9):  # noqa: UP036 - the tool runs on servers with older pythons than ours
    sys.exit("etablerer-sync trenger Python 3.9 eller nyere (dette er Python {}.{})".format(*sys.version_info[:2]))

FORMAT = 1
MANIFEST = "manifest.json"
TIMEOUT = 60  # seconds per request (connect and each read)
SPACE_MARGIN = 16 * 1024 * 1024  # bytes to leave free besides the unpacked copy
EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_NETWORK, EXIT_LOCAL = 0, 1, 2, 3, 4
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
HEX64 = re.compile(r"^[0-9a-f]{64}$")


class Refused(Exception):
    """A reason to stop; the message is the log line's text, the code the exit status."""

    def __init__(self, message: str, code: int = EXIT_REFUSED):
        super().__init__(message)
        self.code = code


# --- downloads ---------------------------------------------------------------------------

def _open(url: str, timeout: float):
    request = urllib.request.Request(url, headers={"User-Agent": "etablerer-sync/1", "Cache-Control": "no-cache"})
    try:
        return urllib.request.urlopen(request, timeout=timeout)
    except urllib.error.HTTPError as err:
        raise Refused(f"kunne ikke hente {url}: HTTP {err.code} {err.reason}", EXIT_NETWORK) from None
    except (urllib.error.URLError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise Refused(f"kunne ikke hente {url}: {reason}", EXIT_NETWORK) from None


def fetch_bytes(url: str, timeout: float, limit: int = 64 * 1024 * 1024, cut: bool = False) -> bytes:
    """The body of `url`; longer than `limit`: refused, or (cut) its first limit + 1 bytes."""
    response = _open(url, timeout)
    try:
        with response:
            data = response.read(limit + 1)
    except (TimeoutError, OSError) as err:
        raise Refused(f"nedlastingen av {url} stoppet: {err}", EXIT_NETWORK) from None
    if len(data) > limit and not cut:
        raise Refused(f"{url} er større enn ventet (over {limit} byte)")
    return data


def fetch_json(url: str, timeout: float) -> dict:
    data = fetch_bytes(url, timeout)
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as err:
        raise Refused(f"{url} er ikke gyldig JSON: {err}") from None
    if not isinstance(value, dict):
        raise Refused(f"{url} er ikke et JSON-objekt")
    return value


def fetch_to_file(url: str, path: str, expected_size: int, timeout: float) -> str:
    """Download into `path`, reading at most expected_size + 1 bytes; return the SHA-256."""
    digest = hashlib.sha256()
    written = 0
    response = _open(url, timeout)
    try:
        with response, open(path, "wb") as out:
            while True:
                block = response.read(min(1 << 16, expected_size + 1 - written))
                if not block:
                    break
                out.write(block)
                digest.update(block)
                written += len(block)
                if written > expected_size:
                    break
    except (TimeoutError, OSError) as err:
        if isinstance(err, OSError) and err.errno == errno.ENOSPC:
            raise Refused(f"disken er full under nedlastingen av {url}", EXIT_LOCAL) from None
        raise Refused(f"nedlastingen av {url} stoppet: {err}", EXIT_NETWORK) from None
    if written != expected_size:
        got = f"over {expected_size}" if written > expected_size else str(written)
        raise Refused(f"pakken {url} har feil størrelse: {got} byte, manifestet sier {expected_size} "
                      "(avbrutt eller endret)")
    return digest.hexdigest()


def join_url(base: str, name: str) -> str:
    return urllib.parse.urljoin(base if base.endswith("/") else base + "/", urllib.parse.quote(name))


# --- the published index and manifest -------------------------------------------------------

def _require(condition: bool, what: str) -> None:
    if not condition:
        raise Refused(f"ugyldig pakkeoversikt: {what}")


def check_manifest(manifest: dict, slug: str) -> None:
    _require(manifest.get("format") == FORMAT,
             f"manifestet har format {manifest.get('format')!r}, verktøyet kan format {FORMAT}")
    _require(manifest.get("copy") == slug, f"manifestet gjelder kopien {manifest.get('copy')!r}, ikke {slug!r}")
    _require(isinstance(manifest.get("as_of"), str) and re.match(r"^\d{4}-\d{2}-\d{2}$", manifest["as_of"]) is not None,
             "as_of mangler eller er ikke en dato")
    _require(isinstance(manifest.get("commit"), str) and manifest["commit"] != "", "commit mangler")
    _require(isinstance(manifest.get("sample"), bool), "sample mangler")
    files = manifest.get("files")
    _require(isinstance(files, dict) and files != {}, "files mangler")
    for path, entry in files.items():
        _require(safe_relative(path) and path != MANIFEST, f"ugyldig filsti {path!r}")
        _require(isinstance(entry, dict) and isinstance(entry.get("sha256"), str)
                 and HEX64.match(entry["sha256"]) is not None
                 and isinstance(entry.get("size"), int) and entry["size"] >= 0, f"ugyldig oppføring for {path!r}")


def check_bundle_entry(manifest: dict) -> dict:
    bundle = manifest.get("bundle")
    _require(isinstance(bundle, dict) and isinstance(bundle.get("file"), str) and safe_relative(bundle["file"])
             and "/" not in bundle["file"] and isinstance(bundle.get("sha256"), str)
             and HEX64.match(bundle["sha256"]) is not None
             and isinstance(bundle.get("size"), int) and bundle["size"] > 0, "bundle mangler eller er ugyldig")
    return bundle


def safe_relative(path: str) -> bool:
    if not isinstance(path, str) or path == "" or path.startswith("/") or "\\" in path or "\x00" in path:
        return False
    return all(part not in ("", ".", "..") for part in path.split("/"))


def release_id(manifest: dict) -> str:
    commit = manifest["commit"]
    short = commit[:7] if re.match(r"^[0-9a-f]{40}$", commit) else re.sub(r"[^A-Za-z0-9]", "", commit)[:16] or "x"
    return "{}-{}".format(manifest["as_of"], short)


def newest(source: str, slug: str, timeout: float):
    """The index and the manifest (with its "bundle" entry) of the newest bundle of `slug`."""
    index = fetch_json(join_url(source, "index.json"), timeout)
    _require(index.get("format") == FORMAT,
             f"index.json har format {index.get('format')!r}, verktøyet kan format {FORMAT}")
    copies = index.get("copies")
    _require(isinstance(copies, dict), "index.json mangler copies")
    if slug not in copies:
        there = ", ".join(sorted(copies)) or "ingen"
        raise Refused(f"kopien {slug!r} finnes ikke i {join_url(source, 'index.json')} (der finnes: {there})")
    entry = copies[slug]
    _require(isinstance(entry, dict) and isinstance(entry.get("manifest"), str) and safe_relative(entry["manifest"])
             and "/" not in entry["manifest"], f"index.json: manifest mangler for {slug!r}")
    manifest = fetch_json(join_url(source, entry["manifest"]), timeout)
    check_manifest(manifest, slug)
    bundle = check_bundle_entry(manifest)
    _require(entry.get("bundle") in (None, bundle["file"]), "index.json og manifestet nevner ulike pakker")
    return index, manifest


# --- the installed copy ----------------------------------------------------------------

class Place:
    """Where the copy is served (target) and where the releases are kept (work)."""

    def __init__(self, target: str, slug: str):
        self.target = os.path.abspath(target.rstrip("/") or "/")
        self.parent = os.path.dirname(self.target)
        self.work = os.path.join(self.parent, f".etablerer-{slug}")
        self.releases = os.path.join(self.work, "releases")
        self.history_file = os.path.join(self.work, "history.json")

    def prepare(self) -> None:
        if not os.path.isdir(self.parent):
            raise Refused(f"mappen {self.parent} finnes ikke (målmappen {self.target} skal ligge i den)", EXIT_LOCAL)
        os.makedirs(self.releases, exist_ok=True)

    def lock(self):
        handle = open(os.path.join(self.work, "lock"), "a")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            raise Refused(f"en annen kjøring for {self.target} pågår (låsen {handle.name})", EXIT_LOCAL) from None
        return handle

    def history(self) -> list:
        try:
            with open(self.history_file, encoding="utf-8") as stream:
                value = json.load(stream)
        except (OSError, ValueError):
            return []
        return [name for name in value if isinstance(name, str)] if isinstance(value, list) else []

    def write_history(self, names: list) -> None:
        tmp = self.history_file + ".tmp"
        with open(tmp, "w", encoding="utf-8") as stream:
            json.dump(names, stream, indent=1)
            stream.write("\n")
        os.replace(tmp, self.history_file)

    def current(self):
        """The release the link points to (None when the target is not one of ours)."""
        if not os.path.islink(self.target):
            return None
        link = os.readlink(self.target)
        resolved = os.path.normpath(os.path.join(self.parent, link))
        if os.path.dirname(resolved) != os.path.normpath(self.releases):
            return None
        return os.path.basename(resolved)

    def installed_manifest(self):
        try:
            with open(os.path.join(self.target, MANIFEST), encoding="utf-8") as stream:
                value = json.load(stream)
        except (OSError, ValueError):
            return None
        return value if isinstance(value, dict) else None

    def point_to(self, name: str) -> None:
        """Swap the served folder to releases/<name> in one rename."""
        if os.path.exists(self.target) and not os.path.islink(self.target):
            if not os.path.isdir(self.target):
                raise Refused(f"{self.target} finnes og er ikke en mappe", EXIT_LOCAL)
            adopted = "manual-" + time.strftime("%Y%m%d%H%M%S", time.gmtime())
            os.rename(self.target, os.path.join(self.releases, adopted))
            self.write_history([adopted] + [n for n in self.history() if n != adopted])
        relative = os.path.relpath(os.path.join(self.releases, name), self.parent)
        tmp_link = os.path.join(self.parent, f".etablerer-link-{os.getpid()}")
        if os.path.lexists(tmp_link):
            os.unlink(tmp_link)
        os.symlink(relative, tmp_link)
        os.replace(tmp_link, self.target)

    def prune(self, keep: int) -> None:
        """Keep the current release and the `keep` before it; remove the rest and leftovers."""
        history = self.history()
        current = self.current()
        wanted = history[-(keep + 1):] if current in history else history[-keep:] if keep else []
        wanted = [n for n in wanted if os.path.isdir(os.path.join(self.releases, n))]
        if current and current not in wanted:
            wanted.append(current)
        for name in os.listdir(self.releases):
            if name not in wanted:
                shutil.rmtree(os.path.join(self.releases, name), ignore_errors=True)
        self.write_history([n for n in history if n in wanted])


def version_text(manifest) -> str:
    if not manifest:
        return "ukjent versjon"
    return "{} ({})".format(manifest.get("as_of"), str(manifest.get("commit"))[:7])


def compare(new: dict, installed) -> str:
    """'newer', 'same' or 'older' (see the module's docstring for the rule)."""
    if not installed or not isinstance(installed.get("as_of"), str):
        return "newer"
    if new["as_of"] > installed["as_of"]:
        return "newer"
    if new["as_of"] < installed["as_of"]:
        return "older"
    return "same" if new["commit"] == installed.get("commit") else "newer"


# --- unpacking and verifying -------------------------------------------------------------

def check_members(archive: zipfile.ZipFile, manifest: dict) -> dict:
    """The zip's entries against the manifest: nothing missing, nothing extra, no odd entries."""
    members = {}
    for info in archive.infolist():
        if info.is_dir():
            continue
        name = info.filename
        if not safe_relative(name):
            raise Refused(f"pakken har en ugyldig filsti: {name!r}")
        if stat.S_ISLNK(info.external_attr >> 16):
            raise Refused(f"pakken har en symbolsk lenke: {name}")
        if name in members:
            raise Refused(f"pakken har {name} to ganger")
        members[name] = info
    expected = set(manifest["files"]) | {MANIFEST}
    missing = sorted(expected - set(members))
    extra = sorted(set(members) - expected)
    if missing or extra:
        parts = (["mangler: " + ", ".join(missing[:5]) + (" …" if len(missing) > 5 else "")] if missing else []) + \
                (["ekstra: " + ", ".join(extra[:5]) + (" …" if len(extra) > 5 else "")] if extra else [])
        raise Refused("pakken stemmer ikke med manifestet ({})".format("; ".join(parts)))
    return members


def check_space(folder: str, needed: int) -> None:
    free = shutil.disk_usage(folder).free
    if free < needed + SPACE_MARGIN:
        need_mb, free_mb = (needed + SPACE_MARGIN) // 2**20 + 1, free // 2**20
        raise Refused(f"for lite ledig plass i {folder}: trenger {need_mb} MB, ledig {free_mb} MB", EXIT_LOCAL)


def unpack(archive: zipfile.ZipFile, members: dict, manifest: dict, into: str) -> None:
    """Write every file, checking its SHA-256 and size as it is written."""
    for name, info in sorted(members.items()):
        path = os.path.join(into, *name.split("/"))
        os.makedirs(os.path.dirname(path), mode=0o755, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        most = manifest["files"][name]["size"] if name != MANIFEST else 64 * 2**20  # a zip bomb stops here
        try:
            with archive.open(info) as source, open(path, "wb") as out:
                for block in iter(lambda: source.read(1 << 16), b""):
                    digest.update(block)
                    size += len(block)
                    if size > most:
                        raise Refused(f"{name} i pakken er større enn manifestet sier ({most} byte)")
                    out.write(block)
        except OSError as err:
            if err.errno == errno.ENOSPC:
                raise Refused(f"disken er full under utpakkingen ({into})", EXIT_LOCAL) from None
            raise
        except (zipfile.BadZipFile, EOFError, ValueError) as err:  # bad CRC, bad compressed data
            raise Refused(f"pakken er skadet ved {name}: {err}") from None
        os.chmod(path, 0o644)
        try:
            os.utime(path, (time.mktime(info.date_time + (0, 0, -1)),) * 2)
        except (OverflowError, ValueError):
            pass
        if name == MANIFEST:
            continue
        entry = manifest["files"][name]
        if size != entry["size"] or digest.hexdigest() != entry["sha256"]:
            raise Refused(f"sjekksummen stemmer ikke for {name} (størrelse {size}, manifestet sier {entry['size']})")
    inner = os.path.join(into, MANIFEST)
    try:
        with open(inner, encoding="utf-8") as stream:
            inside = json.load(stream)
    except ValueError:
        raise Refused("manifest.json i pakken er ikke gyldig JSON") from None
    outside = {k: v for k, v in manifest.items() if k != "bundle"}
    if inside != outside:
        raise Refused("manifest.json i pakken er ikke det publiserte manifestet")
    for root, dirs, _files in os.walk(into):
        for d in dirs:
            os.chmod(os.path.join(root, d), 0o755)
    os.chmod(into, 0o755)


# --- the commands --------------------------------------------------------------------------

def sync(args, place: Place) -> str:
    index, manifest = newest(args.source, args.copy, args.timeout)
    bundle = manifest["bundle"]
    new_id = release_id(manifest)
    if (manifest["sample"] or index.get("sample") is True) and not args.allow_sample:
        raise Refused(f"pakken {version_text(manifest)} er merket som eksempeldata (sample) og installeres ikke; "
                      "bruk --allow-sample for å installere den likevel")
    installed = place.installed_manifest()
    order = compare(manifest, installed)
    if order == "older":
        raise Refused(f"pakken {version_text(manifest)} er eldre enn den installerte kopien "
                      f"{version_text(installed)}; ingenting endret")
    if order == "same" and place.current() == new_id:
        return f"allerede oppdatert: {version_text(manifest)}"
    unpacked_size = sum(e["size"] for e in manifest["files"].values()) + 2 * 2**20
    place.prepare()
    check_space(place.releases, bundle["size"] + unpacked_size)
    stage = tempfile.mkdtemp(prefix=f".tmp-{new_id}-", dir=place.releases)
    try:
        zip_path = os.path.join(stage, "bundle.zip")
        digest = fetch_to_file(join_url(args.source, bundle["file"]), zip_path, bundle["size"], args.timeout)
        if digest != bundle["sha256"]:
            raise Refused("sjekksummen for pakken {} stemmer ikke med manifestet".format(bundle["file"]))
        try:
            archive = zipfile.ZipFile(zip_path)
        except zipfile.BadZipFile as err:
            raise Refused("pakken {} er ikke en gyldig zip-fil: {}".format(bundle["file"], err)) from None
        with archive:
            members = check_members(archive, manifest)
            if args.dry_run:
                return f"prøvekjøring: ville installert {version_text(manifest)} (nå: {version_text(installed)})"
            check_space(place.releases, unpacked_size)
            files = os.path.join(stage, "files")
            os.mkdir(files)
            unpack(archive, members, manifest, files)
        final = os.path.join(place.releases, new_id)
        if place.current() == new_id:  # same id served but a different bundle: a new name
            new_id = "{}-{}".format(new_id, bundle["sha256"][:8])
            final = os.path.join(place.releases, new_id)
        if os.path.lexists(final):
            shutil.rmtree(final)
        os.rename(files, final)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    existed = os.path.lexists(place.target)
    place.point_to(new_id)
    place.write_history([n for n in place.history() if n != new_id] + [new_id])
    place.prune(args.keep)
    previous = version_text(installed) if installed or existed else "ingen"
    return f"installert {version_text(manifest)} som {new_id} (forrige: {previous})"


def rollback(args, place: Place) -> str:
    if not os.path.isdir(place.releases):
        raise Refused(f"ingen tidligere kopier i {place.releases}", EXIT_LOCAL)
    current = place.current()
    history = [n for n in place.history() if os.path.isdir(os.path.join(place.releases, n))]
    if current not in history:
        raise Refused(f"{place.target} peker ikke på en kopi verktøyet har installert; ingenting endret", EXIT_LOCAL)
    position = history.index(current)
    if position == 0:
        raise Refused(f"ingen tidligere kopi å gå tilbake til (bare {current} er igjen)", EXIT_LOCAL)
    previous = history[position - 1]
    if args.dry_run:
        return f"prøvekjøring: ville gått tilbake fra {current} til {previous}"
    place.point_to(previous)
    place.write_history(history[:position])
    shutil.rmtree(os.path.join(place.releases, current), ignore_errors=True)
    return f"tilbakestilt fra {current} til {previous}"


def check_live(args) -> tuple:
    """Compare the copy served at args.check_live with the newest bundle: (lines, equal)."""
    _index, manifest = newest(args.source, args.copy, args.timeout)
    live_url = args.check_live if args.check_live.endswith("/") else args.check_live + "/"
    lines = []
    try:
        live = fetch_json(join_url(live_url, MANIFEST), args.timeout)
    except Refused as err:
        return [f"mangler: {MANIFEST} ({err})"], False
    reference = manifest
    if live.get("as_of") != manifest["as_of"] or live.get("commit") != manifest["commit"]:
        lines.append(f"utdatert: den publiserte kopien er fra {version_text(live)}, "
                     f"den nyeste pakken fra {version_text(manifest)}")
        if isinstance(live.get("files"), dict):
            reference = live  # a stale copy: check it against what it says it is
    files = reference["files"]
    for path in sorted(files):
        entry = files[path]
        if not (safe_relative(path) and isinstance(entry, dict) and isinstance(entry.get("size"), int)):
            lines.append(f"endret: {path} (ugyldig oppføring i manifest.json)")
            continue
        try:
            data = fetch_bytes(join_url(live_url, path), args.timeout, limit=max(entry["size"], 0), cut=True)
        except Refused as err:
            lines.append(f"mangler: {path} ({err})")
            continue
        if len(data) != entry.get("size") or hashlib.sha256(data).hexdigest() != entry.get("sha256"):
            lines.append(f"endret: {path}")
    if reference is manifest:
        for path in sorted(set(live.get("files") or {}) - set(files)):
            lines.append(f"ekstra: {path} (i den publiserte manifest.json, ikke i pakken)")
        if live != {k: v for k, v in manifest.items() if k != "bundle"} and not lines:
            lines.append(f"endret: {MANIFEST}")
    return lines, not lines


def log_line(args, status: str, text: str) -> None:
    stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    line = f"{stamp} etablerer-sync {args.copy} {status}: {text}"
    print(line, file=sys.stdout if status == "OK" else sys.stderr, flush=True)
    if args.log:
        try:
            with open(args.log, "a", encoding="utf-8") as stream:
                stream.write(line + "\n")
        except OSError as err:
            print(f"kunne ikke skrive til loggen {args.log}: {err}", file=sys.stderr)


def parse(argv):
    parser = argparse.ArgumentParser(
        prog="etablerer-sync.py",
        description="Henter den nyeste pakken av en kommunes kopi av Etablerertjenesten-nettstedet, "
                    "kontrollerer den og bytter den inn i målmappen i ett steg.")
    parser.add_argument("--source", required=True, help="adressen til pakkene, for eksempel https://…/dist/")
    parser.add_argument("--copy", required=True, help="kopien: moss, vestby, rade eller valer")
    parser.add_argument("--target", help="mappen nettserveren viser (blir en symbolsk lenke)")
    parser.add_argument("--keep", type=int, default=3, help="antall tidligere kopier som beholdes (standard 3)")
    parser.add_argument("--allow-sample", action="store_true", help="installer også pakker med eksempeldata")
    parser.add_argument("--dry-run", action="store_true", help="last ned og kontroller, men bytt ikke")
    parser.add_argument("--rollback", action="store_true", help="gå tilbake til forrige installerte kopi")
    parser.add_argument("--check-live", metavar="URL",
                        help="kontroller den publiserte kopien på URL mot den nyeste pakken")
    parser.add_argument("--log", metavar="FILE", help="legg én linje per kjøring til i denne filen")
    parser.add_argument("--timeout", type=float, default=TIMEOUT, help="sekunder per forespørsel (standard 60)")
    args = parser.parse_args(argv)
    if not SLUG.match(args.copy):
        parser.error("--copy må være et kortnavn som vestby")
    if args.keep < 0:
        parser.error("--keep kan ikke være negativ")
    if not args.check_live and not args.target:
        parser.error("--target er påkrevd (unntatt med --check-live)")
    if args.rollback and args.check_live:
        parser.error("--rollback og --check-live kan ikke brukes sammen")
    return args


def main(argv=None) -> int:
    args = parse(argv)
    if args.check_live:
        try:
            lines, equal = check_live(args)
        except Refused as err:
            log_line(args, "FEIL", str(err))
            return err.code
        for line in lines:
            print(line)
        if equal:
            log_line(args, "OK", f"den publiserte kopien på {args.check_live} er lik den nyeste pakken")
            return EXIT_OK
        log_line(args, "AVVIK", f"den publiserte kopien på {args.check_live} avviker på {len(lines)} punkt(er)")
        return EXIT_REFUSED
    place = Place(args.target, args.copy)
    handle = None
    try:
        place.prepare()
        handle = place.lock()
        text = rollback(args, place) if args.rollback else sync(args, place)
    except Refused as err:
        log_line(args, "AVVIST" if err.code == EXIT_REFUSED else "FEIL", str(err))
        return err.code
    except OSError as err:
        code = "disken er full" if err.errno == errno.ENOSPC else "lokal feil"
        log_line(args, "FEIL", f"{code}: {err}")
        return EXIT_LOCAL
    finally:
        if handle is not None:
            handle.close()
    log_line(args, "OK", text)
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
