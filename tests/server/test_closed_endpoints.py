"""Streamlit's metrics endpoint is closed."""

from server.closed_endpoints import ClosedEndpoints
from tests.server.asgi import respond


def _status(middleware, method: str, path: str) -> int:
    return respond(middleware, method, path, status=204)[0]["status"]


def test_metrics_are_closed_under_any_base_path_and_other_paths_pass():
    assert _status(ClosedEndpoints, "GET", "/_stcore/metrics") == 404
    assert _status(ClosedEndpoints, "GET", "/sekolah/_stcore/metrics/") == 404
    assert _status(ClosedEndpoints, "GET", "/_stcore/health") == 204
