"""tools/validate_qti.py: skips without the 1EdTech XSDs, validates (and reports FILE:LINE) with a schema present.

The real XSDs cannot be vendored; a small stand-in schema for the QTI namespace checks the script's own logic.
"""

from __future__ import annotations

import io
import zipfile

from lessonkit.exchange import qti
from tests.lessonkit.exchange.helpers import bank_selection
from tools import validate_qti

STAND_IN = f"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="{qti.NS}"
  elementFormDefault="qualified">
  <xs:include schemaLocation="https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/roots.xsd"/>
</xs:schema>"""
ROOTS = f"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="{qti.NS}"
  elementFormDefault="qualified">
  <xs:element name="qti-assessment-item"/><xs:element name="qti-assessment-test"/>
  <xs:element name="qti-assessment-stimulus"/>
</xs:schema>"""


def test_without_the_xsds_it_says_why_and_skips(tmp_path, capsys):
    assert validate_qti.main(["--xsd", str(tmp_path)]) == 0
    assert capsys.readouterr().out.startswith("dilewati:")


def test_with_a_schema_present_the_bank_package_is_validated_and_imports_resolve_locally(tmp_path, capsys):
    (tmp_path / validate_qti.ITEM_XSD).write_text(STAND_IN)
    (tmp_path / "roots.xsd").write_text(ROOTS)
    package = tmp_path / "paket.zip"
    package.write_bytes(qti.export(bank_selection(quizzes=["konsep-dasar"])))
    assert validate_qti.main(["--xsd", str(tmp_path), str(package)]) == 0
    assert "valid" in capsys.readouterr().out


def test_an_invalid_file_is_reported_with_its_name_and_line(tmp_path):
    (tmp_path / validate_qti.ITEM_XSD).write_text(STAND_IN)
    (tmp_path / "roots.xsd").write_text(ROOTS)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("items/x.xml", f'<?xml version="1.0"?>\n<qti-item xmlns="{qti.NS}"/>')
    schema = validate_qti.load_schema(tmp_path, validate_qti.ITEM_XSD)
    found = validate_qti.problems(buffer.getvalue(), schema, None)
    assert len(found) == 1 and found[0].startswith("items/x.xml:2: ")
