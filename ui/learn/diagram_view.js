// The stage diagram component of ui/learn/diagram_view.py (streamlit.components.v2).
// Shows the widest server-built SVG drawing that fits (on a projector: the widest whose smallest type reaches
// LABEL_PX), puts a real button over every stage, highlights the selected one, and reports a press as the
// "select" event. Arrow keys, Home and End move between stages.
// The server sends a diagram's drawings once per session (then only their name): they are kept here, for the
// page's life, and a name this page never got is reported as the "missing" event so the server sends it again.
const SHRINK = 0.87; // a drawing may be shown this much smaller than drawn, else a narrower one is used
const PROJECTOR_PX = 1600; // a window at least this wide is a projector: the projector's drawings, if sent
const LABEL_PX = 28; // a projector's smallest type on screen, in CSS px (readable from the back of a class)
const kept = new Map(); // drawings' name -> drawings, shared by every diagram of the page

export default function ({ data, parentElement, setTriggerValue }) {
  const frame = parentElement.querySelector(".lk-frame");
  const root = frame?.querySelector(".lk");
  if (!root) return;
  if (data.drawings) kept.set(data.name, data.drawings);
  if (data.projector_drawings) kept.set(data.projector, data.projector_drawings);
  root.lkData = data;
  const render = () => {
    const d = root.lkData;
    const projector = d.projector && window.innerWidth >= PROJECTOR_PX ? kept.get(d.projector) : null;
    const big = d.big || Boolean(projector);
    const drawings = projector || kept.get(d.name);
    if (!drawings) return;
    const width = frame.clientWidth;
    // a screen's drawing grows up to 1.3 times; a projector's until its smallest type is about 30 px
    const grow = (v) => (big ? (LABEL_PX + 2) / v.font : 1.3);
    const label = (v) => (v.font * Math.min(width, v.width * grow(v))) / v.width;
    const view = big
      ? drawings.find((v) => label(v) >= LABEL_PX) || drawings.reduce((a, b) => (label(b) > label(a) ? b : a))
      : drawings.find((v) => v.width <= width / SHRINK) || drawings[drawings.length - 1];
    root.style.maxWidth = Math.round(view.width * grow(view)) + "px";
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
  const lacking = [data.name, data.projector].find((name) => name && !kept.has(name));
  if (lacking) setTriggerValue("missing", lacking);
  render();
  return () => root.lkObserver?.disconnect();
}
