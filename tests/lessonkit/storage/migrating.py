"""Running one Alembic migration step in tests, on the connection the store's own migrations use."""

from __future__ import annotations

from alembic.config import Config

from lessonkit.storage.engine import MIGRATIONS


def run(engine, action, revision: str) -> None:
    """``action`` is ``alembic.command.upgrade`` or ``downgrade``, to ``revision``."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        action(config, revision)
