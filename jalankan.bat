@echo off
rem Start the lesson for a class (Windows): makes the virtual environment .venv on first use, installs the
rem requirements (again whenever requirements.txt changes), prints the address for students, and serves the app
rem on the school network. Port: PORT (default 8501). Streamlit's English address banner is hidden (it would
rem also ask an internet service for the external IP): `lessonkit alamat` prints the addresses in Indonesian.
setlocal
cd /d "%~dp0"
if "%PORT%"=="" set PORT=8501

if not exist .venv\Scripts\python.exe (
  echo Menyiapkan aplikasi untuk pertama kali ^(perlu internet, unduhan sekitar 115 MB^)...
  py -m venv .venv || goto gagal
)
fc /b requirements.txt .venv\terpasang.txt >nul 2>&1
if errorlevel 1 (
  .venv\Scripts\python -m pip install -r requirements.txt || goto gagal
  copy /y requirements.txt .venv\terpasang.txt >nul
)

.venv\Scripts\python -m lessonkit alamat --port %PORT%
echo Tekan Ctrl+C di jendela ini untuk menghentikan aplikasi.
.venv\Scripts\python -m streamlit run app.py --server.address 0.0.0.0 --server.port %PORT% --logger.hideWelcomeMessage true
pause
exit /b 0

:gagal
echo Persiapan gagal. Pastikan Python 3.11 atau lebih baru terpasang ^(python.org^) dan laptop tersambung ke internet.
pause
exit /b 1
