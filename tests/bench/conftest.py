"""The benchmark's client is tested against the same running app server as the browser tests."""

from tests.browser.conftest import server  # noqa: F401 - re-exported fixture
