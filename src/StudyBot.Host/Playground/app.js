"use strict";

const form = document.getElementById("ask-form");
const questionInput = document.getElementById("question");
const askButton = document.getElementById("ask-button");
const sourceFilter = document.getElementById("source-filter");
const answerBox = document.getElementById("answer");
const errorBox = document.getElementById("error");
const quizBox = document.getElementById("quiz");

// The playground has no sign-in: one browser is one user, for votes, quizzes and rate limits.
const browserId = (() => {
  const key = "studybot-user";
  const fresh = () => `browser-${Array.from(crypto.getRandomValues(new Uint8Array(12)), b => b.toString(16).padStart(2, "0")).join("")}`;
  try {
    let id = localStorage.getItem(key);
    if (!id) {
      id = fresh();
      localStorage.setItem(key, id);
    }
    return id;
  } catch {
    return fresh(); // storage blocked: one id for this page
  }
})();
// One conversation per page: questions (with their follow-ups) and quizzes go to /api/chat under this id.
const conversation = `playground-${Math.random().toString(36).slice(2)}`;
let currentAnswerId = null;

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

/** POSTs JSON as this browser; resolves to { response, body }. */
async function post(url, payload) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-StudyBot-User": browserId },
    body: JSON.stringify(payload),
  });
  return { response, body: await response.json() };
}

function showError(message) {
  errorBox.textContent = message;
  errorBox.hidden = !message;
}

// Answer text refers to citations as [1], [2]: turn each into a link to its entry.
function renderAnswerText(text) {
  const paragraph = document.getElementById("answer-text");
  paragraph.replaceChildren();
  for (const part of text.split(/(\[\d+\])/)) {
    const match = /^\[(\d+)\]$/.exec(part);
    if (match) paragraph.append(element("sup", {}, element("a", { href: `#citation-${match[1]}` }, `[${match[1]}]`)));
    else paragraph.append(part);
  }
}

// Each citation says each thing once: its title (the link), the section below the title, the source and the page.
function renderCitations(citations) {
  const list = document.getElementById("citations");
  list.replaceChildren();
  for (const c of citations) {
    const where = [c.section, c.source, c.page ? `page ${c.page}` : ""].filter(Boolean).join(" · ");
    list.append(element("li", { id: `citation-${c.number}`, value: String(c.number) },
      element("a", { href: c.url, target: "_blank", rel: "noopener" }, c.title),
      ` — ${where}`,
      element("span", { class: "snippet" }, c.snippet)));
  }
}

function renderNotice(text) {
  const notice = document.getElementById("answer-notice");
  notice.textContent = text || "";
  notice.hidden = !text;
}

function renderAnswer(body, milliseconds) {
  renderNotice(body.notice);
  renderAnswerText(body.text);
  renderCitations(body.citations);
  const model = body.promptVersion
    ? [`prompt ${body.promptVersion}`, `tools: ${body.toolsCalled && body.toolsCalled.length ? body.toolsCalled.join(", ") : "none"}`]
    : [];
  document.getElementById("answer-meta").textContent =
    [`${body.citations.length} source${body.citations.length === 1 ? "" : "s"}`, ...model, `${Math.round(milliseconds)} ms`].join(" · ");
  currentAnswerId = body.answerId || null;
  for (const vote of document.querySelectorAll(".vote")) vote.setAttribute("aria-pressed", "false");
  document.getElementById("vote-status").textContent = "";
  document.getElementById("quiz-on-answer").hidden = !body.found;
  document.getElementById("answer-actions").hidden = !currentAnswerId;
}

// A reply that is not an answer (while the first ingestion runs: "still indexing", ask again): shown as a notice.
function renderNoticeOnly(detail) {
  renderNotice(detail);
  document.getElementById("answer-text").textContent = "";
  document.getElementById("citations").replaceChildren();
  document.getElementById("answer-meta").textContent = "";
  document.getElementById("answer-actions").hidden = true;
  currentAnswerId = null;
}

// Reads a text/event-stream response as { event, data } pairs.
async function* serverSentEvents(response) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replaceAll("\r\n", "\n");
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const lines = buffer.slice(0, end).split("\n");
      buffer = buffer.slice(end + 2);
      const event = (lines.find(l => l.startsWith("event:")) || "event: message").slice(6).trim();
      const data = lines.filter(l => l.startsWith("data:")).map(l => l.slice(5).trimStart()).join("\n");
      if (data) yield { event, data: JSON.parse(data) };
    }
  }
}

// The answer streams in as it is written (server-sent events from /api/chat), then the reply replaces it.
async function ask(question) {
  showError("");
  askButton.disabled = true;
  const started = performance.now();
  try {
    const sources = sourceFilter.value ? [sourceFilter.value] : [];
    const response = await fetch("/api/chat", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "text/event-stream", "X-StudyBot-User": browserId },
      body: JSON.stringify({ text: `ask ${question}`, sources, conversationId: conversation }),
    });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new Error(problem.detail || `The server answered ${response.status}.`);
    }
    let streamed = "";
    for await (const { event, data } of serverSentEvents(response)) {
      if (event === "working") {
        document.getElementById("answer-meta").textContent = data.text;
      } else if (event === "delta") {
        streamed += data.text;
        renderAnswerText(streamed);
        renderCitations([]);
      } else if (event === "reply") {
        if (data.type === "answer") renderAnswer(data, performance.now() - started);
        else renderNoticeOnly(data.text);
      }
      answerBox.hidden = false;
    }
  } catch (error) {
    showError(error.message);
  } finally {
    askButton.disabled = false;
  }
}

