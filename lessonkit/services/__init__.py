"""The core applied to the outside world: a live session over storage and the server's clock, the files
the Unduh & Cetak page builds, and the network addresses students' phones can open."""
