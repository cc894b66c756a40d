"""The teacher's screens: signing in, classes and their members, class exams, Hasil Kelas (its shared
dashboard and tabs), and the Unduh & Cetak pieces."""
