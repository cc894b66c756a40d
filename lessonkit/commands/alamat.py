"""``python -m lessonkit alamat``: which address to open on this laptop and which to give the students."""

from __future__ import annotations

from ..services.network import app_urls, lan_address

DEFAULT_PORT = 8501


def add(commands) -> None:
    run = commands.add_parser("alamat", help="tampilkan alamat aplikasi untuk laptop ini dan untuk siswa",
                              description="Menampilkan alamat aplikasi di laptop ini dan alamat yang dibagikan "
                                          "kepada siswa di Wi-Fi yang sama.")
    run.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port aplikasi (bawaan: {DEFAULT_PORT})")
    run.set_defaults(run=main)


def main(args, prog: str) -> int:
    print(render(args.port, lan_address()))
    return 0


def render(port: int, lan: str | None) -> str:
    """The lines printed for the teacher."""
    local, students = app_urls(port, lan)
    lines = [f"Buka di laptop ini:  {local}"]
    if students:
        lines.append(f"Alamat untuk siswa:  {students}   (siswa harus tersambung ke Wi-Fi yang sama)")
    else:
        lines.append("Laptop ini belum tersambung ke jaringan: sambungkan ke Wi-Fi sekolah agar siswa bisa ikut.")
    return "\n".join(lines)
