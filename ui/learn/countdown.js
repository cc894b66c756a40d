// The exam bar of ui/learn/countdown.py (streamlit.components.v2): time left, "7/10 dijawab" and a question navigator.
// It ticks in the browser, so the server does nothing per second. The answered count starts from the server's
// number and follows the page: a question box holding an answered marker (key "<prefix>-done-<n>") counts.
export default function ({ data, parentElement }) {
  const bar = parentElement.querySelector(".lk-exam-bar");
  if (!bar || !data) return;
  const box = bar.querySelector(".lk-timer");
  const count = bar.querySelector(".lk-count");
  const nav = bar.querySelector(".lk-nav");
  const end = Date.now() + data.ms;
  let timer = 0;
  const tick = () => {
    const s = Math.max(0, Math.ceil((end - Date.now()) / 1000));
    box.textContent = s > 0 ? "Sisa waktu " + Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0")
      : "Waktu habis";
    box.classList.toggle("lk-late", s <= 60);
    if (s > 0) timer = setTimeout(tick, 250);
  };
  nav.replaceChildren();
  const buttons = [];
  for (let n = 1; n <= data.total; n++) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = String(n);
    b.addEventListener("click", () => {
      document.querySelector(".st-key-" + data.prefix + "-q-" + n)?.scrollIntoView({ block: "start" });
    });
    buttons.push(b);
    nav.appendChild(b);
  }
  const recount = () => {
    let answered = 0;
    buttons.forEach((b, i) => {
      const done = document.querySelector(".st-key-" + data.prefix + "-done-" + (i + 1)) !== null;
      answered += done ? 1 : 0;
      b.classList.toggle("lk-done", done);
      b.setAttribute("aria-label", "Soal " + (i + 1) + (done ? ", sudah dijawab" : ", belum dijawab"));
    });
    count.textContent = answered + "/" + data.total + " dijawab";
  };
  count.textContent = data.answered + "/" + data.total + " dijawab";
  let pending = 0;
  const observer = new MutationObserver(() => {
    if (!pending) pending = requestAnimationFrame(() => { pending = 0; recount(); });
  });
  observer.observe(document.body, { childList: true, subtree: true });
  recount();
  tick();
  return () => { clearTimeout(timer); observer.disconnect(); cancelAnimationFrame(pending); };
}
