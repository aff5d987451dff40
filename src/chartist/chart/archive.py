"""Chart archives (.tgz): safe reading, safe expansion, and writing them as ``helm package``.

Reading follows Helm's ``LoadArchiveFiles``: the first path element of every entry is the
chart directory and is dropped; absolute paths, ``..``, drive letters and a Chart.yaml
outside the chart directory are refused with Helm's messages, and sizes are capped (5 MiB
per file, 100 MiB for the whole chart, both after decompression). Links, devices and FIFOs
are never followed or created: like Helm, they load as empty files. The decompressed tar
stream is capped as well, so a bomb hidden in tar headers cannot exhaust memory.

Expansion (:func:`extract`) writes into a fresh temporary directory inside the destination
and renames it into place at the end: nothing lands outside the destination and a failure
leaves no partial chart behind. :func:`save` writes an archive as ``helm package`` does
(Chart.yaml re-encoded, subcharts written as directories, gzip comment ``Helm``), through a
temporary file renamed into place.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import struct
import tarfile
import tempfile
import time
import zlib
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any

from chartist.chart.errors import ArchiveError, ChartLoadError, ValidationError
from chartist.chart.model import API_VERSION_V1, API_VERSION_V2, Chart, File

if TYPE_CHECKING:
    from os import PathLike

    from chartist.chart.gotar import GoTarWriter

# Helm's limits (chart/loader/archive): what a chart may hold once decompressed.
MAX_DECOMPRESSED_CHART_SIZE = 100 * 1024 * 1024
MAX_DECOMPRESSED_FILE_SIZE = 5 * 1024 * 1024
# Headers and padding come on top of file data; anything far beyond is an attack.
_MAX_TAR_STREAM = 2 * MAX_DECOMPRESSED_CHART_SIZE

# gzip header extra field and comment that Helm writes into every package.
_HELM_GZIP_EXTRA = b"+aHR0cHM6Ly95b3V0dS5iZS96OVV6MWljandyTQo="
_HELM_GZIP_COMMENT = b"Helm"

_BOM = b"\xef\xbb\xbf"
_DRIVE = re.compile(r"[a-zA-Z]:/")
_GZIP_MAGIC = b"\x1f\x8b\x08"

BufferedFile = File
"""Helm's ``archive.BufferedFile``: a chart file read into memory (same shape as File)."""


def _entry_name(raw: str) -> str:
    """The chart-relative name of tar entry RAW, or ArchiveError as Helm refuses it."""
    delim = "\\" if "\\" in raw else "/"
    parts = raw.split(delim)
    name = "/".join(parts[1:])
    if name.startswith("/"):
        raise ArchiveError("chart illegally contains absolute paths")
    from chartist.sprig.paths import go_clean  # here: it loads gotemplate, which is slow to import

    name = go_clean(name)
    if name == ".":
        raise ArchiveError(f"chart illegally contains content outside the base directory: {_q(raw)}")
    if name.startswith(".."):
        raise ArchiveError("chart illegally references parent directory")
    if _DRIVE.match(name):
        raise ArchiveError("chart contains illegally named files")
    if parts[0] == "Chart.yaml":
        raise ArchiveError("chart yaml not in base directory")
    return name


def _q(s: str) -> str:
    from chartist.gotemplate.strconv import quote

    return quote(s)


def _too_big() -> ArchiveError:
    return ArchiveError(f"decompressed chart is larger than the maximum size {MAX_DECOMPRESSED_CHART_SIZE}")


def _gunzip(data: bytes) -> bytes:
    """The decompressed gzip stream DATA (all members, as Go's gzip.Reader), size-capped.

    Raises ArchiveError with Go's texts: ``EOF``, ``unexpected EOF``, ``gzip: invalid
    header``, ``gzip: invalid checksum``, ``flate: corrupt input``.
    """
    if not data:
        raise ArchiveError("EOF")
    out = bytearray()
    rest = data
    while rest:
        if len(rest) < 10:
            raise ArchiveError("unexpected EOF")
        if not rest.startswith(_GZIP_MAGIC):
            raise ArchiveError("gzip: invalid header")
        d = zlib.decompressobj(31)
        pending = rest
        try:
            while not d.eof:
                chunk = d.decompress(pending, _MAX_TAR_STREAM + 1 - len(out))
                out += chunk
                if len(out) > _MAX_TAR_STREAM:
                    raise _too_big()
                pending = d.unconsumed_tail
                if not chunk and not pending and not d.eof:
                    raise ArchiveError("unexpected EOF")
        except zlib.error as err:
            text = str(err)
            if "incorrect data check" in text or "incorrect length check" in text:
                raise ArchiveError("gzip: invalid checksum") from None
            if "incorrect header check" in text or "unknown compression method" in text:
                raise ArchiveError("gzip: invalid header") from None
            raise ArchiveError("flate: corrupt input") from None
        rest = d.unused_data
    return bytes(out)


