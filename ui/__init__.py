"""The thin Streamlit layer: cached access to lessonkit, navigation and shared widgets.

Pages in ``app_pages/`` lay out widgets and call into this package; lesson logic
itself lives in ``lessonkit``.
"""
