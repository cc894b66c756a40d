"""Uploads only for sessions showing an uploader, for an hour after the uploader was last drawn."""

from server.uploads import UploadGuard, allow_uploads, may_upload, upload_session
from tests.server.asgi import respond


def _status(middleware, method: str, path: str) -> int:
    return respond(middleware, method, path, status=204)[0]["status"]


def test_an_upload_for_a_session_without_an_uploader_is_refused_before_its_body_is_read():
    assert upload_session("/_stcore/upload_file/sesi-a/berkas-1") == "sesi-a"
    assert upload_session("/materi") is None
    assert _status(UploadGuard, "PUT", "/_stcore/upload_file/sesi-tanpa-unggah/berkas-1") == 403
    allow_uploads("sesi-impor")
    assert _status(UploadGuard, "PUT", "/_stcore/upload_file/sesi-impor/berkas-1") == 204
    assert _status(UploadGuard, "GET", "/materi") == 204


def test_an_uploader_page_left_alone_for_an_hour_must_be_opened_again():
    allow_uploads("sesi-lama", now=0.0)
    assert may_upload("sesi-lama", now=3599.0) and not may_upload("sesi-lama", now=3601.0)
