"""deploy/cluster.py: two Streamlit processes behind nginx serve the app in Chromium, websocket and gzip included."""

from __future__ import annotations

import os
import shutil

import pytest

from deploy.cluster import Cluster, nginx_config
from tools.harness import free_port

expect = pytest.importorskip("playwright.sync_api").expect


def test_nginx_config_routes_websockets_and_keeps_a_browser_on_one_worker(tmp_path):
    config = nginx_config(tmp_path, "0.0.0.0", 8501, [8502, 8503])
    assert "server 127.0.0.1:8502;" in config and "server 127.0.0.1:8503;" in config
    assert "hash $cookie__streamlit_xsrf consistent;" in config
    assert "proxy_set_header Upgrade $http_upgrade;" in config


def test_nginx_refuses_bodies_past_the_upload_limit_and_tells_the_app_who_the_client_is(tmp_path):
    config = nginx_config(tmp_path, "0.0.0.0", 8501, [8502])
    assert "client_max_body_size 3m;" in config, "the same limit as server.maxUploadSize"
    assert "proxy_set_header X-Forwarded-For $remote_addr;" in config, "replaced, never appended to"


def test_two_workers_behind_nginx_serve_the_lesson(tmp_path, visit):
    if not shutil.which("nginx") and not os.path.exists("/usr/sbin/nginx"):
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail("REQUIRE_BROWSER=1: nginx tidak ditemukan (apt-get install nginx-light)")
        pytest.skip("nginx tidak ditemukan (apt-get install nginx-light)")
    cluster = Cluster(2, free_port(), [free_port(), free_port()], env={"LESSONKIT_DATA_DIR": str(tmp_path)}).start()
    try:
        v = visit("desktop")
        scripts = []
        v.page.on("response", lambda r: scripts.append(r) if r.request.resource_type == "script"
                  and r.url.startswith("http") else None)
        page = v.open(f"{cluster.url}/materi?bagian=proses-volunteer")
        plain = [r.url for r in scripts if r.headers.get("content-encoding") != "gzip"
                 and int(r.headers.get("content-length", 0)) >= 1024]
        assert scripts and plain == [], "scripts reach the browser gzip-compressed through nginx"
        expect(page.locator("h1").first).to_contain_text("Volunteer")
        assert page.evaluate("document.documentElement.lang") == "id", "nginx serves the page as Indonesian"
        page.get_by_role("button", name="Berikutnya: ", exact=False).click()
        v.settle()
        page.wait_for_function("() => location.search.includes('bagian=wawasan-relawan')", timeout=15_000)
        expect(page.get_by_test_id("stException")).to_have_count(0)
        assert v.outside_requests() == []
    finally:
        cluster.stop()
