/* Facilitators' page (entrainement.html): the chat starts in rehearsal mode.
 * "Recommencer" ends the conversation and starts a new rehearsal. Unlike the
 * kiosk, nothing is erased after a pause: thinking over an answer takes time. */
(function () {
  "use strict";
  const container = document.getElementById("chat");
  const chat = window.MesChat.create(container, {
    server: new URL(".", location.href).href,
    start: container.dataset.start,
    label: "Votre réponse",
  });
  document.getElementById("restart").addEventListener("click", () => {
    chat.reset();
    chat.focus();
  });
  chat.focus();
})();
