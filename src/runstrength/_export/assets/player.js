"use strict";
// The follow-along player. It plays timelines expanded by runstrength (embedded as JSON above);
// it never expands a workout itself. Time comes from performance.now(), so a throttled
// background tab does not lose time, and every change of segment goes through moveTo().
(() => {
  const DATA = JSON.parse(document.getElementById("workout-data").textContent);
  const $ = (id) => document.getElementById(id);
  const TICK_MS = 100;
  const KIND = { work: "Work", rest: "Rest", transition: "Move on", switch_sides: "Switch sides" };
  const POINTS = { min: "Low end", typical: "Middle", max: "High end" };

  const state = {
    variant: Object.keys(DATA.choices)[0],
    point: DATA.point,
    segments: [],
    total: 0,
    index: 0,
    elapsed: 0, // milliseconds spent in the current segment
    taken: 0, // milliseconds the athlete has been running
    running: false,
    started: false,
    finished: false,
    last: 0,
    lastCount: null,
    drawn: "",
    wakeLock: null,
    audio: null,
  };

  // --- the timeline -----------------------------------------------------------------------

  // A timeline's segments come as rows of values in the order of DATA.fields; a text field holds
  // the index of its text in DATA.texts. Each timeline is turned into objects when first chosen.
  const IS_TEXT = DATA.fields.map((field) => DATA.text_fields.includes(field));
  const segmentsOf = (index) => {
    const timeline = DATA.timelines[index];
    timeline.segments ??= timeline.rows.map((row) =>
      Object.fromEntries(
        DATA.fields.map((field, i) => {
          const value = row[i];
          return [field, IS_TEXT[i] && value !== null ? DATA.texts[value] : value];
        }),
      ),
    );
    return timeline.segments;
  };

  function choose(variant, point) {
    const points = DATA.choices[variant];
    state.variant = variant;
    state.point = point in points ? point : Object.keys(points)[0];
    const index = points[state.point];
    state.segments = segmentsOf(index);
    state.total = DATA.timelines[index].total;
    reset();
  }

  const current = () => state.segments[state.index];
  const lengthMs = (segment) => (segment.end - segment.start) * 1000;
  const handsFree = () => $("handsfree").checked;
  // Rep sets have estimated lengths, and rests taken as needed end when the athlete is ready
  // (a stated length is a guide): the athlete says when they end.
  const doneable = (segment) =>
    (segment.estimate && segment.kind === "work") ||
    (segment.kind === "rest" && segment.target.startsWith("as needed"));
  const waits = (segment) => doneable(segment) && !handsFree();

  function reset() {
    state.index = 0;
    state.elapsed = 0;
    state.taken = 0;
    state.started = false;
    state.finished = false;
    state.lastCount = null;
    pause();
    render();
  }

  function moveTo(index) {
    state.elapsed = 0;
    state.lastCount = null;
    if (index >= state.segments.length) {
      finish();
      return false;
    }
    state.index = Math.max(0, index);
    signal(880, 160, [180]);
    announce();
    return true;
  }

  function advance(ms) {
    state.taken += ms;
    state.elapsed += ms;
    while (!state.finished && !waits(current()) && state.elapsed >= lengthMs(current())) {
      const over = state.elapsed - lengthMs(current());
      if (!moveTo(state.index + 1)) break;
      state.elapsed = over; // carried over: a late tick does not drift the schedule
    }
    countdown();
  }

  function countdown() {
    const segment = current();
    if (state.finished || !state.running || waits(segment)) return;
    const count = Math.ceil((lengthMs(segment) - state.elapsed) / 1000);
    if (count <= 3 && count >= 1 && (state.lastCount === null || count < state.lastCount)) {
      signal(660, 90, [60]);
    }
    state.lastCount = count;
  }

  function tick() {
    const now = performance.now();
    if (state.running) {
      advance(now - state.last);
      // Redraw only when a shown number changes: about once a second, not at every tick.
      if (drawing() !== state.drawn) render();
    }
    state.last = now;
  }

  // --- controls ---------------------------------------------------------------------------

  function start() {
    if (state.finished) choose(state.variant, state.point);
    const first = !state.started;
    state.started = true;
    state.running = true;
    state.last = performance.now();
    unlockAudio();
    keepAwake();
    if (first) {
      signal(880, 160, [180]);
      announce();
    }
    render();
  }

  function pause() {
    state.running = false;
    releaseWakeLock();
  }

  function toggle() {
    if (state.running) {
      pause();
      say("Paused");
    } else {
      start();
    }
    render();
  }

  function skip() {
    if (state.finished) return;
    state.started = true;
    moveTo(state.index + 1);
    render();
  }

  function back() {
    if (state.finished) {
      state.finished = false;
      state.index = state.segments.length - 1;
      state.elapsed = 0;
    } else if (state.elapsed > 2000 || state.index === 0) {
      state.elapsed = 0; // the start of this segment first, then the one before
      state.lastCount = null;
    } else {
      moveTo(state.index - 1);
    }
    render();
  }

  function done() {
    if (state.finished || !doneable(current())) return;
    moveTo(state.index + 1);
    render();
  }

  function finish() {
    state.finished = true;
    state.index = state.segments.length - 1;
    pause();
    signal(990, 500, [200, 100, 200]);
    say(`Finished ${DATA.title} in ${clock(state.taken / 1000)}`);
  }

  // --- sound, vibration, screen -----------------------------------------------------------

  function unlockAudio() {
    if (state.audio === null && (window.AudioContext || window.webkitAudioContext)) {
      try {
        state.audio = new (window.AudioContext || window.webkitAudioContext)();
      } catch {
        state.audio = null;
      }
    }
    if (state.audio && state.audio.state === "suspended") state.audio.resume();
  }

  function signal(frequency, ms, pattern) {
    if (!$("sound").checked) return;
    if (state.audio) {
      const oscillator = state.audio.createOscillator();
      const gain = state.audio.createGain();
      const at = state.audio.currentTime;
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.2, at);
      gain.gain.exponentialRampToValueAtTime(0.001, at + ms / 1000);
      oscillator.connect(gain).connect(state.audio.destination);
      oscillator.start(at);
      oscillator.stop(at + ms / 1000);
    }
    if (navigator.vibrate) navigator.vibrate(pattern);
  }

  async function keepAwake() {
    if (!("wakeLock" in navigator) || state.wakeLock) return;
    try {
      state.wakeLock = await navigator.wakeLock.request("screen");
      state.wakeLock.addEventListener("release", () => { state.wakeLock = null; });
    } catch {
      state.wakeLock = null; // not allowed here (a frame, a hidden page): the timer still runs
    }
  }

  function releaseWakeLock() {
    if (state.wakeLock) state.wakeLock.release().catch(() => {});
    state.wakeLock = null;
  }

  // --- words --------------------------------------------------------------------------------

  function clock(seconds) {
    const whole = Math.max(0, Math.round(seconds));
    const h = Math.floor(whole / 3600);
    const m = Math.floor((whole % 3600) / 60);
    const s = String(whole % 60).padStart(2, "0");
    return h ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
  }

  // What a timed block records as its result, for the athlete to note.
  const SCORES = { time: "time", rounds_reps: "rounds and reps", reps: "reps", load: "load" };

  function minutes(seconds) {
    return seconds < 60 ? `${Math.round(seconds)} s` : `${Math.round(seconds / 60)} min`;
  }

  function headline(segment) {
    if (segment.exercise) return segment.exercise;
    return segment.kind === "rest" ? "Rest" : segment.kind === "transition" ? "Get ready" : KIND[segment.kind];
  }

  function kindLabel(segment) {
    if (segment.kind === "rest" && segment.exercise) return "Active rest";
    return KIND[segment.kind];
  }

  function sideLabel(segment) {
    return segment.side ? `${segment.side[0].toUpperCase()}${segment.side.slice(1)} side` : "";
  }

  function roundLabel(segment) {
    if (segment.superset_rounds > 1) return `Round ${segment.superset_round}/${segment.superset_rounds}`;
    if (segment.sets > 1) return `Set ${segment.set_number}/${segment.sets}`;
    if (segment.block_rounds > 1) return `Round ${segment.block_round}/${segment.block_rounds}`;
    return "";
  }

  function whereLabel(segment) {
    const parts = [segment.block];
    const score = (DATA.scores || {})[segment.block];
    if (score) parts.push(`score: ${SCORES[score] || score}`);
    if (segment.block_rounds > 1 && (segment.superset_rounds > 1 || segment.sets > 1)) {
      parts.push(`round ${segment.block_round}/${segment.block_rounds}`);
    }
    if (segment.superset) parts.push(segment.superset);
    return parts.join(" · ");
  }

  function targetLabel(segment) {
    if (segment.kind === "switch_sides") return "";
    if (segment.kind === "transition") {
      const next = upcoming(state.segments.indexOf(segment));
      return next && next.exercise ? `for ${next.exercise}` : "";
    }
    return segment.target;
  }

  function upcoming(from = state.index) {
    for (let i = from + 1; i < state.segments.length; i += 1) {
      const segment = state.segments[i];
      if (segment.kind !== "transition") return segment;
    }
    return null;
  }

  function describe(segment) {
    if (segment.kind === "switch_sides") return KIND.switch_sides;
    const plain = segment.kind === "work" || kindLabel(segment) === headline(segment);
    const parts = [plain ? headline(segment) : `${kindLabel(segment)}: ${headline(segment)}`];
    for (const part of [sideLabel(segment), roundLabel(segment), targetLabel(segment)]) if (part) parts.push(part);
    return parts.join(", ");
  }

  function say(text) {
    $("announce").textContent = text;
  }

  function announce() {
    const next = upcoming();
    say(describe(current()) + (next ? `. Next: ${describe(next)}` : ""));
  }

  // --- drawing ------------------------------------------------------------------------------

  // The cues and details of the exercise a segment names, in its block, as the variant has them.
  function factsOf(segment) {
    const blocks = DATA.exercises[state.variant] || {};
    const index = (blocks[segment.block] || {})[segment.exercise];
    return index === undefined ? null : DATA.facts[index];
  }

  function timeLeft() {
    let left = 0;
    let estimate = false;
    for (let i = state.index; i < state.segments.length; i += 1) {
      const segment = state.segments[i];
      left += i === state.index ? Math.max(0, lengthMs(segment) - state.elapsed) / 1000 : segment.end - segment.start;
      estimate = estimate || segment.estimate;
    }
    return { left, estimate };
  }

  function drawing() {
    // What the screen shows, in short: the segment and the second on the clock.
    const segment = current();
    const second = waits(segment)
      ? Math.floor(state.elapsed / 1000)
      : Math.ceil((lengthMs(segment) - state.elapsed) / 1000 - 1e-9);
    return `${state.index}|${second}|${state.finished}|${state.running}`;
  }

  function render() {
    const segment = current();
    state.drawn = drawing();
    const main = $("player");
    const kind = state.finished ? "finished" : state.started ? segment.kind : "ready";
    main.dataset.kind = kind;
    main.dataset.state = state.finished ? "finished" : state.running ? "running" : state.started ? "paused" : "ready";
    main.dataset.index = state.started ? String(state.index) : "-1";
    $("setup-fields").disabled = state.running;
    $("play").textContent = state.finished ? "Start over" : state.running ? "Pause" : state.started ? "Resume" : "Start";
    $("play").setAttribute("aria-pressed", String(state.running));
    $("back").disabled = !state.started;
    $("skip").disabled = state.finished;

    const clockBox = $("clock");
    clockBox.classList.remove("final");
    if (state.finished) {
      $("kind").textContent = "Finished";
      $("exercise").textContent = "Well done";
      $("side").textContent = "";
      $("round").textContent = "";
      $("target").textContent = "";
      clockBox.textContent = clock(state.taken / 1000);
      $("clock-note").textContent = "time taken";
      $("done").hidden = true;
      $("where").textContent = "";
    } else {
      $("kind").textContent = state.started ? kindLabel(segment) : "Ready";
      $("exercise").textContent = headline(segment);
      $("side").textContent = sideLabel(segment);
      $("round").textContent = roundLabel(segment);
      $("target").textContent = targetLabel(segment);
      $("where").textContent = whereLabel(segment);
      const length = lengthMs(segment);
      if (waits(segment)) {
        clockBox.textContent = clock(state.elapsed / 1000);
        $("clock-note").textContent = `about ${clock(length / 1000)}: tap Done when you finish`;
      } else {
        const left = Math.ceil((length - state.elapsed) / 1000 - 1e-9);
        clockBox.textContent = clock(left);
        if (state.running && left <= 3) clockBox.classList.add("final");
        $("clock-note").textContent = segment.estimate ? `about ${clock(length / 1000)}` : "";
      }
      $("done").hidden = !(state.started && doneable(segment));
    }

    const next = state.finished ? null : upcoming();
    const nextBox = $("next");
    nextBox.textContent = "";
    if (!state.finished) {
      const label = document.createElement("b");
      label.textContent = next ? "Next: " : "Last one";
      nextBox.append(label, next ? describe(next) : "");
    }

    const { left, estimate } = state.finished ? { left: 0, estimate: false } : timeLeft();
    const percent = state.total ? Math.round((100 * (state.total - left)) / state.total) : 100;
    $("bar").style.width = `${percent}%`;
    $("progress").setAttribute("aria-valuenow", String(percent));
    $("progress").setAttribute("aria-valuetext", `${percent}% done`);
    $("left").textContent = state.finished
      ? `Whole workout done in ${clock(state.taken / 1000)}`
      : `${estimate ? "~" : ""}${clock(left)} left of ${estimate ? "~" : ""}${clock(state.total)}`;

    const facts = segment.exercise && !state.finished ? factsOf(segment) : null;
    $("cues-box").hidden = !(facts && (facts.cues.length || facts.details.length));
    if (facts) {
      $("details").textContent = facts.details.join(" · ");
      const list = $("cues");
      list.replaceChildren(...facts.cues.map((cue) => {
        const item = document.createElement("li");
        item.textContent = cue;
        return item;
      }));
    }
  }

  // --- setup --------------------------------------------------------------------------------

  function buildSetup() {
    const select = $("variant");
    for (const name of Object.keys(DATA.choices)) {
      const option = document.createElement("option");
      option.value = name;
      option.textContent = name[0].toUpperCase() + name.slice(1);
      select.append(option);
    }
    $("variant-row").hidden = select.options.length < 2;
    select.addEventListener("change", () => {
      choose(select.value, state.point);
      buildPoints();
    });
    buildPoints();
  }

  function buildPoints() {
    const box = $("points");
    box.replaceChildren();
    for (const [point, index] of Object.entries(DATA.choices[state.variant])) {
      const label = document.createElement("label");
      const input = document.createElement("input");
      input.type = "radio";
      input.name = "point";
      input.value = point;
      input.checked = point === state.point;
      input.addEventListener("change", () => choose(state.variant, point));
      label.append(input, ` ${POINTS[point]} · ${minutes(DATA.timelines[index].total)}`);
      box.append(label);
    }
  }

  // --- wiring -------------------------------------------------------------------------------

  $("play").addEventListener("click", toggle);
  $("skip").addEventListener("click", skip);
  $("back").addEventListener("click", back);
  $("done").addEventListener("click", done);
  $("handsfree").addEventListener("change", render);
  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target instanceof Element ? event.target : null;
    // Keys work everywhere but in the choices, and on the other buttons keep their usual meaning.
    if (target && (target.closest("select, input, textarea") || (target.closest("button") && target.id !== "play"))) return;
    const action = { " ": toggle, ArrowRight: skip, ArrowLeft: back, Enter: done }[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  });
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible" && state.running) keepAwake();
  });

  buildSetup();
  choose(state.variant, state.point);
  setInterval(tick, TICK_MS);
  window.__player = { state, data: DATA, segmentsOf };
})();
