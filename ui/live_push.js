// Kuis Langsung push (ui/live_poll.py, streamlit.components.v2): one EventSource per live session and page,
// kept open across reruns. When the server's version passes the one this fragment shows, it triggers "moved",
// which reruns only the fragment that holds this component. EventSource reconnects by itself; the page's slow
// poll covers a stream that cannot get through. Leaving the session's screen closes the stream a second later.
export default function ({ data, setTriggerValue }) {
  if (!data) return;
  const streams = (window.__lessonkitLive ||= {});
  for (const [id, other] of Object.entries(streams)) {
    if (id !== String(data.session)) { other.source.close(); delete streams[id]; }
  }
  let entry = streams[data.session];
  if (!entry) {
    entry = streams[data.session] = { asked: 0 };
    entry.source = new EventSource(data.url);
    entry.source.onmessage = (event) => {
      const version = Number(event.data);
      if (version > entry.shown && version > entry.asked) {
        entry.asked = version;
        entry.trigger("moved", version);
      }
    };
  }
  clearTimeout(entry.closing);
  entry.shown = data.version;
  entry.trigger = setTriggerValue;
  return () => {
    entry.closing = setTimeout(() => { entry.source.close(); delete streams[data.session]; }, 1000);
  };
}