def _archive_error(err: BaseException) -> ArchiveError:
    """Go's wording for a broken tar stream."""
    if "unexpected end of data" in str(err) or isinstance(err, EOFError):
        return ArchiveError("unexpected EOF")
    return ArchiveError("archive/tar: invalid tar header")


def _members(tar: tarfile.TarFile) -> Iterator[tarfile.TarInfo]:
    while True:
        try:
            member = tar.next()
        except (tarfile.TarError, EOFError, OSError) as err:
            raise _archive_error(err) from None
        if member is None:
            return
        yield member


def load_archive_files(source: bytes | IO[bytes]) -> list[File]:
    """Every file of a gzipped chart archive, with Helm's safety checks and limits.

    SOURCE is the archive's bytes or a binary stream. Raises ArchiveError (``no files in
    chart archive``, ``chart illegally references parent directory``, the size limits...).
    """
    if not isinstance(source, bytes | bytearray):
        # Compressed data is never much larger than what it expands to: bound the read.
        source = source.read(_MAX_TAR_STREAM + 1)
        if len(source) > _MAX_TAR_STREAM:
            raise _too_big()
    raw = _gunzip(bytes(source))
    files: list[File] = []
    remaining = MAX_DECOMPRESSED_CHART_SIZE
    try:
        tar = tarfile.open(fileobj=io.BytesIO(raw), mode="r:")
    except (tarfile.TarError, EOFError, OSError) as err:
        if not raw.strip(b"\0"):
            raise ArchiveError("no files in chart archive") from None
        raise _archive_error(err) from None
    with tar:
        for member in _members(tar):
            if member.isdir():
                continue
            name = _entry_name(member.name)
            size = member.size if member.isreg() else 0
            if size > remaining:
                raise _too_big()
            if size > MAX_DECOMPRESSED_FILE_SIZE:
                raise ArchiveError(
                    f"decompressed chart file {_q(member.name)} is larger than the maximum file size "
                    f"{MAX_DECOMPRESSED_FILE_SIZE}"
                )
            data = b""
            if member.isreg():  # links, devices and FIFOs load empty, never followed
                try:
                    fobj = tar.extractfile(member)
                    data = fobj.read(size) if fobj is not None else b""
                except (tarfile.TarError, EOFError, OSError) as err:
                    raise _archive_error(err) from None
                if len(data) < size:
                    raise ArchiveError("unexpected EOF")
            remaining -= len(data)
            if remaining <= 0:
                raise _too_big()
            if data.startswith(_BOM):
                data = data[3:]
            files.append(File(name, data, float(member.mtime)))
    if not files:
        raise ArchiveError("no files in chart archive")
    return files


def ensure_archive(name: str, head: bytes) -> None:
    """Helm's EnsureArchive: refuse a file whose first bytes HEAD are not gzip data."""
    if head.startswith(_GZIP_MAGIC):
        return
    if name.endswith((".yml", ".yaml")):
        raise ArchiveError(f"file '{name}' seems to be a YAML file, but expected a gzipped archive")
    raise ArchiveError(f"file '{name}' does not appear to be a gzipped archive; got '{_content_type(head)}'")


def _content_type(head: bytes) -> str:
    """Part of Go's http.DetectContentType, applied as Helm does: to a 512-byte buffer,
    zero-padded when the file is shorter (so short files read as binary)."""
    buf = head[:512].ljust(512, b"\0")
    for sig, kind in (
        (b"%PDF-", "application/pdf"),
        (b"GIF87a", "image/gif"),
        (b"GIF89a", "image/gif"),
        (b"\x89PNG\r\n\x1a\n", "image/png"),
        (b"\xff\xd8\xff", "image/jpeg"),
        (b"PK\x03\x04", "application/zip"),
        (b"<?xml", "text/xml; charset=utf-8"),
        (b"\xef\xbb\xbf", "text/plain; charset=utf-8"),
    ):
        if buf.startswith(sig):
            return kind
    if any(b <= 0x08 or b == 0x0B or 0x0E <= b <= 0x1A or 0x1C <= b <= 0x1F for b in buf):
        return "application/octet-stream"
    return "text/plain; charset=utf-8"


# --- expansion -------------------------------------------------------------------------


