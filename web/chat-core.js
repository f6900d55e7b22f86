/* Chat core shared by the kiosk page (index.html) and the website widget
 * (widget.js). MesChat.create(container, options) builds the chat inside
 * container and talks to the webchat channel (webchat/channel.py).
 * Bot and user text is only ever set with textContent, never as HTML. */
(function () {
  "use strict";
  if (window.MesChat) return;

  const REQUEST_TIMEOUT_MS = 30000;
  const TEXT = {
    bot: "L'assistant : ",
    user: "Vous : ",
    log: "Conversation avec l'assistant",
    label: "Votre question",
    send: "Envoyer",
    typing: "L'assistant écrit…",
    choices: "Réponses proposées",
    listen: "Écouter",
    noAnswer: "Je n'ai pas de réponse pour le moment. Posez une autre question.",
    unreachable: "Le service ne répond pas. Vérifiez la connexion, puis réessayez dans un moment.",
  };
  // Web addresses in bot text: full URLs, or bare names like monespacesante.fr.
  const LINK_PATTERN = /\bhttps?:\/\/[^\s<>"]+|\b(?:[a-z0-9-]+\.)+(?:fr|com|org|net|eu)\b(?:\/[^\s<>"]*)?/gi;
  const TRAILING_PUNCTUATION = /[.,;:!?)»]+$/;
  const PARAGRAPH_BREAK = /\n\s*\n/;

  let instances = 0;

  function newSessionId() {
    if (window.crypto.randomUUID) return window.crypto.randomUUID();
    // randomUUID exists only on https or localhost; a kiosk may use plain http.
    const bytes = window.crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
  }

  function canSpeak() {
    return "speechSynthesis" in window && typeof window.SpeechSynthesisUtterance === "function";
  }

  function speak(text) {
    const synth = window.speechSynthesis;
    synth.cancel();
    const utterance = new window.SpeechSynthesisUtterance(text);
    utterance.lang = "fr-FR";
    const voice = synth.getVoices().find((v) => /^fr/i.test(v.lang));
    if (voice) utterance.voice = voice;
    synth.speak(utterance);
  }

  function element(doc, tag, className, text) {
    const node = doc.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  /* Appends text to parent, turning web addresses into safe links. */
  function appendLinkedText(parent, text) {
    const doc = parent.ownerDocument;
    let last = 0;
    for (const match of text.matchAll(LINK_PATTERN)) {
      const address = match[0].replace(TRAILING_PUNCTUATION, "");
      parent.append(text.slice(last, match.index));
      const link = element(doc, "a", "mes-link", address);
      link.href = /^https?:\/\//i.test(address) ? address : "https://" + address;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      parent.append(link);
      last = match.index + address.length;
    }
    parent.append(text.slice(last));
  }

  function create(container, options) {
    const doc = container.ownerDocument;
    const id = "mes-chat-" + ++instances;
    const server = new URL(options.server, doc.baseURI).href.replace(/\/?$/, "/");
    let sessionId = newSessionId();
    let generation = 0; // bumped by reset(): late replies of an old session are dropped
    let queue = Promise.resolve();
    let messageCount = 0;
    let lastQuestion = null;

    const root = element(doc, "div", "mes-chat");
    const log = element(doc, "div", "mes-log");
    log.setAttribute("role", "log");
    log.setAttribute("aria-live", "polite");
    log.setAttribute("aria-label", TEXT.log);
    log.tabIndex = 0; // scrollable with the keyboard
    const status = element(doc, "p", "mes-status");
    status.setAttribute("role", "status");
    const form = element(doc, "form", "mes-form");
    const label = element(doc, "label", "mes-label", options.label || TEXT.label);
    label.htmlFor = id + "-input";
    const row = element(doc, "div", "mes-row");
    const input = element(doc, "input", "mes-input");
    input.id = id + "-input";
    input.type = "text";
    input.autocomplete = "off";
    input.setAttribute("enterkeyhint", "send");
    const sendButton = element(doc, "button", "mes-send", TEXT.send);
    sendButton.type = "submit";
    row.append(input, sendButton);
    form.append(label, row);
    root.append(log, status, form);
    container.append(root);

    /* Appends nodes to the transcript and scrolls to the latest question (or to
     * the first new node), so that long answers read from the top. */
    function show(...nodes) {
      if (!nodes.length) return;
      log.append(...nodes);
      const anchor = lastQuestion && lastQuestion.isConnected ? lastQuestion : nodes[0];
      log.scrollTop = anchor.offsetTop - 8;
    }

    function message(who, text) {
      const node = element(doc, "div", "mes-msg mes-msg--" + who);
      const body = element(doc, "p", "mes-text");
      body.id = id + "-msg-" + ++messageCount;
      body.append(element(doc, "span", "mes-visually-hidden", who === "user" ? TEXT.user : TEXT.bot));
      if (who === "user") body.append(text);
      else appendLinkedText(body, text);
      node.append(body);
      if (who === "bot" && options.speech && canSpeak()) {
        const listen = element(doc, "button", "mes-listen", TEXT.listen);
        listen.type = "button";
        listen.setAttribute("aria-describedby", body.id);
        listen.addEventListener("click", () => speak(text));
        node.append(listen);
      }
      return node;
    }

    function choices(buttons) {
      const group = element(doc, "div", "mes-choices");
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", TEXT.choices);
      for (const choice of buttons) {
        const button = element(doc, "button", "mes-choice", choice.title);
        button.type = "button";
        button.addEventListener("click", () => {
          send(choice.payload, choice.title);
          input.focus();
        });
        group.append(button);
      }
      return group;
    }

    function showReplies(replies) {
      if (!replies.length) return show(message("error", TEXT.noAnswer));
      const nodes = [];
      for (const reply of replies) {
        const buttons = Array.isArray(reply.buttons) ? reply.buttons : [];
        // A blank line in a reply starts a new bubble: one idea per bubble.
        const paragraphs = typeof reply.text === "string" ? reply.text.split(PARAGRAPH_BREAK).filter(Boolean) : [];
        for (const paragraph of paragraphs) nodes.push(message("bot", paragraph));
        if (buttons.length) {
          const group = choices(buttons);
          if (paragraphs.length) nodes[nodes.length - 1].append(group);
          else nodes.push(group);
        }
      }
      show(...nodes);
    }

    async function post(path, body, extra) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
      try {
        const response = await fetch(server + path, Object.assign({
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(body),
          signal: controller.signal,
        }, extra));
        const data = await response.json().catch(() => null);
        if (!response.ok) throw new Error((data && data.error) || TEXT.unreachable);
        return data;
      } finally {
        clearTimeout(timer);
      }
    }

    async function exchange(text, shownText, ownGeneration) {
      if (ownGeneration !== generation) return; // queued before a reset
      if (shownText) {
        lastQuestion = message("user", shownText);
        show(lastQuestion);
      }
      status.textContent = TEXT.typing;
      let replies;
      try {
        // options.canal tells the assistant where it runs: "kiosque" or "site".
        replies = await post("message", Object.assign({ sender: sessionId, message: text },
          options.canal && { canal: options.canal }));
      } catch (error) {
        replies = error instanceof TypeError || error.name === "AbortError" ? TEXT.unreachable : error.message;
      }
      if (ownGeneration !== generation) return;
      status.textContent = "";
      if (typeof replies === "string") show(message("error", replies));
      else showReplies(Array.isArray(replies) ? replies : []);
    }

    /* Sends text to the assistant; shownText (default: text) goes in the transcript. */
    function send(text, shownText) {
      const ownGeneration = generation;
      queue = queue.then(() => exchange(text, shownText === undefined ? text : shownText, ownGeneration));
    }

    function begin() {
      if (options.start) send(options.start, "");
    }

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const text = input.value.trim();
      if (!text) return input.focus();
      input.value = "";
      send(text);
      input.focus();
    });

    begin();

    return {
      focus: () => input.focus(),
      /* Ends the conversation on the server and starts a new, empty one. */
      reset() {
        const oldSession = sessionId;
        generation += 1;
        sessionId = newSessionId();
        queue = Promise.resolve();
        if (canSpeak()) window.speechSynthesis.cancel();
        log.replaceChildren();
        status.textContent = "";
        input.value = "";
        const ended = post("end", { sender: oldSession }, { keepalive: true }).catch(() => null);
        begin();
        return ended;
      },
    };
  }

  window.MesChat = { create };
})();
