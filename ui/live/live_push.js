// Kuis Langsung push (ui/live/poll.py, streamlit.components.v2): one EventSource per live session and page,
// kept open across reruns. When the server's version passes the one this fragment shows, it triggers "moved",
// which reruns only the fragment that holds this component. While a script run is under way (e.g. the click that
// moved the version, whose own rerun draws the new version) it waits for that run to end and looks again, which
// spares most second reruns for one move (not all yet: see the notes). EventSource reconnects by itself; the page's slow poll covers a stream
// that cannot get through. Leaving the session's screen closes the stream a second later.
const running = () => {  // "running", or "rerunRequested" right after a click, before the run's first message
  const state = document.querySelector("[data-testid='stApp']")?.getAttribute("data-test-script-state");
  return state != null && state !== "notRunning";
};

function wake(entry) {
  clearTimeout(entry.waking);
  if (running()) {
    entry.waking = setTimeout(() => wake(entry), 50);
    return;
  }
  if (entry.latest > entry.shown && entry.latest > entry.asked) {
    entry.asked = entry.latest;
    entry.trigger("moved", entry.latest);
  }
}

export default function ({ data, setTriggerValue }) {
  if (!data) return;
  const streams = (window.__lessonkitLive ||= {});
  for (const [id, other] of Object.entries(streams)) {
    if (id !== String(data.session)) { other.source.close(); delete streams[id]; }
  }
  let entry = streams[data.session];
  if (!entry) {
    entry = streams[data.session] = { asked: 0, latest: 0 };
    entry.source = new EventSource(data.url);
    entry.source.onmessage = (event) => {
      entry.latest = Math.max(entry.latest, Number(event.data));
      wake(entry);
    };
  }
  clearTimeout(entry.closing);
  entry.shown = data.version;
  entry.trigger = setTriggerValue;
  return () => {
    entry.closing = setTimeout(() => { entry.source.close(); delete streams[data.session]; }, 1000);
  };
}
