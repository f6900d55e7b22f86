/* Website widget: one script tag adds a launcher button and a chat panel.
 *   <script src="https://…/chat/widget.js" data-title="…"
 *           data-color="#0b4f8a" data-server="https://…/chat/"></script>
 * data-server defaults to the folder of widget.js. Everything lives in a
 * shadow root, so the host page's styles and ours never mix. The chat starts
 * when first opened, with the assistant's own greeting (utter_bonjour: it says
 * it is an automatic assistant, EU AI Act art. 50). */
(function () {
  "use strict";
  const script = document.currentScript;
  if (!script || document.querySelector("[data-mes-chat-widget]")) return;

  const base = new URL(".", script.src).href;
  const settings = script.dataset;
  const title = settings.title || "Assistant Mon Espace Santé";
  const accent = /^#[0-9a-f]{6}$/i.test(settings.color || "") ? settings.color : "#0b4f8a";

  /* Black or white, whichever reads better on the accent colour. */
  function textColorOn(hex) {
    const channel = (i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    };
    const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
    return (1.05 / (luminance + 0.05)) >= ((luminance + 0.05) / 0.05) ? "#ffffff" : "#000000";
  }

  function loadCore() {
    if (window.MesChat) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const core = document.createElement("script");
      core.src = base + "chat-core.js";
      core.onload = resolve;
      core.onerror = reject;
      document.head.append(core);
    });
  }

  function stylesheet(name) {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = base + name;
    return link;
  }

  function mount() {
    const host = document.createElement("div");
    host.setAttribute("data-mes-chat-widget", "");
    host.style.setProperty("--mes-accent", accent);
    host.style.setProperty("--mes-on-accent", textColorOn(accent));
    const shadow = host.attachShadow({ mode: "open" });

    const launcher = document.createElement("button");
    launcher.type = "button";
    launcher.className = "launcher";
    launcher.textContent = "Une question ?";
    launcher.setAttribute("aria-expanded", "false");
    launcher.setAttribute("aria-controls", "panel");

    const panel = document.createElement("section");
    panel.className = "panel";
    panel.id = "panel";
    panel.hidden = true;
    panel.setAttribute("aria-labelledby", "panel-title");
    const header = document.createElement("div");
    header.className = "panel-header";
    const heading = document.createElement("h2");
    heading.id = "panel-title";
    heading.textContent = title;
    const close = document.createElement("button");
    close.type = "button";
    close.className = "close";
    close.textContent = "Fermer";
    header.append(heading, close);
    const body = document.createElement("div");
    body.className = "panel-body";
    panel.append(header, body);

    shadow.append(stylesheet("chat.css"), stylesheet("widget.css"), launcher, panel);
    document.body.append(host);

    let chat = null;
    const ready = loadCore();

    /* No conversation until the visitor opens the panel. */
    function startChat() {
      chat = chat || window.MesChat.create(body, { server: settings.server || base, start: "/bonjour", canal: "site" });
      chat.focus();
    }

    function setOpen(open) {
      panel.hidden = !open;
      launcher.hidden = open;
      launcher.setAttribute("aria-expanded", String(open));
      if (open) ready.then(startChat);
      else launcher.focus();
    }

    launcher.addEventListener("click", () => setOpen(true));
    close.addEventListener("click", () => setOpen(false));
    panel.addEventListener("keydown", (event) => {
      if (event.key === "Escape") setOpen(false);
    });
  }

  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount);
})();
