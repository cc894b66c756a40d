#!/usr/bin/env bash
# Start the lesson for a class (Linux/macOS): makes the virtual environment .venv on first use, installs the
# requirements (again whenever requirements.txt changes), prints the address for students, and serves the app
# on the school network. Port: PORT (default 8501). Python: PYTHON (default python3).
# Streamlit's own (English) address banner is hidden: `lessonkit alamat` prints the addresses in Indonesian,
# and with a wildcard address the banner would ask an internet service for this machine's external IP.
set -euo pipefail
cd "$(dirname "$0")"
PORT="${PORT:-8501}"

if [ ! -x .venv/bin/python ]; then
  echo "Menyiapkan aplikasi untuk pertama kali (perlu internet, unduhan sekitar 160 MB)..."
  "${PYTHON:-python3}" -m venv .venv
fi
if ! cmp -s requirements.txt .venv/terpasang.txt; then
  .venv/bin/python -m pip install -r requirements.txt
  cp requirements.txt .venv/terpasang.txt
fi

.venv/bin/python -m lessonkit alamat --port "$PORT"
echo "Tekan Ctrl+C di jendela ini untuk menghentikan aplikasi."
exec .venv/bin/python -m streamlit run app.py --server.address 0.0.0.0 --server.port "$PORT" \
  --logger.hideWelcomeMessage true
