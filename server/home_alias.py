"""``/beranda`` opens the home page instead of Streamlit's English "Page not found" dialog.

Beranda is the default page of ``st.navigation`` (``ui.nav``), which Streamlit serves at ``/`` only: its own
url path is unknown to the browser. A relative redirect keeps a path prefix (a proxy's ``/sosiologi/beranda``
lands on ``/sosiologi/``) and the query string; 307, so no browser remembers it if a page is ever served there.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse
from starlette.routing import Route

HOME_KEY = "beranda"  # ui.nav: the key of the default page


async def _to_home(request: Request) -> RedirectResponse:
    target = "../" if request.url.path.endswith("/") else "./"
    query = request.url.query
    return RedirectResponse(target + (f"?{query}" if query else ""), status_code=307)


def routes() -> list[Route]:
    return [Route(f"/{HOME_KEY}", _to_home, methods=["GET", "HEAD"]),
            Route(f"/{HOME_KEY}/", _to_home, methods=["GET", "HEAD"])]
