"""Small rules every layer shares: what a student may send, spelling slips, class codes and names, the
school's time zone, what would fetch from outside, and tables safe to open in a spreadsheet."""
