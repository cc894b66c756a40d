// The stage diagram component of ui/diagram_view.py (streamlit.components.v2).
// Shows the widest server-built SVG drawing that fits, puts a real button over every stage, highlights the
// selected one, and reports a press as the "select" event. Arrow keys, Home and End move between stages.
// The server sends a diagram's drawings once per session (then only their name): they are kept here, for the
// page's life, and a name this page never got is reported as the "missing" event so the server sends it again.
const SHRINK = 0.87; // a drawing may be shown this much smaller than drawn, else a narrower one is used
const kept = new Map(); // drawings' name -> drawings, shared by every diagram of the page

export default function ({ data, parentElement, setTriggerValue }) {
  const frame = parentElement.querySelector(".lk-frame");
  const root = frame?.querySelector(".lk");
  if (!root) return;
  if (data.drawings) kept.set(data.name, data.drawings);
  root.lkData = data;
  const render = () => {
    const d = root.lkData;
    const drawings = kept.get(d.name);
    if (!drawings) return;
    const room = frame.clientWidth / SHRINK;
    const view = drawings.find((v) => v.width <= room) || drawings[drawings.length - 1];
    root.style.maxWidth = Math.round(view.width * (d.big ? 1.6 : 1.3)) + "px";
    if (root.lkSvg !== view.svg) {
      root.querySelector("svg")?.remove();
      root.insertAdjacentHTML("afterbegin", view.svg);
      root.lkSvg = view.svg;
    }
    root.querySelectorAll("g[data-stage]").forEach((g) => g.classList.toggle("lk-on", g.dataset.stage === d.selected));
    const spots = d.interactive ? view.spots : [];
    const shape = JSON.stringify(spots);
    if (root.lkShape !== shape) {
      root.querySelectorAll("button").forEach((b) => b.remove());
      for (const s of spots) {
        const b = document.createElement("button");
        b.type = "button";
        b.dataset.key = s.key;
        b.setAttribute("aria-label", s.name);
        b.title = s.name;
        Object.assign(b.style, { left: s.left + "%", top: s.top + "%", width: s.width + "%", height: s.height + "%" });
        b.addEventListener("click", () => setTriggerValue("select", s.key));
        root.appendChild(b);
      }
      root.lkShape = shape;
    }
    root.querySelectorAll("button").forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.key === d.selected)));
  };
  if (!root.lkObserver) {
    root.lkObserver = new ResizeObserver(() => render());
    root.lkObserver.observe(frame);
    root.addEventListener("keydown", (event) => {
      const buttons = [...root.querySelectorAll("button")];
      const at = buttons.indexOf(event.target);
      const moves = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: -at, End: buttons.length - 1 - at };
      if (at < 0 || !(event.key in moves)) return;
      event.preventDefault();
      buttons[Math.max(0, Math.min(buttons.length - 1, at + moves[event.key]))].focus();
    });
  }
  if (!kept.has(data.name)) setTriggerValue("missing", data.name);
  render();
  return () => root.lkObserver?.disconnect();
}
