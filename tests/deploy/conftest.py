"""The cluster test drives Chromium through nginx, with the browser fixtures of the browser tests."""

from tests.browser.conftest import browser, screenshot_dir, visit  # noqa: F401 - re-exported fixtures
