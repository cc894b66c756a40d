"""The floor served the way the app is served: ``st.App`` with the app's middleware and start-up.

``bench/floor_app.py`` is the cheapest page that shows one lesson section; this
launcher gives it the same server configuration as ``app.py`` (config file,
middleware, frozen start-up objects), so app and floor differ only in the page.
"""

import gc

import streamlit as st

from server import middleware, routes

app = st.App("floor_app.py", routes=routes(), middleware=middleware())
gc.freeze()
