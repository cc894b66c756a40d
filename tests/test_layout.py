"""Project layout rules that protect users from framework pitfalls."""

from tests.conftest import ROOT
from ui.nav import PAGES


def test_no_legacy_pages_folder_that_would_bypass_the_navigation():
    """A ``pages/`` folder makes Streamlit serve a cold deep link in its legacy mode, skipping app.py."""
    assert not (ROOT / "pages").exists()


def test_every_navigation_entry_points_to_an_existing_page_script():
    for spec in PAGES:
        assert (ROOT / spec.path).is_file(), spec.path