def extract(archive: str | PathLike[str] | bytes | IO[bytes], dest: str | PathLike[str]) -> str:
    """Expand a chart archive into ``DEST/<chart name>`` and return that directory.

    Every entry passes :func:`load_archive_files`' checks; files are written into a fresh
    temporary directory inside DEST and moved into place at the end, so nothing is written
    outside DEST and a failure leaves nothing behind. Raises ArchiveError for an unsafe
    archive or chart name, or when ``DEST/<chart name>`` already exists.
    """
    from chartist.chart.loader import metadata_from_bytes

    if isinstance(archive, bytes | bytearray) or hasattr(archive, "read"):
        files = load_archive_files(archive)  # type: ignore[arg-type]
    else:
        with open(os.fspath(archive), "rb") as fh:
            files = load_archive_files(fh)
    name = ""
    for f in files:
        if f.name == "Chart.yaml":
            name = metadata_from_bytes(f.data).name
    if not name:
        raise ArchiveError("chart name not specified")
    if name in (".", ".."):
        raise ArchiveError(f"chart name {_q(name)} is not allowed")
    if "/" in name or "\\" in name:
        raise ArchiveError(f"chart name {_q(name)} must not contain path separators")
    dest = os.fspath(dest)
    os.makedirs(dest, mode=0o755, exist_ok=True)
    target = os.path.join(dest, name)
    if os.path.lexists(target):
        raise ArchiveError(f"a file or directory with the name {target} already exists")
    staging = tempfile.mkdtemp(prefix=".chartist-extract-", dir=dest)
    try:
        root = os.path.join(staging, name)
        os.mkdir(root, 0o755)
        for f in files:
            out = os.path.join(root, *f.name.split("/"))
            os.makedirs(os.path.dirname(out), mode=0o755, exist_ok=True)
            # O_EXCL|O_NOFOLLOW: the staging tree is ours alone; never write through a link.
            if os.path.lexists(out):
                os.unlink(out)
            fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
            with os.fdopen(fd, "wb") as fh:
                fh.write(f.data)
        os.rename(root, target)
    except OSError as err:
        raise ArchiveError(f"cannot expand chart {name}: {err.strerror or err}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


# --- packaging -------------------------------------------------------------------------


def save(chart: Chart, dest_dir: str | PathLike[str]) -> str:
    """Write CHART as ``DEST_DIR/<name>-<version>.tgz`` like Helm's chartutil.Save; its path.

    Raises ArchiveError: ``chart validation: validation: ...`` for invalid metadata, or the
    reason the destination is unusable.
    """
    try:
        chart.metadata.validate()
    except ValidationError as err:
        raise ArchiveError(f"chart validation: {err}") from None
    dest_dir = os.fspath(dest_dir)
    filename = os.path.join(dest_dir, f"{chart.name}-{chart.metadata.version}.tgz")
    directory = os.path.dirname(filename) or "."
    if not os.path.exists(directory):
        os.makedirs(directory, mode=0o755, exist_ok=True)
    elif not os.path.isdir(directory):
        raise ArchiveError(f"is not a directory: {directory}")
    from chartist.chart.gotar import GoTarWriter

    tar = GoTarWriter()
    _write_chart(tar, chart, "")
    payload = _gzip(tar.getvalue())
    fd, tmp = tempfile.mkstemp(prefix=".chartist-package-", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        os.chmod(tmp, 0o644)
        os.replace(tmp, filename)
    except OSError as err:
        os.unlink(tmp)
        raise ArchiveError(f"failed to save: {err.strerror or err}") from None
    return os.path.abspath(filename)


def _gzip(data: bytes) -> bytes:
    """gzip with Helm's header: extra field, comment ``Helm``, zero mtime, OS unknown."""
    flags = 0x04 | 0x10  # FEXTRA | FCOMMENT
    header = b"\x1f\x8b\x08" + bytes([flags]) + b"\x00\x00\x00\x00" + b"\x00\xff"
    header += struct.pack("<H", len(_HELM_GZIP_EXTRA)) + _HELM_GZIP_EXTRA + _HELM_GZIP_COMMENT + b"\x00"
    comp = zlib.compressobj(6, zlib.DEFLATED, -15)
    body = comp.compress(data) + comp.flush()
    return header + body + struct.pack("<II", zlib.crc32(data) & 0xFFFFFFFF, len(data) & 0xFFFFFFFF)


def _add(tar: GoTarWriter, name: str, data: bytes, mtime: float | None) -> None:
    """One file as Helm's writeToTar: mode 0644, the time rounded, "now" when unknown (None).

    A loaded file's time of 0 is the Unix epoch (an archive entry dated 1970), which Helm keeps.
    """
    from chartist.chart.gotar import round_mtime

    tar.add(name, data, round_mtime(time.time() if mtime is None else mtime))


def _yaml_dump(value: Any) -> bytes:
    """YAML as Helm writes Chart.yaml (sigs.k8s.io/yaml.Marshal), through chartist.goyaml."""
    from chartist import goyaml

    try:
        return goyaml.dump(value).encode()
    except goyaml.YAMLError as err:
        raise ArchiveError(f"cannot write Chart.yaml: {err}") from None


def _write_chart(tar: GoTarWriter, chart: Chart, prefix: str) -> None:
    from chartist.chart.chartfile import lock_to_json, metadata_to_json

    name = chart.name
    if "/" in name or name in (".", ".."):
        raise ArchiveError(f"{_q(name)} is not a valid chart name")
    base = f"{prefix}/{name}" if prefix else name
    md = metadata_to_json(chart.metadata)
    if chart.metadata.api_version == API_VERSION_V1:
        md.pop("dependencies", None)  # v1 keeps them in requirements.yaml
    _add(tar, f"{base}/Chart.yaml", _yaml_dump(md), chart.mod_time)
    if chart.metadata.api_version == API_VERSION_V2 and chart.lock is not None:
        lock = lock_to_json(chart.lock)
        lock["generated"] = _rfc3339_nano(chart.lock.generated)
        _add(tar, f"{base}/Chart.lock", _yaml_dump(lock), _lock_time(chart))
    for f in chart.raw:
        if f.name == "values.yaml":
            _add(tar, f"{base}/values.yaml", f.data, f.mod_time)
    if chart.schema is not None:
        import json

        try:
            json.loads(chart.schema)
        except ValueError:
            raise ArchiveError("invalid JSON in values.schema.json") from None
        mtime = next((f.mod_time for f in chart.raw if f.name == "values.schema.json"), 0.0)
        _add(tar, f"{base}/values.schema.json", chart.schema, mtime)
    for f in (*chart.templates, *chart.files):
        _add(tar, f"{base}/{f.name}", f.data, f.mod_time)
    for dep in chart.dependencies:
        _write_chart(tar, dep, f"{base}/charts")


_RFC3339 = re.compile(
    r"(\d{4})-(\d\d)-(\d\d)[Tt](\d\d):(\d\d):(\d\d)(\.\d+)?([Zz]|[+-]\d\d:\d\d)\Z", re.ASCII
)


_GO_ZERO_TIME = -62135596800  # 0001-01-01T00:00:00Z in Unix seconds


def _rfc3339_nano(text: str) -> str:
    """An RFC 3339 time as Go's time.Time marshals it back (RFC3339Nano: trailing zeros of the
    fraction dropped, a zero offset written ``Z``); TEXT unchanged when it is not one."""
    m = _RFC3339.match(text)
    if m is None:
        return text
    frac = (m.group(7) or ".").rstrip("0").rstrip(".")
    zone = m.group(8)
    if zone in ("z", "+00:00", "-00:00"):
        zone = "Z"
    return text[: m.start(7) if m.group(7) else m.start(8)].replace("t", "T") + frac + zone


def _lock_time(chart: Chart) -> float | None:
    """The lock's ``generated`` time in seconds (RFC 3339, nanoseconds kept); None when unknown."""
    import calendar

    m = _RFC3339.match(chart.lock.generated if chart.lock else "")
    if m is None:
        return None
    year, month, day, hour, minute, sec = (int(g) for g in m.groups()[:6])
    secs = calendar.timegm((year, month, day, hour, minute, sec, 0, 0, 0))
    zone = m.group(8)
    if zone not in ("Z", "z"):
        offset = int(zone[1:3]) * 3600 + int(zone[4:6]) * 60
        secs -= offset if zone[0] == "+" else -offset
    frac = float("0" + m.group(7)) if m.group(7) else 0.0
    if secs == _GO_ZERO_TIME and not frac:
        return None  # Go's zero time: Helm writes "now"
    return secs + frac


def package(
    chart_dir: str | PathLike[str],
    dest: str | PathLike[str] = ".",
    *,
    version: str | None = None,
    app_version: str | None = None,
) -> str:
    """``helm package CHART_DIR -d DEST``: load the directory, check it, save the archive.

    VERSION / APP_VERSION override Chart.yaml's. Raises ChartLoadError for an unloadable
    chart, DependencyError when Chart.yaml declares dependencies missing from charts/, and
    ArchiveError (``failed to save: ...``) when writing fails. Returns the archive's absolute path.
    """
    import dataclasses

    from chartist.chart.dependencies import check_dependencies
    from chartist.chart.loader import load_dir
    from chartist.semver import SemverError, parse_version

    chart = load_dir(chart_dir)
    md = chart.metadata
    if version:
        md = dataclasses.replace(md, version=version)
    try:
        parse_version(md.version)
    except SemverError as err:
        raise ChartLoadError(str(err)) from None
    if app_version:
        md = dataclasses.replace(md, app_version=app_version)
    chart = dataclasses.replace(chart, metadata=md)
    if md.dependencies:
        check_dependencies(chart)
    try:
        return save(chart, dest)
    except ArchiveError as err:
        raise ArchiveError(f"failed to save: {err}") from None
