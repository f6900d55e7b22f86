/* Kiosk page: the chat in full screen, a "Recommencer" button, and a full
 * reset after a while without activity. Durations can be shortened for tests
 * with ?idle=SECONDS&countdown=SECONDS. */
(function () {
  "use strict";
  const params = new URLSearchParams(location.search);
  const seconds = (name, fallback) => Number(params.get(name)) || fallback;
  const IDLE_MS = seconds("idle", 120) * 1000;
  const COUNTDOWN_SECONDS = seconds("countdown", 30);

  const container = document.getElementById("chat");
  const dialog = document.getElementById("idle");
  const secondsLeft = document.getElementById("idle-seconds");
  const chat = window.MesChat.create(container, {
    server: new URL(".", location.href).href,
    start: container.dataset.start,
    speech: true,
    canal: "kiosque",
  });
  let idleTimer = 0;
  let countdownTimer = 0;

  function stopTimers() {
    clearTimeout(idleTimer);
    clearInterval(countdownTimer);
  }

  /* Someone used the screen: wait for the next pause. */
  function watchIdle() {
    stopTimers();
    idleTimer = setTimeout(askIfStillThere, IDLE_MS);
  }

  function showSecondsLeft(left) {
    secondsLeft.textContent = left + (left > 1 ? " secondes" : " seconde");
  }

  function askIfStillThere() {
    let left = COUNTDOWN_SECONDS;
    showSecondsLeft(left);
    dialog.showModal();
    countdownTimer = setInterval(() => {
      left -= 1;
      showSecondsLeft(left);
      if (left <= 0) startOver();
    }, 1000);
  }

  /* Forgets everything: screen, server conversation, browser storage. */
  function startOver() {
    stopTimers();
    if (dialog.open) dialog.close();
    chat.reset();
    localStorage.clear();
    sessionStorage.clear();
    chat.focus();
  }

  function keepGoing() {
    dialog.close();
    watchIdle();
    chat.focus();
  }

  document.getElementById("restart").addEventListener("click", startOver);
  document.getElementById("idle-continue").addEventListener("click", keepGoing);
  dialog.addEventListener("cancel", (event) => {
    event.preventDefault(); // Escape means "Je continue"
    keepGoing();
  });
  for (const type of ["pointerdown", "keydown", "input"]) {
    document.addEventListener(type, () => {
      if (!dialog.open) watchIdle();
    });
  }
  chat.focus();
})();
