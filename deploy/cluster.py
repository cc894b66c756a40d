"""Several Streamlit processes behind nginx, for a school that outgrows one process.

    python deploy/cluster.py --workers 2 --port 8501

Each worker is an ordinary ``streamlit run app.py``; they share the database
(``DATABASE_URL`` for PostgreSQL, or the same SQLite file in WAL mode). nginx
keeps every browser on one worker by hashing Streamlit's per-browser cookie
(``_streamlit_xsrf``), so a reconnecting websocket finds its session again;
a student who lands on another worker anyway resumes from the database with
their ``?kode=``. nginx replaces ``X-Forwarded-For`` with the client's address (the only
one the app trusts, and only from 127.0.0.1: ``lessonkit.auth.throttle``) and refuses bodies larger than
``server.maxUploadSize``. The live quiz's event stream (``/_live/events``, ``server/live_events.py``) passes
unbuffered, and stays open as long as the phone listens. Needs ``nginx`` on PATH (Debian:
``apt-get install nginx-light``).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import tomllib
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script, python deploy/cluster.py

from lessonkit.commands.parser import Parser  # noqa: E402

CONFIG = """worker_processes 1;
pid {run}/nginx.pid;
error_log {run}/error.log warn;
events {{ worker_connections 4096; }}
http {{
  access_log off;
  client_body_temp_path {run}/body;
  proxy_temp_path {run}/proxy;
  fastcgi_temp_path {run}/fastcgi;
  uwsgi_temp_path {run}/uwsgi;
  scgi_temp_path {run}/scgi;
  map $http_upgrade $connection_upgrade {{ default upgrade; '' close; }}
  upstream lessonkit {{
    hash $cookie__streamlit_xsrf consistent;
{servers}
  }}
  server {{
    listen {address}:{port};
    client_max_body_size {upload_mb}m;
    location /_live/events {{
      proxy_pass http://lessonkit;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_buffering off;
      proxy_cache off;
      proxy_read_timeout 3600;
    }}
    location / {{
      proxy_pass http://lessonkit;
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_read_timeout 86400;
    }}
  }}
}}
"""


def max_upload_mb() -> int:
    """``server.maxUploadSize`` (``.streamlit/config.toml``): nginx refuses larger bodies before a worker reads them."""
    with (ROOT / ".streamlit" / "config.toml").open("rb") as file:
        return int(tomllib.load(file)["server"]["maxUploadSize"])


def nginx_config(run_dir: Path, address: str, port: int, worker_ports: list[int]) -> str:
    servers = "\n".join(f"    server 127.0.0.1:{p};" for p in worker_ports)
    return CONFIG.format(run=run_dir, address=address, port=port, servers=servers, upload_mb=max_upload_mb())


def _wait(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer")


class Cluster:
    """Start ``workers`` Streamlit processes and nginx in front of them; ``stop()`` ends them all."""

    def __init__(self, workers: int, port: int, worker_ports: list[int], address: str = "127.0.0.1",
                 env: dict[str, str] | None = None):
        self.workers, self.port, self.worker_ports, self.address = workers, port, worker_ports, address
        self.env = {**os.environ, **(env or {})}
        self.run_dir = Path(tempfile.mkdtemp(prefix="lessonkit-nginx-"))
        self.processes: list[subprocess.Popen] = []
        self.url = f"http://127.0.0.1:{port}"

    def start(self) -> Cluster:
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        for worker_port in self.worker_ports:
            cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(worker_port),
                   "--server.address", "127.0.0.1", "--server.headless", "true",
                   "--browser.gatherUsageStats", "false"]
            log = (self.run_dir / f"worker-{worker_port}.log").open("ab")
            self.processes.append(subprocess.Popen(cmd, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT))
        for worker_port in self.worker_ports:
            _wait(f"http://127.0.0.1:{worker_port}/_stcore/health")
        config = self.run_dir / "nginx.conf"
        config.write_text(nginx_config(self.run_dir, self.address, self.port, self.worker_ports), encoding="utf-8")
        self.processes.append(subprocess.Popen([nginx, "-c", str(config), "-g", "daemon off;"],
                                               stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT))
        _wait(f"{self.url}/_stcore/health")
        return self

    def stop(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def main(argv: list[str] | None = None) -> int:
    parser = Parser(prog="python deploy/cluster.py", description="Beberapa proses Streamlit di belakang nginx.")
    parser.add_argument("--workers", type=int, default=2, metavar="JUMLAH", help="jumlah proses Streamlit (bawaan 2)")
    parser.add_argument("--port", type=int, default=8501, help="port yang dibuka untuk siswa (bawaan 8501)")
    parser.add_argument("--address", default="0.0.0.0", metavar="ALAMAT",
                        help="alamat yang didengarkan nginx (bawaan 0.0.0.0)")
    args = parser.parse_args(argv)
    ports = [args.port + 1 + n for n in range(args.workers)]
    cluster = Cluster(args.workers, args.port, ports, address=args.address).start()
    print(f"Siap: {args.workers} proses di belakang nginx, buka http://<alamat-ini>:{args.port}", flush=True)
    try:
        signal.pause()
    except KeyboardInterrupt:
        pass
    finally:
        cluster.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
