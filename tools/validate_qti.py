"""Validate QTI 3.0 packages against 1EdTech's XSDs when a developer has them; skip otherwise.

The XSDs cannot be vendored (their licence grants no redistribution), so this script looks for
them in a folder (``--xsd`` or ``QTI_XSD_DIR``): ``imsqti_asiv3p0_v1p0.xsd`` for items, tests and
stimuli, and, if present, ``imsqtiv3p0_imscpv1p2_v1p0.xsd`` for ``imsmanifest.xml``, plus the
schemas they import (MathML, SSML, XInclude, ...), found by file name: nothing is fetched.
Without the main XSD it says so and exits 0. With no package given it validates the export of
the whole bank. Exit 0: valid (or skipped); 1: invalid (``FILE:LINE: message`` per error).

    python -m tools.validate_qti [--xsd FOLDER] [PAKET.zip ...]
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import zipfile
from pathlib import Path
from urllib.parse import urlparse

from lxml import etree

ITEM_XSD = "imsqti_asiv3p0_v1p0.xsd"
MANIFEST_XSD = "imsqtiv3p0_imscpv1p2_v1p0.xsd"


class _ByFileName(etree.Resolver):
    """Every imported schema is read from the XSD folder by its file name (no network)."""

    def __init__(self, folder: Path):
        super().__init__()
        self.folder = folder

    def resolve(self, url, pubid, context):
        local = self.folder / Path(urlparse(url).path).name
        return self.resolve_filename(str(local), context) if local.is_file() else None


def load_schema(folder: Path, name: str) -> etree.XMLSchema | None:
    """The schema ``name`` from ``folder`` (its imports resolved there too), or None when it is absent."""
    path = folder / name
    if not path.is_file():
        return None
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(_ByFileName(folder))
    return etree.XMLSchema(etree.parse(str(path), parser))


def problems(package: bytes, items: etree.XMLSchema, manifest: etree.XMLSchema | None) -> list[str]:
    """``FILE:LINE: message`` for every schema error in a package's XML files."""
    found = []
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        for name in archive.namelist():
            if not name.endswith(".xml"):
                continue
            schema = manifest if name == "imsmanifest.xml" else items
            if schema is None:
                continue
            document = etree.parse(io.BytesIO(archive.read(name)))
            if not schema.validate(document):
                found += [f"{name}:{error.line}: {error.message}" for error in schema.error_log]
    return found


def _bank_package() -> bytes:
    from lessonkit.exchange import qti, select
    from lessonkit.lesson.content import load_lesson
    from lessonkit.quiz import load_bank

    lesson = load_lesson(Path("content"))
    return qti.export(select(load_bank([Path("quizzes")]), section_titles={s.id: s.title for s in lesson.sections}))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.validate_qti",
                                     description="Memeriksa paket QTI 3.0 dengan XSD 1EdTech bila tersedia.")
    parser.add_argument("--xsd", default=os.environ.get("QTI_XSD_DIR", ""), metavar="FOLDER",
                        help="folder berisi XSD QTI 3.0 (bawaan: QTI_XSD_DIR)")
    parser.add_argument("packages", nargs="*", metavar="PAKET.zip", help="paket QTI (bawaan: ekspor seluruh bank)")
    args = parser.parse_args(argv)
    folder = Path(args.xsd) if args.xsd else None
    items = load_schema(folder, ITEM_XSD) if folder else None
    if items is None:
        print(f"dilewati: {ITEM_XSD} tidak ada di folder XSD ({folder or 'QTI_XSD_DIR belum diatur'}); "
              "XSD 1EdTech tidak boleh disertakan di repositori, unduh sendiri dari 1edtech.org")
        return 0
    manifest = load_schema(folder, MANIFEST_XSD)
    packages = {p: Path(p).read_bytes() for p in args.packages} or {"(seluruh bank)": _bank_package()}
    failed = False
    for name, data in packages.items():
        found = problems(data, items, manifest)
        for line in found:
            print(f"{name}: {line}")
        print(f"{name}: {'tidak valid' if found else 'valid'}" + ("" if manifest else f" (tanpa {MANIFEST_XSD})"))
        failed = failed or bool(found)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
