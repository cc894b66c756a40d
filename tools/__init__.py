"""Developer tools that are not part of the app (run from the project folder)."""