async function vote(helpful) {
  if (!currentAnswerId) return;
  const status = document.getElementById("vote-status");
  try {
    const { response, body } = await post("/api/feedback", { answerId: currentAnswerId, helpful });
    if (!response.ok) throw new Error(body.detail || `The server answered ${response.status}.`);
    document.getElementById("vote-up").setAttribute("aria-pressed", String(helpful));
    document.getElementById("vote-down").setAttribute("aria-pressed", String(!helpful));
    status.textContent = body.text;
  } catch (error) {
    status.textContent = error.message;
  }
}

function renderStatus(status) {
  const index = status.index;
  const prompts = Object.entries(status.promptVersions || {});
  const running = index.sources.filter(s => s.configured && s.state === "running" && s.progressTotal > 0);
  const indexing = running.length
    ? ` · indexing ${running.reduce((n, s) => n + s.progressDone, 0)} of ${running.reduce((n, s) => n + s.progressTotal, 0)} documents`
    : "";
  document.getElementById("status-summary").textContent =
    `${status.ready ? "" : "Loading index… "}${index.documents} documents, ${index.chunks} chunks${indexing}` +
    (prompts.length ? ` · answers per prompt: ${prompts.map(([version, count]) => `${version} ${count}`).join(", ")}` : "");
  const list = document.getElementById("sources");
  list.replaceChildren();
  for (const s of index.sources) {
    const item = element("li", {},
      element("strong", {}, s.name), " ",
      element("span", { class: `state ${s.state}` }, s.state),
      element("div", { class: "meta" }, `${s.documents} documents · ${s.chunks} chunks` +
        (s.lastFinished ? ` · last run ${new Date(s.lastFinished).toLocaleString()}` : "")));
    if (s.state === "running" && s.progressTotal > 0) {
      item.append(element("progress", { max: String(s.progressTotal), value: String(s.progressDone) }),
        element("div", { class: "meta" }, `${s.progressDone} of ${s.progressTotal} documents`));
    }
    if (s.state === "unconfigured") {
      item.append(element("div", { class: "meta" }, "No longer configured; `forget` on the command line removes it."));
    }
    if (s.errors.length > 0) {
      item.append(element("ul", { class: "doc-errors" },
        ...s.errors.map(e => element("li", {}, `${e.document}: ${e.error}`))));
    }
    list.append(item);
  }
  const selected = sourceFilter.value;
  sourceFilter.replaceChildren(element("option", { value: "" }, "all sources"),
    ...index.sources.map(s => element("option", { value: s.name }, s.name)));
  sourceFilter.value = selected;
  return index.sources.some(s => s.configured && (s.state === "running" || s.state === "pending")) || !status.ready;
}

async function refreshStatus() {
  let busy = true;
  try {
    const response = await fetch("/api/status");
    busy = renderStatus(await response.json());
  } catch {
    document.getElementById("status-summary").textContent = "Status unavailable.";
  }
  setTimeout(refreshStatus, busy ? 1000 : 10000);
}

// Quizzes: started through /api/chat (or "Quiz me on this"), answered through /api/quiz/answer; the playground's quizzes are personal.
function showQuiz(body) {
  const feedback = document.getElementById("quiz-feedback");
  const isQuestion = body.type === "quiz-question";
  feedback.textContent = isQuestion ? "" : body.text;
  feedback.className = `feedback ${body.found === true ? "right" : body.found === false ? "wrong" : ""}`;
  feedback.hidden = isQuestion;
  const notice = document.getElementById("quiz-notice");
  notice.textContent = isQuestion && body.notice ? body.notice : "";
  notice.hidden = !notice.textContent;
  const options = document.getElementById("quiz-options");
  options.replaceChildren();
  document.getElementById("quiz-heading").textContent = body.quiz ? `Question ${body.quiz.number} of ${body.quiz.total} · ${body.quiz.topic}` : "";
  document.getElementById("quiz-stem").textContent = body.quiz ? body.quiz.stem : "";
  if (body.quiz) {
    body.quiz.options.forEach((text, option) => {
      const button = element("button", { type: "button", class: "option" }, `${String.fromCharCode(65 + option)}) ${text}`);
      button.addEventListener("click", () => answerQuiz(body.quiz, option));
      options.append(button);
    });
  }
  quizBox.hidden = false;
}

async function quizRequest(url, payload) {
  showError("");
  try {
    const { response, body } = await post(url, { ...payload, conversationId: conversation });
    if (!response.ok) throw new Error(body.detail || `The server answered ${response.status}.`);
    showQuiz(body);
  } catch (error) {
    showError(error.message);
  }
}

function answerQuiz(quiz, option) {
  for (const button of document.querySelectorAll("#quiz-options button")) button.disabled = true;
  quizRequest("/api/quiz/answer", { sessionId: quiz.sessionId, question: quiz.question, option });
}

form.addEventListener("submit", event => {
  event.preventDefault();
  const question = questionInput.value.trim();
  if (question) ask(question);
});
document.getElementById("vote-up").addEventListener("click", () => vote(true));
document.getElementById("vote-down").addEventListener("click", () => vote(false));
document.getElementById("quiz-on-answer").addEventListener("click", async () => {
  if (!currentAnswerId) return;
  await quizRequest("/api/quiz/on-answer", { answerId: currentAnswerId });
  quizBox.scrollIntoView({ behavior: "smooth", block: "nearest" });
});
document.getElementById("quiz-form").addEventListener("submit", event => {
  event.preventDefault();
  quizRequest("/api/chat", { text: `quiz ${document.getElementById("quiz-topic").value.trim()}`.trim() });
});
document.getElementById("quiz-me-button").addEventListener("click", () => quizRequest("/api/chat", { text: "quiz me" }));

refreshStatus();
