// Keeps the reader's theme (the settings menu's light, dark or system choice) on every page of the app.
// Streamlit stores the choice in localStorage under a key named after the address the page was loaded at
// ("stActiveTheme-/materi-v2"), so a page opened at another address (a link, a bookmark, a reload after moving
// on) started in the default theme again. This runs before Streamlit: it gives this address the last choice
// made on any page, and copies every later choice to the one key all pages share.
(() => {
  const SHARED = "lk-theme";
  const STREAMLIT = /^stActiveTheme-.*-v2$/;
  try {
    const store = window.localStorage;
    const chosen = store.getItem(SHARED);
    if (chosen !== null) store.setItem(`stActiveTheme-${window.location.pathname}-v2`, chosen);
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      setItem.call(this, key, value);
      if (this === store && STREAMLIT.test(key)) setItem.call(this, SHARED, value);
    };
  } catch {
    // no storage (a private window): Streamlit's own default theme
  }
})();
