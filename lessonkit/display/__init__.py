"""What the lesson shows, built as plain data: stage diagrams (SVG and text), score charts and the slide
deck. Nothing here needs a Streamlit server."""
